import DiscreteEvent
import JSON5
import PushSim
@testable import ScenarioFile
import XCTest

final class QuickstartTests: XCTestCase {
    func testQuickstartLoadsWithEveryValue() throws {
        let loaded = try loaded(quickstartText, file: "Scenarios/quickstart.json5")
        let scenario = loaded.scenario
        XCTAssertEqual(loaded.file, "Scenarios/quickstart.json5")
        XCTAssertNil(loaded.sweep)
        XCTAssertEqual(scenario.name, "quickstart")
        XCTAssertEqual(scenario.description, "")
        XCTAssertEqual(scenario.seed, 1)
        XCTAssertEqual(scenario.duration, .days(2))
        XCTAssertEqual(scenario.warmup, .hours(2))
        XCTAssertEqual(scenario.profile, .office)
        XCTAssertEqual(scenario.profileName, "office")
        XCTAssertEqual(scenario.sampleInterval, .minutes(1))

        XCTAssertEqual(scenario.servers.count, 1)
        let server = scenario.server
        XCTAssertEqual(server.name, "server")
        XCTAssertEqual(server.threads, 600)
        XCTAssertEqual(server.queueLimit, 1000)
        XCTAssertTrue(server.pingHoldsThread)
        XCTAssertEqual(server.heartbeatMin, .seconds(30))
        XCTAssertEqual(server.heartbeatMax, .minutes(15))
        XCTAssertEqual(server.onNewerRequest, .conflict409)
        XCTAssertEqual(server.pingWork, .constant(.milliseconds(5)))
        XCTAssertEqual(server.syncWork, try .lognormal(median: .milliseconds(150), p95: .milliseconds(300)))
        XCTAssertEqual(server.restarts, [])
        XCTAssertEqual(server.share, 1)

        XCTAssertEqual(scenario.populations.count, 1)
        let iphone = try XCTUnwrap(scenario.populations.first)
        XCTAssertEqual(iphone.name, "iphone")
        XCTAssertEqual(iphone.count, 500)
        XCTAssertEqual(iphone.client, .single)
        XCTAssertEqual(iphone.mode, .push)
        XCTAssertEqual(iphone.heartbeat, .fixed(.minutes(15)))
        XCTAssertEqual(iphone.pingGrace, .seconds(5))
        XCTAssertEqual(iphone.mailPerDay, 75)
        XCTAssertEqual(iphone.userOpensPerDay, 20)
        XCTAssertEqual(iphone.afterNotifyProbability, 0.3)
        XCTAssertEqual(iphone.afterNotifyDelay, .exponential(mean: .minutes(2)))
        XCTAssertEqual(iphone.firewallIdleTimeout, .constant(.minutes(30)))
        XCTAssertEqual(iphone.networkDelay, .constant(.milliseconds(50)))
        XCTAssertEqual(iphone.lossProbability, 0)
        XCTAssertEqual(iphone.radio, .lte)
        XCTAssertEqual(iphone.batteryMilliampHours, 3000)
        XCTAssertEqual(iphone.batteryVolts, 3.85)
        // Not in the file: the model's defaults.
        XCTAssertEqual(iphone.fetchInterval, .minutes(15))
        XCTAssertEqual(iphone.syncTimeout, .seconds(60))
        XCTAssertEqual(iphone.outbox, OutboxConfig())
        XCTAssertEqual(iphone.traffic, TrafficSizes())
        XCTAssertNil(iphone.server)

        XCTAssertEqual(scenario.validate(), [])
        XCTAssertEqual(loaded.tree, try JSON5.parse(quickstartText))
        XCTAssertEqual(loaded.overrides, [])
    }

    func testEveryKeyOfTheSchema() throws {
        let text = """
        {
          name: "everything", description: "all keys", seed: 42, duration: "3d", warmup: "1h30m",
          sampleInterval: "5m",
          profile: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
          servers: [
            { name: "eu-1", share: 3, threads: 50, queueLimit: 0, pingHoldsThread: false,
              heartbeatBounds: ["60s", "3540s"], onNewerRequest: "expire200",
              pingWork: { constant: "2ms" }, syncWork: { uniform: { min: "50ms", max: "250ms" } },
              restarts: [{ at: "12h", drainTimeout: "5m", downtime: "1m" }, { at: "36h" }] },
            { name: "us-1", onNewerRequest: "ignore", syncWork: { exponential: { mean: "100ms" } } },
          ],
          populations: [
            { name: "android", count: 7, client: "dual", mode: "fetch", fetchInterval: "30m",
              heartbeat: { adaptive: { initial: "9m", min: "8m", max: "28m", step: "5m", onFailure: "stepDownAndLock" } },
              pingGrace: "30s", syncTimeout: "2m", mail: { perDay: 10.5 },
              userOpens: { perDay: 0, afterNotify: { probability: 1, delay: "0" } },
              outbox: { perDay: 3, conflictProbability: 0.1, permanentErrorProbability: 0.2, resendProbability: 0.9,
                        resendDelay: { lognormal: { median: "1m", p95: "5m" } }, serverDeduplicates: true },
              firewall: { idleTimeout: { choice: [["4m", 0.25], ["350s", 0.25], ["20m", 0.5]] } },
              network: { delay: { uniform: { min: "20ms", max: "80ms" } }, lossProbability: 0.01 },
              radio: "3g", battery: { mAh: 4000, volts: 3.7 },
              traffic: { pingRequestBytes: 1, pingResponseBytes: 2, syncRequestBytes: 3, syncResponseBytes: 4,
                         bytesPerMailItem: 5, bytesPerOutboxItem: 6, uplinkMbps: 0.5, downlinkMbps: 20 },
              server: "us-1" },
            { name: "wifi", count: 1, radio: "wifi", firewall: { idleTimeout: "none" }, heartbeat: { adaptive: {} } },
          ],
        }
        """
        let scenario = try loaded(text).scenario
        XCTAssertEqual(scenario.name, "everything")
        XCTAssertEqual(scenario.description, "all keys")
        XCTAssertEqual(scenario.seed, 42)
        XCTAssertEqual(scenario.duration, .days(3))
        XCTAssertEqual(scenario.warmup, .minutes(90))
        XCTAssertEqual(scenario.sampleInterval, .minutes(5))
        XCTAssertEqual(scenario.profileName, "custom")
        XCTAssertEqual(scenario.profile.weights[6], 2, accuracy: 1e-12)  // 2 × 24 / (6 + 12 + 6)

        XCTAssertEqual(scenario.servers.map(\.name), ["eu-1", "us-1"])
        let eu = scenario.servers[0]
        XCTAssertEqual(eu.share, 3)
        XCTAssertEqual(eu.threads, 50)
        XCTAssertEqual(eu.queueLimit, 0)
        XCTAssertFalse(eu.pingHoldsThread)
        XCTAssertEqual(eu.heartbeatMin, .seconds(60))
        XCTAssertEqual(eu.heartbeatMax, .seconds(3540))
        XCTAssertEqual(eu.onNewerRequest, .expire200)
        XCTAssertEqual(eu.pingWork, .constant(.milliseconds(2)))
        XCTAssertEqual(eu.syncWork, .uniform(min: .milliseconds(50), max: .milliseconds(250)))
        XCTAssertEqual(eu.restarts, [Restart(at: .hours(12), drainTimeout: .minutes(5), downtime: .minutes(1)),
                                     Restart(at: .hours(36))])
        let us = scenario.servers[1]
        XCTAssertEqual(us.share, 1)
        XCTAssertEqual(us.onNewerRequest, .ignore)
        XCTAssertEqual(us.syncWork, .exponential(mean: .milliseconds(100)))

        let android = scenario.populations[0]
        XCTAssertEqual(android.count, 7)
        XCTAssertEqual(android.client, .dual)
        XCTAssertEqual(android.mode, .fetch)
        XCTAssertEqual(android.fetchInterval, .minutes(30))
        XCTAssertEqual(android.heartbeat, .adaptive(initial: .minutes(9), min: .minutes(8), max: .minutes(28),
                                                    step: .minutes(5), onFailure: .stepDownAndLock))
        XCTAssertEqual(android.pingGrace, .seconds(30))
        XCTAssertEqual(android.syncTimeout, .minutes(2))
        XCTAssertEqual(android.mailPerDay, 10.5)
        XCTAssertEqual(android.userOpensPerDay, 0)
        XCTAssertEqual(android.afterNotifyProbability, 1)
        XCTAssertEqual(android.afterNotifyDelay, .constant(.zero))
        XCTAssertEqual(android.outbox.perDay, 3)
        XCTAssertEqual(android.outbox.conflictProbability, 0.1)
        XCTAssertEqual(android.outbox.permanentErrorProbability, 0.2)
        XCTAssertEqual(android.outbox.resendProbability, 0.9)
        XCTAssertEqual(android.outbox.resendDelay, try .lognormal(median: .minutes(1), p95: .minutes(5)))
        XCTAssertTrue(android.outbox.serverDeduplicates)
        XCTAssertEqual(android.firewallIdleTimeout,
                       try .choice([(.minutes(4), 0.25), (.seconds(350), 0.25), (.minutes(20), 0.5)]))
        XCTAssertEqual(android.networkDelay, .uniform(min: .milliseconds(20), max: .milliseconds(80)))
        XCTAssertEqual(android.lossProbability, 0.01)
        XCTAssertEqual(android.radio, .umts3G)
        XCTAssertEqual(android.batteryMilliampHours, 4000)
        XCTAssertEqual(android.batteryVolts, 3.7)
        var traffic = TrafficSizes()
        (traffic.pingRequestBytes, traffic.pingResponseBytes, traffic.syncRequestBytes) = (1, 2, 3)
        (traffic.syncResponseBytes, traffic.bytesPerMailItem, traffic.bytesPerOutboxItem) = (4, 5, 6)
        (traffic.uplinkMbps, traffic.downlinkMbps) = (0.5, 20)
        XCTAssertEqual(android.traffic, traffic)
        XCTAssertEqual(android.server, "us-1")

        let wifi = scenario.populations[1]
        XCTAssertEqual(wifi.radio, .wifi)
        XCTAssertNil(wifi.firewallIdleTimeout)
        // Adaptive defaults: Android 4.4+ (MODEL.md §3.4), starting at min.
        XCTAssertEqual(wifi.heartbeat, .adaptive(initial: .minutes(8), min: .minutes(8), max: .minutes(28),
                                                 step: .minutes(5), onFailure: .stepDown))
    }

    func testNameDefaultsToTheFileBaseName() throws {
        let text = "{ populations: [{ name: \"a\", count: 1 }] }"
        XCTAssertEqual(try loaded(text, file: "Scenarios/office-day.json5").scenario.name, "office-day")
        XCTAssertEqual(try loaded(text, file: "plain").scenario.name, "plain")
        // The name is the output folder's: made a valid one (no leading dot, no spaces).
        XCTAssertEqual(try loaded(text, file: "dir.v2/.hidden").scenario.name, "hidden")
        XCTAssertEqual(try loaded(text, file: "my day (2).json5").scenario.name, "my-day--2-")
        XCTAssertEqual(try loaded(text, file: "").scenario.name, "scenario")
    }

    func testLoadsFromAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ScenarioFileTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("quickstart.json5").path
        try quickstartText.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader.load(file: path, overrides: [ScenarioOverride(parsing: "seed=7")])
        XCTAssertEqual(loaded.scenario.seed, 7)
        XCTAssertEqual(loaded.file, path)

        XCTAssertThrowsError(try ScenarioLoader.load(file: folder.path)) { error in
            XCTAssertEqual("\(error)", "\(folder.path): cannot read the file: it is a folder")
        }
        let missing = folder.appendingPathComponent("missing.json5").path
        XCTAssertThrowsError(try ScenarioLoader.load(file: missing)) { error in
            let diagnostics = (error as? ScenarioLoadError)?.diagnostics
            XCTAssertEqual(diagnostics?.count, 1)
            XCTAssertNil(diagnostics?.first?.location)
            XCTAssertEqual(diagnostics?.first?.description, "\(missing): cannot read the file: no such file")
        }
        let binary = folder.appendingPathComponent("binary.json5").path
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: URL(fileURLWithPath: binary))
        XCTAssertThrowsError(try ScenarioLoader.load(file: binary)) { error in
            XCTAssertEqual("\(error)", "\(binary): cannot read the file: not UTF-8 text")
        }
    }
}
