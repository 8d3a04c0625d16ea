import Foundation
import XCTest
@testable import Experiments

final class AtomicFileTests: XCTestCase {
    func testWritesWholeFilesAndLeavesNoTemporaries() throws {
        let folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("one", to: folder + "/a/b/c.txt")
        try AtomicFile.write("two", to: folder + "/a/b/c.txt")
        XCTAssertEqual(AtomicFile.read(folder + "/a/b/c.txt"), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b"), ["c.txt"])
    }

    func testWriteAllWritesEveryFileOrNone() throws {
        let folder = NSTemporaryDirectory() + "atomic-all-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.writeAll([(folder + "/summary.json", "old summary"), (folder + "/report.html", "old report")])
        // The third file's folder is a regular file: nothing of the new set may land, not
        // even the two files that could be written.
        try AtomicFile.write("", to: folder + "/blocker")
        XCTAssertThrowsError(try AtomicFile.writeAll([(folder + "/summary.json", "new summary"), (folder + "/report.html", "new report"),
                                                      (folder + "/blocker/run.json", "new run")])) { error in
            XCTAssertTrue(String(describing: error).contains("blocker/run.json"), "\(error)")
        }
        XCTAssertEqual(AtomicFile.read(folder + "/summary.json"), "old summary")
        XCTAssertEqual(AtomicFile.read(folder + "/report.html"), "old report")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["blocker", "report.html", "summary.json"],
                       "no temporary file is left behind")
        try AtomicFile.writeAll([(folder + "/summary.json", "new summary"), (folder + "/report.html", "new report")])
        XCTAssertEqual(AtomicFile.read(folder + "/summary.json"), "new summary")
        XCTAssertEqual(AtomicFile.read(folder + "/report.html"), "new report")
    }

    func testParallelMapKeepsOrderAndRethrows() throws {
        struct Boom: Error {}
        XCTAssertEqual(try parallelMap(count: 100, jobs: 4) { $0 * $0 }, (0..<100).map { $0 * $0 })
        XCTAssertThrowsError(try parallelMap(count: 10, jobs: 3) { i -> Int in if i == 5 { throw Boom() }; return i })
    }
}
