import AccessLogs
import Calibration
import Foundation
import PushSim
import ScenarioFile
import XCTest

/// `Calibration` on logs whose truth is known: the Traveler 8.5.1 fixture (built from λ = 88
/// mail/day and μ = 164 opens/day, H = 5 min) and hand-made logs of a dual client.
final class CalibrationTests: XCTestCase {
    func calibrate(_ records: [AccessLogRecord], _ format: LogFormat, name: String = "test") throws -> Calibration {
        let writer = AccessLogWriter(format: format)
        let path = writeLines(writer.header(start: records.first?.start ?? 0) + records.map(writer.line), to: temporaryFolder("calibrate") + "/access.log")
        return try Calibration.read(paths: [path], options: LogReader.Options(format: format), name: name)
    }

    func testTravelerCaseRecoversItsRates() throws {
        let c = try calibrate(TravelerFixture.records(), .domino, name: "traveler")
        XCTAssertEqual(c.types.count, 1)
        let e = try XCTUnwrap(c.types.first)
        XCTAssertEqual(e.deviceType, "iPhone")
        XCTAssertEqual(e.devices, 1)
        XCTAssertEqual(e.pings, 1_763)
        XCTAssertEqual(e.superseded, 668)
        XCTAssertEqual(e.client, .single)
        XCTAssertEqual(e.heartbeatSeconds, 300, accuracy: 3)
        // T is the Pings' total time, independently summed from the fixture.
        let pingMicros = TravelerFixture.records().filter { $0.command == .ping }.reduce(Int64(0)) { $0 + $1.duration }
        XCTAssertEqual(e.mail.days, Double(pingMicros) / 1e6 / 86_400, accuracy: 1e-9)
        XCTAssertEqual(e.mail.days, 4.08, accuracy: 0.05)
        // The 359 mail Pings, less the few that end within the margin of H (counted as heartbeats).
        XCTAssertLessThanOrEqual(e.mail.count, TravelerFixture.pingsMail)
        XCTAssertGreaterThan(e.mail.count, TravelerFixture.pingsMail - 15)
        XCTAssertEqual(e.opens.count, TravelerFixture.pings409, "no outbox in the log: every superseded Ping is an open")
        XCTAssertTrue(e.mail.ci95.low < 88 && 88 < e.mail.ci95.high, "λ̂ = \(e.mail.value), 95 % \(e.mail.ci95)")
        XCTAssertTrue(e.opens.ci95.low < 164 && 164 < e.opens.ci95.high, "μ̂ = \(e.opens.value), 95 % \(e.opens.ci95)")
        XCTAssertEqual(e.mail.value, 88, accuracy: 3)
        XCTAssertEqual(e.opens.value, 164, accuracy: 3)
        XCTAssertNil(e.outbox)
        XCTAssertEqual(c.serverKind, "traveler")
        // Syncs of 75–300 ms: the lognormal fit's median lies inside, its p95 near the top.
        let median = try XCTUnwrap(c.syncMedianSeconds), p95 = try XCTUnwrap(c.syncP95Seconds)
        XCTAssertTrue(median > 0.075 && median < 0.300, "\(median)")
        XCTAssertTrue(p95 > median && p95 < 0.45, "\(p95)")
        XCTAssertEqual(c.syncs200, 10_249)

        // The scenario is valid and says what it estimated.
        let text = c.scenarioText()
        let loaded = try ScenarioLoader.load(text: text, file: "traveler.json5")
        let population = try XCTUnwrap(loaded.scenario.populations.first)
        XCTAssertEqual(loaded.scenario.populations.count, 1)
        XCTAssertEqual(population.count, 1)
        XCTAssertEqual(population.mailPerDay, e.mail.value, accuracy: 0.01)
        XCTAssertEqual(population.userOpensPerDay, e.opens.value, accuracy: 0.01)
        XCTAssertEqual(population.afterNotifyProbability, 0)
        XCTAssertTrue(text.contains("Pings ended 200 before H"), text)
        XCTAssertTrue(text.contains("device-days"), text)
        XCTAssertTrue(text.contains("the log shows no SendMail"), text)
        XCTAssertTrue(text.contains("afterNotify 0: a log cannot tell"), text)

        let json = c.json().rendered()
        XCTAssertTrue(json.contains("\"mailPerDay\""), json)
        XCTAssertTrue(json.contains("\"serverKind\": \"traveler\""), json)
    }

    /// A dual client: each Ping spans Syncs it does not end; the Syncs beside it are its opens.
    func testDualClientAndOutbox() throws {
        var records: [AccessLogRecord] = []
        var t: Int64 = 1_700_000_000_000_000
        // 60 Pings of 600 s (H) and 40 ended by mail at 200 s; 2 Syncs inside each long Ping.
        for k in 0..<100 {
            let mail = k % 5 < 2
            let d: Int64 = mail ? 200_000_000 : 600_000_000
            records.append(AccessLogRecord(start: t, duration: d, command: .ping, status: 200, user: "u", deviceID: "A1", deviceType: "Android", heartbeatSeconds: 600))
            if !mail {
                for s in [100, 300] as [Int64] {
                    records.append(AccessLogRecord(start: t + s * 1_000_000, duration: 150_000, command: .sync, status: 200, user: "u", deviceID: "A1", deviceType: "Android"))
                }
                records.append(AccessLogRecord(start: t + 400 * 1_000_000, duration: 300_000, command: .sendMail, status: 200, user: "u", deviceID: "A1", deviceType: "Android"))
            }
            t += d
            records.append(AccessLogRecord(start: t, duration: 150_000, command: .sync, status: 200, user: "u", deviceID: "A1", deviceType: "Android"))
            t += 1_000_000
        }
        records.sort { $0.end < $1.end }   // IIS stamps the end: the Syncs come before the Ping that spans them
        let c = try calibrate(records, .iis)
        let e = try XCTUnwrap(c.types.first)
        XCTAssertEqual(e.client, .dual)
        XCTAssertEqual(e.heartbeatSeconds, 600)
        XCTAssertEqual(e.heartbeatSource, "Hb log token")
        XCTAssertEqual(e.syncsDuringPing, 120)
        XCTAssertEqual(e.mail.count, 40)
        XCTAssertEqual(e.outbox?.count, 60)
        XCTAssertEqual(e.opens.count, 60, "120 Syncs beside Pings less 60 outbox items")
        let days = (40.0 * 200 + 60 * 600) / 86_400
        XCTAssertEqual(e.mail.days, days, accuracy: 1e-9)
        XCTAssertEqual(e.mail.value, 40 / days, accuracy: 1e-9)
        XCTAssertEqual(c.serverKind, "exchange")
        let text = c.scenarioText()
        XCTAssertNoThrow(try ScenarioLoader.load(text: text, file: "dual.json5"), text)
        XCTAssertTrue(text.contains("client: \"dual\""), text)
    }

    func testRefusals() throws {
        var few: [AccessLogRecord] = []
        for k in 0..<10 {
            few.append(AccessLogRecord(start: 1_700_000_000_000_000 + Int64(k) * 400_000_000, duration: 300_000_000, command: .ping, status: 200, user: "u", deviceID: "A1", deviceType: "iPhone"))
        }
        XCTAssertThrowsError(try calibrate(few, .domino)) { error in
            XCTAssertTrue("\(error)".contains("\"iPhone\" has 10 Pings"), "\(error)")
            XCTAssertTrue("\(error)".contains("at least 30"), "\(error)")
        }
        let syncs = (0..<10).map { k in
            AccessLogRecord(start: 1_700_000_000_000_000 + Int64(k) * 1_000_000, duration: 100_000, command: .sync, status: 200, user: "u", deviceID: "A1", deviceType: "iPhone")
        }
        XCTAssertThrowsError(try calibrate(syncs, .domino)) { error in
            XCTAssertTrue("\(error)".contains("no Ping"), "\(error)")
        }
    }
}
