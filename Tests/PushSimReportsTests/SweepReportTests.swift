@testable import PushSim
@testable import PushSimReports
import XCTest

final class SweepReportTests: XCTestCase {
    /// Figures with the metrics a sweep report reads.
    func figures(battery: Double, lost: Int, total: Int = 1_000, p99: Double = 100, capacity: Int = 200,
                 share409: Double = 0.2, latency: Double = 0.4) -> Figures {
        var f = Figures()
        f.battery.percentPerDay = battery
        f.pings.lost = lost
        f.pings.total = total
        f.pings.share409 = share409
        f.threads.p99 = p99
        f.threads.mean = p99 - 2
        f.threads.capacity = capacity
        f.pushLatency.p95 = latency
        f.syncs.total = 5_000
        return f
    }

    /// Heartbeat 5m…30m behind a 30m firewall: battery falls, losses jump at 30m.
    var heartbeatTable: SweepTable {
        let rows: [(String, Double, Int)] = [("5m", 10, 0), ("10m", 7, 0), ("15m", 5, 0), ("20m", 4, 2), ("25m", 3.1, 5), ("30m", 2.5, 410)]
        let points = rows.map { h, battery, lost in
            SweepPoint(values: [h], replications: [-0.1, 0, 0.1].map { figures(battery: battery + $0, lost: lost, latency: lost > 100 ? 600 : 0.45) })
        }
        return SweepTable(title: "Heartbeat behind a 30m firewall", description: "Which heartbeat?",
                          parameters: ["populations.iphone.heartbeat.fixed"], points: points)
    }

    func testPicksTheLowestBatteryAmongPointsWithFewLostPings() {
        let d = SweepData(heartbeatTable)
        XCTAssertEqual(SweepFindings.best(d)?.values, ["25m"])
        let page = SweepReport.html(heartbeatTable)
        assertValidPage(page)
        let text = findings(page)
        XCTAssertTrue(text.contains("Lowest battery use with push latency p95 within 1.5× the best (450ms) and lost Pings under 1%: heartbeat 25m (3.1% ± 0.25% per day; push latency p95 450ms, lost Pings 0.50%)."), text)
        XCTAssertTrue(text.contains("Heartbeat 30m uses less (2.5% ± 0.25%) but its push latency p95 is 10m and it loses 41.0% of its Pings."), text)
        XCTAssertTrue(text.contains("Lost Pings stay below 1% up to heartbeat 25m and reach 41.0% at 30m."), text)
        XCTAssertTrue(text.contains("Rule for the best point"), text)
        XCTAssertTrue(text.contains("Threads held leave at least 10% headroom at every point"), text)
        XCTAssertTrue(page.contains("<div class=\"label\">Best heartbeat</div><div class=\"value\">25m</div>"))
        XCTAssertTrue(page.contains("◀ best"))
        XCTAssertTrue(page.contains("best: 25m"))
        XCTAssertTrue(page.contains("1% limit"))
        XCTAssertTrue(page.contains("Varied: heartbeat (populations.iphone.heartbeat.fixed) · 6 points × 3 replications"))
        // One chart per key metric.
        XCTAssertEqual(XMLCheck.parse(page).count("svg"), 7)
    }

    func testConfidenceBandsAndDurationAxis() {
        let chart = SweepCharts.chart(SweepMetric.metric(.battery), SweepData(heartbeatTable), best: nil).svg(width: 800, height: 300)
        XCTAssertTrue(chart.contains("(confidence band)"))
        XCTAssertTrue(chart.contains(">30m</text>"), "duration ticks on the x axis")
    }

    func testSmallestThreadCountWithHeadroom() {
        let points = [100, 150, 200, 250].map { n in
            SweepPoint(values: [String(n)], replications: [figures(battery: 5, lost: 0, p99: min(140, Double(n)), capacity: n)])
        }
        let page = SweepReport.html(SweepTable(title: "threads", parameters: ["server.threads"], points: points))
        assertValidPage(page)
        XCTAssertTrue(findings(page).contains("Smallest pool that leaves 10% headroom at p99: 200 threads (p99 140 of 200, 70.0%)."), findings(page))
    }

    func testSecondParameterGivesOneSeriesPerValue() {
        var points: [SweepPoint] = []
        for threads in [150, 300] {
            for (h, battery) in [("10m", 7.0), ("20m", 4.0)] {
                points.append(SweepPoint(values: [h, String(threads)],
                                         replications: [figures(battery: battery, lost: 0, p99: 140, capacity: threads)]))
            }
        }
        let table = SweepTable(title: "two", parameters: ["populations.iphone.heartbeat.fixed", "server.threads"], points: points)
        let d = SweepData(table)
        XCTAssertEqual(d.series.map(\.label), ["threads 150", "threads 300"])
        XCTAssertEqual(d.series[0].points.map(\.values), [["10m", "150"], ["20m", "150"]])
        let page = SweepReport.html(table)
        assertValidPage(page)
        XCTAssertTrue(page.contains(">threads 300</text>"), "legend names the series")
        let text = findings(page)
        XCTAssertTrue(text.contains("Lowest battery use with push latency p95 within 1.5× the best (400ms) and lost Pings under 1%: heartbeat 20m, threads 150"), text)
        XCTAssertTrue(text.contains("for heartbeat 10m: 300 threads (p99 140 of 300, 46.7%); for heartbeat 20m: 300 threads"), text)
        XCTAssertTrue(text.contains("With threads 150, lost Pings stay below 1% at every point"), text)
    }

    func testCategoricalValuesUseBars() {
        let points = [("lte", 5.0), ("3g", 4.0), ("wifi", 1.0)].map { SweepPoint(values: [$0.0], replications: [figures(battery: $0.1, lost: 0)]) }
        let table = SweepTable(title: "radio", parameters: ["populations.iphone.radio"], points: points)
        XCTAssertEqual(SweepData(table).axis.kind, .category)
        let page = SweepReport.html(table)
        assertValidPage(page)
        XCTAssertTrue(findings(page).contains("radio wifi"), findings(page))
        XCTAssertTrue(page.contains("not numbers or durations"))
    }

    func testNoPointQualifies() {
        let points = ["30m", "40m"].map { SweepPoint(values: [$0], replications: [figures(battery: 2, lost: 300)]) }
        let page = SweepReport.html(SweepTable(title: "bad", parameters: ["populations.iphone.firewall.idleTimeout"], points: points))
        assertValidPage(page)
        XCTAssertTrue(findings(page).contains("No point keeps lost Pings under 1%; the fewest are at firewall idleTimeout 30m (30.0%"), findings(page))
        XCTAssertTrue(findings(page).contains("Lost Pings are at 1% or more from the first point (30.0% at firewall idleTimeout 30m)."), findings(page))
        XCTAssertTrue(findings(page).contains("Shorten the heartbeat below the firewall"), findings(page))
        XCTAssertTrue(page.contains("no point keeps lost Pings under 1%"))
    }

    func testAxisParsing() {
        let durations = SweepAxis(["5m", "90s", "1h30m", "5m"])
        XCTAssertEqual(durations.kind, .duration)
        XCTAssertEqual(durations.values, ["90s", "5m", "1h30m"])
        XCTAssertEqual(durations.position("1h30m"), 5_400)
        let numbers = SweepAxis(["600", "40", "0.5"])
        XCTAssertEqual(numbers.kind, .number)
        XCTAssertEqual(numbers.values, ["0.5", "40", "600"])
        XCTAssertEqual(SweepAxis(["0", "15m"]).kind, .duration)
        XCTAssertEqual(SweepAxis(["lte", "5m"]).kind, .category)
        XCTAssertEqual(SweepAxis(["inf", "nan"]).kind, .category)
        XCTAssertEqual(SweepAxis([]).kind, .category)
        XCTAssertEqual(SweepData.displayNames(["populations.iphone.heartbeat.fixed", "server.threads", "seed"]), ["heartbeat", "threads", "seed"])
        XCTAssertEqual(SweepData.displayNames(["populations.iphone.heartbeat.fixed", "populations.android.heartbeat.fixed"]),
                       ["iphone heartbeat", "android heartbeat"])
    }

    func testDegenerateTables() {
        let tables = [
            SweepTable(title: "", parameters: [], points: []),
            SweepTable(title: "one", parameters: ["heartbeat"], points: [SweepPoint(values: ["15m"], replications: [figures(battery: 5, lost: 0)])]),
            SweepTable(title: "none run", parameters: ["heartbeat"], points: [SweepPoint(values: ["15m"], replications: [])]),
            SweepTable(title: "no params", parameters: [], points: [SweepPoint(values: [], replications: [Figures(), Figures()])]),
            SweepTable(title: "ragged", parameters: ["a", "b"], points: [SweepPoint(values: ["1"], replications: [Figures()]),
                                                                         SweepPoint(values: ["2", "x", "extra"], replications: [])]),
            SweepTable(title: "zeros", parameters: ["heartbeat"], points: ["5m", "10m"].map { SweepPoint(values: [$0], replications: [Figures()]) }),
        ]
        for table in tables {
            let page = SweepReport.html(table)
            assertValidPage(page)
            XCTAssertEqual(page, SweepReport.html(table))
        }
        XCTAssertTrue(findings(SweepReport.html(tables[0])).contains("This sweep has no points."))
        XCTAssertTrue(findings(SweepReport.html(tables[2])).contains("No point of this sweep has results yet."))
        XCTAssertTrue(findings(SweepReport.html(tables[1])).contains("heartbeat 15m"))
    }

    func testDeterministicAndRealRunsWork() throws {
        XCTAssertEqual(SweepReport.html(heartbeatTable), SweepReport.html(heartbeatTable))
        // A small real sweep: two heartbeats, two replications.
        let points = try ["15m", "40m"].map { h in
            SweepPoint(values: [h], replications: try (0..<2).map { r in
                var s = Scenario(name: "h", populations: [Population(name: "iphone", count: 50)])
                s.duration = .hours(4)
                s.server.threads = 60
                s.server.heartbeatMax = .hours(1)
                s.populations[0].heartbeat = .fixed(try .init(parsing: h))
                return try Simulation.run(s, replication: r).summary.overall
            })
        }
        let page = SweepReport.html(SweepTable(title: "real", parameters: ["populations.iphone.heartbeat.fixed"], points: points))
        assertValidPage(page)
        // The best p95 as the page prints it, read from the runs themselves.
        let bestP95 = points.compactMap { p in p.replications.compactMap(\.pushLatency.p95).min() }.min()
        XCTAssertNotNil(bestP95)
        XCTAssertTrue(findings(page).contains("Lowest battery use with push latency p95 within 1.5× the best ("), findings(page))
        XCTAssertTrue(findings(page).contains(") and lost Pings under 1%: heartbeat 15m"), findings(page))
    }

    /// Issue 13: a heartbeat past the server's bound is the bound in disguise. With the
    /// lowest battery of all (it ran as 15m, and noise made it cheaper), it is still never
    /// recommended over the bound, and it is shown as what the server did with it.
    func testAClampedHeartbeatIsNeverRecommendedOverTheBound() {
        let points = [("5m", 10.0, nil), ("15m", 5.0, nil), ("30m", 4.9, "15m")].map { h, battery, used in
            SweepPoint(values: [h], replications: [figures(battery: battery, lost: 0)], used: [used])
        }
        let table = SweepTable(title: "bounds", parameters: ["populations.iphone.heartbeat.fixed"], points: points)
        XCTAssertEqual(SweepFindings.best(SweepData(table))?.values, ["15m"])
        let page = SweepReport.html(table)
        assertValidPage(page)
        let text = findings(page)
        XCTAssertTrue(text.contains("heartbeat 30m (clamped to 15m by the server)"), text)
        XCTAssertTrue(text.contains("never recommended over it"), text)
        XCTAssertTrue(page.contains("30m (clamped to 15m by the server)"), "the table shows it too")
    }

    /// `--best` targets on any metric; smallest by default, largest with --prefer largest;
    /// a thread sweep without --best uses threads.fullFraction <= 0.01.
    func testBestByTargets() {
        let points = [100, 150, 200, 250].map { n -> SweepPoint in
            var f = figures(battery: 5, lost: 0, p99: Double(n), capacity: n)
            f.threads.fullFraction = n >= 200 ? 0.001 : 0.2
            f.pushLatency.p95 = n >= 150 ? 1 : 90
            return SweepPoint(values: [String(n)], replications: [f, f])
        }
        func best(_ rule: SweepBestRule?) -> [String]? {
            SweepFindings.best(SweepData(SweepTable(title: "t", parameters: ["server.threads"], points: points, bestRule: rule)))?.values
        }
        let latency = MetricTarget(metric: "pushLatency.p95", relation: .atMost, value: 60)
        XCTAssertEqual(best(nil), ["200"], "default for threads: smallest with fullFraction <= 0.01")
        XCTAssertEqual(best(SweepBestRule(targets: [latency])), ["150"])
        XCTAssertEqual(best(SweepBestRule(targets: [latency], prefer: .largest)), ["250"])
        XCTAssertNil(best(SweepBestRule(targets: [MetricTarget(metric: "pushLatency.p95", relation: .below, value: 0.5)])))
        let page = SweepReport.html(SweepTable(title: "t", parameters: ["server.threads"], points: points,
                                               bestRule: SweepBestRule(targets: [latency])))
        assertValidPage(page)
        let text = findings(page)
        XCTAssertTrue(text.contains("Smallest point meeting pushLatency.p95 &lt;= 60: threads 150 (pushLatency.p95 1)."), text)
        XCTAssertTrue(text.contains("Rule for the best point (--best): the smallest value"), text)
        let none = findings(SweepReport.html(SweepTable(title: "t", parameters: ["server.threads"], points: points,
            bestRule: SweepBestRule(targets: [MetricTarget(metric: "pushLatency.p95", relation: .below, value: 0.5)]))))
        XCTAssertTrue(none.contains("No point meets pushLatency.p95 &lt; 0.5; the closest is threads 150"), none)
    }
}
