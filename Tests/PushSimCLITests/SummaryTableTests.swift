import Foundation
import XCTest
@testable import PushSimCLI

/// The terminal table's columns come from the catalog's short labels; the README quotes the
/// table, so its header line must be what `run` prints.
final class SummaryTableTests: XCTestCase {
    func testHeadersAreTheCatalogsShortLabels() {
        XCTAssertEqual(SummaryTable.threadsHeader, "threads mean/p99/max")
        XCTAssertEqual(SummaryTable.replicationColumns.map(\.terminalLabel),
                       ["409 share", "threads p99", "503s", "lost Pings", "push p95", "battery/day"])
        XCTAssertEqual(SummaryTable.threads.count + SummaryTable.tail.count + SummaryTable.share409.count, 8,
                       "a terminal path names no figure")
    }

    func testTerminalFormatByUnit() {
        XCTAssertEqual(SummaryTable.format(0.363, unit: .share), "36.3 %")
        XCTAssertEqual(SummaryTable.format(0.3634, halfWidth: 0.0012, unit: .share), "36.3 ± 0.1 %")
        XCTAssertEqual(SummaryTable.format(6.2, unit: .percentPerDay), "6.20 %")
        XCTAssertEqual(SummaryTable.format(0.449, halfWidth: 0.006, unit: .seconds), "449 ms ± 6 ms")
        XCTAssertEqual(SummaryTable.format(499.8, unit: .threads, decimals: 1), "499.8")
        XCTAssertEqual(SummaryTable.format(501, unit: .threads), "501")
        XCTAssertEqual(SummaryTable.format(nil, unit: .share), "—")
        XCTAssertEqual(SummaryTable.format(.nan, halfWidth: .nan, unit: .seconds), "—")
    }

    func testReadmeQuotesTheHeader() throws {
        let folder = temporaryFolder("summary-table-readme")
        let run = pushsim("run", repositoryRoot + "/Scenarios/quickstart.json5", "--quiet", "--out", folder)
        XCTAssertEqual(run.status, 0, run.err)
        let printed = try XCTUnwrap(run.out.split(separator: "\n").first)
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let quoted = readme.split(separator: "\n").first { $0.contains("threads mean/p99/max") }
        XCTAssertEqual(quoted.map(String.init), String(printed))
    }
}
