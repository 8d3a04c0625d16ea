import Foundation
import PushSim
import PushSimReports
import DiscreteEvent
import XCTest

/// Writes the example pages to `$PUSHSIM_EXAMPLES_DIR` (skipped when it is not set):
/// `PUSHSIM_EXAMPLES_DIR=examples swift test --filter ExampleReports`.
final class ExampleReports: XCTestCase {
    var directory: String? { ProcessInfo.processInfo.environment["PUSHSIM_EXAMPLES_DIR"] }

    func testWriteRunReport() throws {
        guard let directory else { throw XCTSkip("PUSHSIM_EXAMPLES_DIR not set") }
        var s = Scenario(name: "Office: 400 iPhones and 100 Androids", populations: [
            Population(name: "iphone", count: 400), Population(name: "android", count: 100),
        ])
        s.description = "Can one Traveler server with 520 HTTP threads carry 500 devices over an office day, and why do so many Pings end in HTTP 409?"
        s.populations[1].client = .dual
        s.populations[1].heartbeat = .adaptive(initial: .seconds(480), min: .seconds(480), max: .seconds(1_680),
                                               step: .seconds(300), onFailure: .stepDown)
        for i in s.populations.indices { s.populations[i].firewallIdleTimeout = .constant(.minutes(20)) }
        s.server.heartbeatMax = .minutes(30)
        s.server.threads = 520
        s.duration = .days(2)
        s.profile = .office
        s.profileName = "office"
        let runs = try (0..<3).map { try Simulation.run(s, replication: $0) }
        let html = RunReport.html(summary: runs[0].summary, timeseries: runs[0].timeseries, description: s.description,
                                  replications: runs.map(\.summary))
        try write(html, "run-report.html", in: directory)
    }

    func testWriteSweepReport() throws {
        guard let directory else { throw XCTSkip("PUSHSIM_EXAMPLES_DIR not set") }
        let heartbeats = ["5m", "10m", "15m", "20m", "25m", "28m", "30m", "35m", "45m", "60m"]
        var points: [SweepPoint] = []
        for h in heartbeats {
            var s = Scenario(name: "heartbeat \(h)", populations: [Population(name: "iphone", count: 300)])
            s.populations[0].heartbeat = .fixed(try SimTime(parsing: h))
            s.populations[0].firewallIdleTimeout = .constant(.minutes(30))
            s.server.heartbeatMax = .hours(1)
            s.server.threads = 360
            s.duration = .days(1)
            let figures = try (0..<3).map { try Simulation.run(s, replication: $0).summary.overall }
            points.append(SweepPoint(values: [h], replications: figures))
        }
        let table = SweepTable(title: "Which heartbeat behind a 30-minute firewall?",
                               description: "300 iPhones (LTE, 75 mails and 20 opens a day) behind a firewall that drops connections idle for 30 minutes; the heartbeat varies from 5 to 60 minutes. Three replications per point.",
                               parameters: ["populations.iphone.heartbeat.fixed"], points: points)
        try write(SweepReport.html(table), "sweep-report.html", in: directory)
    }

    func write(_ html: String, _ name: String, in directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try html.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
