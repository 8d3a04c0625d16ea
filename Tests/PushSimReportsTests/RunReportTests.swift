@testable import PushSim
import PushSimReports
import XCTest

final class RunReportTests: XCTestCase {
    func html(_ run: RunResult, description: String = "", replications: [Summary] = []) -> String {
        RunReport.html(summary: run.summary, timeseries: run.timeseries, description: description, replications: replications)
    }

    func testPagesAreWellFormedAndSelfContained() {
        for run in [Runs.single, Runs.mixed, Runs.pool, Runs.starved, Runs.lossy, Runs.fetch] {
            let check = assertValidPage(html(run, description: "Why <so> many & \"409s\"?"))
            XCTAssertGreaterThanOrEqual(check.count("svg"), 3, run.summary.scenario)
            XCTAssertEqual(check.count("h1"), 1)
            XCTAssertEqual(check.count("aside"), 1)
        }
    }

    func testTitleSubtitleAndDescription() {
        let page = html(Runs.mixed, description: "Can 300 threads carry 260 devices?")
        XCTAssertTrue(page.contains("<h1>mixed &quot;fleet&quot; &lt;test&gt; &amp; co</h1>"))
        XCTAssertTrue(page.contains("Seed 1 · replication 0 · 260 devices in 2 populations · 6h simulated, 5h measured after 1h warmup · 1 server with 300 threads"))
        XCTAssertTrue(page.contains("<p>Can 300 threads carry 260 devices?</p>"))
        XCTAssertFalse(html(Runs.single).contains("<p></p>"))
    }

    func testConflictFindingQuotesTheShare() throws {
        let s = Runs.single.summary
        XCTAssertEqual(s.overall.pings.share409 ?? .nan, 0.245, accuracy: 0.015)
        let text = findings(html(Runs.single))
        let p = s.overall.pings
        let quoted = String(format: "%.1f%% of Pings (%@ of %@) ended in HTTP 409", (p.share409 ?? .nan) * 100,
                            grouped(p.conflict409), grouped(p.total))
        XCTAssertTrue(text.contains(quoted), "\(quoted)\n\(text)")
        XCTAssertTrue(text.contains("opens Mail"), text)
        XCTAssertTrue(text.contains("expected, not errors"), text)
        XCTAssertTrue(text.contains("the pool is never full"), text)
        XCTAssertTrue(text.contains("no Ping was lost"), text)
        let battery = try XCTUnwrap(s.overall.battery.percentPerDay)
        XCTAssertTrue(text.contains(String(format: "Battery: %.1f%% per day", battery)), text)
    }

    func testStarvedPoolIsReportedFull() throws {
        let s = Runs.starved.summary
        XCTAssertGreaterThan(s.overall.threads.fullFraction, 0.9)
        let text = findings(html(Runs.starved))
        XCTAssertTrue(text.contains(String(format: "The thread pool was full %.1f%% of the time", s.overall.threads.fullFraction * 100)), text)
        let p99 = Int(try XCTUnwrap(s.overall.threads.p99).rounded())
        XCTAssertEqual(p99, s.overall.threads.capacity, "a pool full all the time has its p99 at capacity")
        XCTAssertTrue(text.contains("p99 \(p99) of \(s.overall.threads.capacity)"), text)
        XCTAssertTrue(text.contains("Syncs timed out"), text)
        XCTAssertTrue(text.contains("1.2 threads per device gives 240 threads"), text)
        XCTAssertTrue(text.contains("Pings waited in the queue"), "lost Pings are blamed on the pool, not a firewall: " + text)
        XCTAssertFalse(text.contains("firewall"), text)
    }

    func testRefusalsAreCounted() {
        let run = Runs.run { s in
            s.name = "refusing"
            s.server.threads = 40
            s.server.queueLimit = 20
        }
        let o = run.summary.overall
        XCTAssertGreaterThan(o.pings.rejected503 + o.syncs.rejected503, 0)
        let text = findings(html(run))
        let refused = o.pings.rejected503 + o.syncs.rejected503
        let formatted = grouped(refused)
        XCTAssertTrue(text.contains("\(formatted) requests were refused with HTTP 503"), text + " / " + formatted)
        XCTAssertTrue(html(run).contains("<div class=\"label\">Refused (503)</div><div class=\"value\">\(formatted)</div>"))
    }

    func testLostPingsAreExplained() throws {
        let text = findings(html(Runs.lossy))
        let o = Runs.lossy.summary.overall
        XCTAssertGreaterThan(o.pings.lost, 0)
        let lost = String(format: "%.1f%% of Pings were lost (%@)", Double(o.pings.lost) / Double(o.pings.total) * 100, grouped(o.pings.lost))
        XCTAssertTrue(text.contains(lost), lost + "\n" + text)
        XCTAssertTrue(text.contains("of mail was delivered late, after a lost Ping"), text)
        let heartbeatMinutes = Int((try XCTUnwrap(o.heartbeat.meanSeconds) / 60).rounded())
        XCTAssertTrue(text.contains("firewall or NAT idle timeout shorter than the heartbeat (here a mean heartbeat of \(heartbeatMinutes)m)"), text)
        XCTAssertTrue(html(Runs.lossy).contains("Lost Pings and late mail"))
    }

    func testCardsAndCharts() throws {
        let page = html(Runs.single)
        for label in ["409 share", "Threads p99 / capacity", "Refused (503)", "Lost Pings", "Push latency p95", "Battery per day"] {
            XCTAssertTrue(page.contains("<div class=\"label\">\(label)</div>"), label)
        }
        let threads = Runs.single.summary.overall.threads
        let p99 = Int(try XCTUnwrap(threads.p99).rounded())
        XCTAssertTrue(page.contains("<div class=\"value\">\(p99) / \(threads.capacity)</div>"), "\(p99) / \(threads.capacity)")
        XCTAssertTrue(page.contains("pool size \(threads.capacity)"))
        XCTAssertTrue(page.contains("How Pings ended at the server"))
        XCTAssertTrue(page.contains("Push latency: mail arrival to delivery on the device"))
        let p95 = Int((try XCTUnwrap(Runs.single.summary.overall.pushLatency.p95) * 1000).rounded())
        XCTAssertTrue(page.contains("p95 \(p95)ms"), "p95 \(p95)ms")
        XCTAssertTrue(page.contains("How to read this report"))
        XCTAssertTrue(page.contains("No request ever waited for a thread."))
    }

    func testPoolShowsThreadsPerServer() {
        let page = html(Runs.pool)
        XCTAssertTrue(page.contains("Threads held per server (max in each interval)"))
        XCTAssertTrue(page.contains("150 threads per server"))
        XCTAssertTrue(page.contains("<th scope=\"col\" class=\"num\">a</th><th scope=\"col\" class=\"num\">b</th>"))
        XCTAssertTrue(page.contains("2 servers with 300 threads in all"))
        XCTAssertTrue(findings(page).contains("Threads held across the pool: mean"), findings(page))
        XCTAssertTrue(findings(page).contains("Busiest server:"), findings(page))
    }

    func testAdaptiveHeartbeatsGetTheirTable() {
        XCTAssertTrue(html(Runs.mixed).contains("Devices by final heartbeat"))
        XCTAssertFalse(html(Runs.single).contains("Devices by final heartbeat"))
    }

    func testReplicationsTableWithConfidenceIntervals() {
        let runs = [Runs.single] + (1..<3).map { r in Runs.run({ _ in }, replication: r) }
        let page = html(Runs.single, replications: runs.map(\.summary))
        assertValidPage(page)
        XCTAssertTrue(page.contains("<h2>Replications</h2>"))
        XCTAssertTrue(page.contains("<th scope=\"col\" class=\"num\">Rep. 2</th>"))
        XCTAssertTrue(page.contains("Mean ± 95% CI"))
        XCTAssertTrue(findings(page).contains("Across 3 replications"), findings(page))
        let values = runs.map { $0.summary.overall.pings.share409 ?? .nan }
        let mean = values.reduce(0, +) / 3
        XCTAssertTrue(findings(page).contains("409 share \(percent(mean)) ± "), findings(page))
        // One replication: no table.
        XCTAssertFalse(html(Runs.single, replications: [Runs.single.summary]).contains("<h2>Replications</h2>"))
    }

    func grouped(_ n: Int) -> String {
        n < 1_000 ? String(n) : grouped(n / 1_000) + "," + String(String(n % 1_000 + 1_000).dropFirst())
    }

    func percent(_ x: Double) -> String {
        let tenths = (x * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    func testRestartsTable() {
        var s = Runs.single.summary
        s.restarts = [Made.restart(server: "server", at: 7_200, drainSeconds: 600, waitedFor: 180, reset: 20, refused: 345, pushLatencyP95After: 42)]
        let page = RunReport.html(summary: s, timeseries: Runs.single.timeseries)
        assertValidPage(page)
        XCTAssertTrue(page.contains("<h2>Restarts</h2>"))
        XCTAssertTrue(findings(page).contains("1 graceful restart: draining took up to 10m while waiting for 180 held sessions; 20 were reset at the drain timeout and 345 requests were refused."), findings(page))
        XCTAssertTrue(page.contains(">restart</text>"))
    }

    func testDegenerateInputsStillGiveAPage() {
        // No time series, nothing measured, no devices, non-finite numbers.
        var f = Figures()
        f.threads.mean = .nan
        f.pushLatency.p95 = .infinity
        let empty = Made.summary(overall: f)
        for page in [RunReport.html(summary: empty, timeseries: []),
                     RunReport.html(summary: Made.summary(), timeseries: [ServerTimeseries(server: "s", rows: [])], replications: [empty, empty]),
                     RunReport.html(summary: Runs.fetch.summary, timeseries: []),
                     RunReport.html(summary: Runs.single.summary, timeseries: [])] {
            let check = XMLCheck.parse(page)
            XCTAssertNil(check.error)
            XCTAssertFalse(page.contains("<script"))
        }
        let page = RunReport.html(summary: empty, timeseries: [])
        XCTAssertTrue(page.contains("No time series was given"))
        XCTAssertTrue(findings(page).contains("No Ping ended at the server"))
        XCTAssertTrue(page.contains("No mail was delivered in the measured window."))
        XCTAssertTrue(findings(RunReport.html(summary: Runs.fetch.summary, timeseries: Runs.fetch.timeseries)).contains("by a scheduled fetch"))
    }

    func testDeterministic() {
        for run in [Runs.mixed, Runs.pool] {
            let a = html(run, description: "d", replications: [run.summary, Runs.single.summary])
            let b = html(run, description: "d", replications: [run.summary, Runs.single.summary])
            XCTAssertEqual(a, b)
        }
        // Decoded summaries give the same page as the originals.
        let decoded = try? Summary(jsonText: Runs.mixed.summary.jsonText)
        let csv = try? TimeseriesCSV.parse(TimeseriesCSV.render(Runs.mixed.timeseries))
        XCTAssertEqual(RunReport.html(summary: decoded!, timeseries: csv!),
                       RunReport.html(summary: try! Summary(jsonText: decoded!.jsonText), timeseries: try! TimeseriesCSV.parse(TimeseriesCSV.render(csv!))))
    }
}
