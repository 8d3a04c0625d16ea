@testable import PushSim
@testable import PushSimReports
import XCTest

/// The report rows, cards and terminal columns name figures by catalog path (or a derived
/// figure's); these tests check that every name resolves, that the derived figures are what
/// they say, and that the one format-by-unit writes each unit as the reports always have.
final class ReportMetricTests: XCTestCase {
    func testEveryReplicationRowNamesAFigure() {
        XCTAssertEqual(ReplicationFigures.metrics.count, ReplicationFigures.paths.count,
                       "a path of ReplicationFigures names neither a catalog row nor a derived figure")
        for row in ReplicationFigures.metrics {
            let label = MetricCatalog.figure(row.metric.path)?.label ?? DerivedMetrics.figure(row.metric.path)?.label
            XCTAssertEqual(row.name, label, row.metric.path)
        }
    }

    func testDerivedFiguresAreNotSummaryFigures() {
        for d in DerivedMetrics.all {
            XCTAssertNil(MetricCatalog.figure(d.path), "\(d.path) would shadow a figure of summary.json")
        }
        XCTAssertEqual(Set(DerivedMetrics.all.map(\.path)).count, DerivedMetrics.all.count)
    }

    func testDerivedFiguresFromTheirParts() throws {
        let starved = Runs.starved.summary.overall
        let refused = try XCTUnwrap(ReportMetric.named("refused"))
        XCTAssertEqual(refused.value(in: starved), Double(starved.pings.rejected503 + starved.syncs.rejected503))
        let lossy = Runs.lossy.summary.overall
        XCTAssertGreaterThan(lossy.pings.lost, 0)
        let lost = try XCTUnwrap(ReportMetric.named("pings.lostShare"))
        XCTAssertEqual(try XCTUnwrap(lost.value(in: lossy)), Double(lossy.pings.lost) / Double(lossy.pings.total), accuracy: 1e-12)
        XCTAssertEqual(lost.unit, .share)
    }

    func testCatalogFigureReadsTheSummary() throws {
        let o = Runs.single.summary.overall
        XCTAssertEqual(ReportMetric.named("pushLatency.p95")?.value(in: o), o.pushLatency.p95)
        XCTAssertEqual(ReportMetric.named("threads.max")?.value(in: o), o.threads.max.map(Double.init))
        XCTAssertNil(ReportMetric.named("httpStatus"), "a map is not one figure")
        XCTAssertNil(ReportMetric.named("no.such"))
    }

    func testFormatByUnit() {
        XCTAssertEqual(ReportText.format(0.245, unit: .share), "24.5%")
        XCTAssertEqual(ReportText.format(0.005, unit: .share), "0.50%")
        XCTAssertEqual(ReportText.format(90, unit: .seconds), "1m 30s")
        XCTAssertEqual(ReportText.format(0.452, unit: .seconds), "452ms")
        XCTAssertEqual(ReportText.format(6.2, unit: .percentPerDay), "6.2%")
        XCTAssertEqual(ReportText.format(1234.4, unit: .count), "1,234")
        XCTAssertEqual(ReportText.format(1234.4, unit: .joulesPerDay), "1,234")
        XCTAssertEqual(ReportText.format(12.34, unit: .threads), "12.3")
        for unit in MetricUnit.allCases {
            XCTAssertEqual(ReportText.format(nil, unit: unit), "—", unit.rawValue)
            XCTAssertEqual(ReportText.format(.nan, unit: unit), "—", unit.rawValue)
        }
    }

    func testCardsAreTheCatalogLabels() {
        let titles = RunCards.cards(Runs.single.summary).map(\.label)
        XCTAssertEqual(titles, ["409 share", "Threads p99 / capacity", "Refused (503)", "Lost Pings", "Push latency p95", "Battery per day"])
    }
}
