import JSON5
@testable import PushSim
@testable import PushSimReports
import XCTest

/// The catalog is the one definition of the metrics: these tests derive what the writer,
/// the reader and the glossary produce and compare it with the rows, independently.
final class MetricCatalogTests: XCTestCase {
    /// A run where nothing happens: a population with no devices beside one whose devices
    /// get no mail, never open Mail and sit in fetch mode with a fetch interval longer than
    /// the run; a restart in it, so there is an hour after it with no mail.
    static let idle: RunResult = {
        var s = Scenario(name: "idle", populations: [Population(name: "nobody", count: 0), Population(name: "quiet", count: 3)])
        s.duration = .hours(4)
        s.warmup = .hours(1)
        s.populations[1].mode = .fetch
        s.populations[1].fetchInterval = .hours(12)
        s.populations[1].mailPerDay = 0
        s.populations[1].userOpensPerDay = 0
        s.populations[1].outbox.perDay = 0
        s.server.restarts = [Restart(at: .hours(2))]
        do { return try Simulation.run(s) } catch { fatalError("scenario does not run: \(error)") }
    }()

    /// Every scalar key path a figures object has in summary.json, without its prefix.
    private func scalarKeys(_ summary: Summary) throws -> Set<String> {
        let scalars = try SummaryScalarPaths(jsonText: summary.jsonText)
        var keys: Set<String> = []
        for path in scalars.paths {
            var key = path
            for group in ["populations.", "servers."] where key.hasPrefix(group) {
                let rest = key.dropFirst(group.count)
                // Names in the fixtures have no dots.
                key = rest.firstIndex(of: ".").map { String(rest[rest.index(after: $0)...]) } ?? key
            }
            if key.hasPrefix("httpStatus.") || key.hasPrefix("heartbeat.final.") { continue }   // counted maps
            keys.insert(key)
        }
        return keys
    }

    func testTheCatalogCoversEveryScalarTheWriterEmits() throws {
        let fromCatalog = Set(MetricCatalog.figures.filter(\.isScalar).map(\.path) + MetricCatalog.runFacts)
        for summary in [Runs.mixed.summary, Runs.pool.summary, Self.idle.summary] {
            XCTAssertEqual(try scalarKeys(summary), fromCatalog, summary.scenario)
        }
        // Every block member, structured ones included, in the catalog's order.
        let root = try JSON5.parse(Runs.mixed.summary.jsonText)
        var written: [String] = []
        for member in root.value.objectMembers ?? [] {
            guard let inner = member.value.value.objectMembers, member.key != "engine", member.key != "populations" else {
                if member.key == "httpStatus" { written.append("httpStatus") }
                continue
            }
            if member.key == "httpStatus" { written.append("httpStatus"); continue }
            written += inner.map { member.key + "." + $0.key }
        }
        XCTAssertEqual(written, MetricCatalog.figures.map(\.path))
        // A restart's members.
        let restart = try XCTUnwrap(try JSON5.parse(Self.idle.summary.jsonText)["restarts"]?.value.arrayElements?.first)
        XCTAssertEqual(restart.value.objectMembers?.map(\.key), MetricCatalog.restart.map(\.path))
    }

    func testRowsAreConsistent() {
        let paths = MetricCatalog.figures.map(\.path)
        XCTAssertEqual(Set(paths).count, paths.count, "each metric once")
        for metric in MetricCatalog.figures {
            XCTAssertEqual(metric.missingWhen != nil, metric.canBeMissing, "\(metric.path): missingWhen says when, exactly for optional figures")
            XCTAssertFalse(metric.label.isEmpty || metric.description.isEmpty, metric.path)
            if metric.column != nil { XCTAssertTrue(metric.isScalar, metric.path) }
        }
        for metric in MetricCatalog.restart {
            XCTAssertEqual(metric.missingWhen != nil, metric.canBeMissing, metric.path)
        }
        // Columns 0, 1, … with no gap and no repeat.
        XCTAssertEqual(MetricCatalog.sweepColumns.map { $0.column ?? -1 }, Array(0..<MetricCatalog.sweepColumns.count))
        XCTAssertEqual(Figures().scalars.map(\.name), MetricCatalog.sweepColumns.map(\.path))
    }

    func testGlossaryMetricTermsAreTheCatalogsRows() throws {
        XCTAssertFalse(ReportGlossary.metricTerms.isEmpty)
        for (path, term) in zip(ReportGlossary.metricPaths, ReportGlossary.metricTerms) {
            let metric = try XCTUnwrap(MetricCatalog.figure(path), path)
            XCTAssertEqual(term.0, metric.label)
            XCTAssertTrue(term.1.hasPrefix(metric.description), term.1)
            if let missing = metric.missingWhen { XCTAssertTrue(term.1.contains(missing), term.1) }
            XCTAssertTrue(ReportGlossary.terms.contains { $0.0 == metric.label })
        }
        XCTAssertEqual(ReportGlossary.metricTerms.count, ReportGlossary.metricPaths.count, "every glossary metric is a row")
    }

    func testNothingHappensWritesNullNotZero() throws {
        let s = Self.idle.summary
        let scalars = try SummaryScalarPaths(jsonText: s.jsonText)
        let empty = ["pings.share409", "pingDuration.mean", "pingDuration.p50", "pingDuration.p95", "pingDuration.max",
                     "outbox.pendingAgeP95", "outbox.pendingAgeMax", "outbox.deliveryDelayMean", "outbox.deliveryDelayP95",
                     "heartbeat.meanSeconds", "pushLatency.p95"]
        for group in ["", "populations.nobody.", "populations.quiet."] {
            for key in empty {
                XCTAssertTrue(scalars.contains(group + key), group + key)
                XCTAssertNil(scalars.value(group + key), "\(group + key) should be null")
            }
        }
        // The quiet devices still sync (fetch mode), so only the group without devices started no request.
        XCTAssertGreaterThan(s.populations[1].figures.syncDuration.count, 0)
        for key in ["queue.waitP50", "queue.waitP95", "queue.waitP99", "queue.waitMean", "queue.waitedShare",
                    "syncDuration.mean", "syncDuration.p50", "syncDuration.p95", "syncDuration.max"] {
            XCTAssertNil(scalars.value("populations.nobody." + key), key)
            XCTAssertNotNil(scalars.value("populations.quiet." + key), key)
        }
        // A group without devices has no battery; the quiet devices do (their radio idles).
        for key in ["battery.joulesPerDeviceDay", "battery.joulesPerDeviceDayP95", "battery.percentPerDay", "battery.radioActiveSecondsPerDay"] {
            XCTAssertNil(scalars.value("populations.nobody." + key), key)
            XCTAssertNotNil(scalars.value("populations.quiet." + key), key)
        }
        XCTAssertEqual(s.restarts.count, 1)
        XCTAssertNil(s.restarts[0].pushLatencyP95After)
        XCTAssertTrue(s.jsonText.contains("\"pushLatencyP95After\": null"))
        // Counts stay counts: 0 is a real zero there.
        XCTAssertEqual(scalars.value("pings.total"), 0)
        XCTAssertEqual(scalars.value("pushLatency.mailArrived"), 0)
        // The nulls are NaN among the sweep scalars.
        let scalarValues = Dictionary(uniqueKeysWithValues: s.overall.scalars.map { ($0.name, $0.value) })
        XCTAssertTrue(try XCTUnwrap(scalarValues["pings.share409"]).isNaN)
    }

    func testSummariesRoundTripByteForByteThroughTheReader() throws {
        for summary in [Runs.mixed.summary, Runs.pool.summary, Self.idle.summary] {
            XCTAssertEqual(try Summary(jsonText: summary.jsonText).jsonText, summary.jsonText, summary.scenario)
        }
    }

    func testTargetNamesComeFromTheCatalog() throws {
        var s = Scenario(name: "t", populations: [Population(name: "iphone", count: 5)])
        s.servers = [ServerConfig(name: "a"), ServerConfig(name: "b")]
        let catalog = MetricCatalog(scenario: s)
        for name in ["pushLatency.p95", "populations.iphone.battery.percentPerDay", "servers.b.threads.p99",
                     "httpStatus.503", "populations.iphone.heartbeat.final.1680", "devices"] {
            XCTAssertTrue(catalog.contains(name), name)
        }
        for name in ["pushLatency.p59", "populations.android.pings.total", "pushLatency.bins", "httpStatus.x"] {
            XCTAssertFalse(catalog.contains(name), name)
        }
        // The same names as a real summary of such a scenario carries.
        let summary = try Simulation.run(s).summary
        let written = try SummaryScalarPaths(jsonText: summary.jsonText)
        for path in written.paths where path != "seed" && path != "replication" {
            XCTAssertTrue(catalog.contains(path), path)
        }
    }
}
