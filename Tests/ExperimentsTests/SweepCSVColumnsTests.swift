@testable import Experiments
import PushSim
import XCTest

/// The sweep tables' metric columns are the catalog's, and a missing figure is an empty cell.
final class SweepCSVColumnsTests: XCTestCase {
    func testMetricColumnsAreTheCatalogsSweepColumns() {
        XCTAssertEqual(SweepCSV.metricNames, MetricCatalog.sweepColumns.map(\.path))
        XCTAssertEqual(SweepCSV.metricNames.first, "pings.total")
        XCTAssertEqual(SweepCSV.metricNames.last, "pushLatency.undeliveredAgeMax", "new columns append")
    }

    func testMissingFiguresAreEmptyCells() {
        let n = SweepCSV.metricNames.count
        var row = Array(repeating: 1.5, count: n)
        row[8] = .nan   // pings.share409 with no Ping
        let text = SweepCSV.renderReplications([row])
        let cells = text.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(cells.count, n + 1)
        XCTAssertEqual(cells[9], "")
        XCTAssertEqual(cells[1], "1.5")
        XCTAssertFalse(text.contains("null"))
        // One replication: no spread, so every ci95 cell is empty too.
        let summary = SweepCSV.renderReplicationSummary([row]).split(separator: "\n")[1]
            .split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(summary.count, 1 + 2 * n)
        XCTAssertEqual(summary[1], "1.5")
        XCTAssertEqual(summary[2], "")
        XCTAssertEqual(summary[1 + 2 * 8], "")
    }
}
