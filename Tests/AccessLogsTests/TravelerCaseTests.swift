import AccessLogs
import Foundation
import XCTest

/// The Notes Traveler 8.5.1 case: one iPhone over about four days, 1,763 Pings (1,095 × 200,
/// 668 × 409), Ping times 0 to 303,110 ms, mostly 80–300 s, mean ≈ 200 s, more than 10,000
/// Syncs of 75–300 ms, one of them not 200; request lines as the forum report shows them.
///
/// The fixture is deterministic (no random numbers): the 1,027 Pings that end before the
/// 5-minute heartbeat take the quantiles of the competing-risks time (mail λ = 88/day, opens
/// μ = 164/day, truncated at 300 s), 668 of them 409 (evenly interleaved) and 359 200; the 736
/// heartbeat Pings last 300.000–303.110 s. Each Ping is followed by 5 or 6 Syncs; every request
/// starts on a whole second (Domino stamps the start).
enum TravelerFixture {
    static let pings409 = 668, pingsMail = 359, pingsHeartbeat = 736, syncs = 10_250
    static let start: Int64 = 1_370_246_400_000_000      // 2013-06-03 08:00:00 UTC

    static func records() -> [AccessLogRecord] {
        let rate = (88.0 + 164.0) / 86_400                // per second
        let cap = 1 - exp(-300 * rate)
        var early: [(millis: Int64, status: Int)] = []
        let n = pings409 + pingsMail
        for k in 0..<n {
            let u = (Double(k) + 0.5) / Double(n)
            let seconds = -log(1 - u * cap) / rate
            let is409 = (k + 1) * pings409 / n > k * pings409 / n
            early.append((k == 0 ? 0 : Int64((seconds * 1_000).rounded()), is409 ? 409 : 200))
        }
        let heartbeats = (0..<pingsHeartbeat).map { j in (millis: 300_000 + Int64(j) * 3_110 / Int64(pingsHeartbeat - 1), status: 200) }
        // Interleave: Ping i takes early or heartbeat Pings in a fixed, even pattern.
        var pings: [(millis: Int64, status: Int)] = []
        var e = 0, h = 0
        let total = n + pingsHeartbeat
        for i in 0..<total {
            let wantHeartbeats = (i + 1) * pingsHeartbeat / total
            if h < wantHeartbeats { pings.append(heartbeats[h]); h += 1 } else { pings.append(early[e * 37 % n]); e += 1 }
        }
        var records: [AccessLogRecord] = []
        var t = start
        var syncIndex = 0
        func record(_ command: ActiveSyncCommand, _ millis: Int64, _ status: Int) {
            records.append(AccessLogRecord(start: t, duration: millis * 1_000, command: command, status: status,
                                           user: "jdoe", deviceID: "Appl88926N4U3NR", deviceType: "iPhone"))
            t = LogGenerator.ceilSecond(t + millis * 1_000)
        }
        for (i, p) in pings.enumerated() {
            record(.ping, p.millis, p.status)
            for _ in 0..<(5 + (i < syncs - 5 * total ? 1 : 0)) {
                record(.sync, 75 + Int64(syncIndex * 37 % 226), syncIndex == 5_000 ? 500 : 200)
                syncIndex += 1
            }
        }
        return records
    }
}

final class TravelerCaseTests: XCTestCase {
    func testTheForumsFigures() throws {
        let records = TravelerFixture.records()
        let writer = AccessLogWriter(format: .domino)
        let lines = records.map(writer.line)
        XCTAssertTrue(lines[0].contains(#""POST /servlet/traveler/Microsoft-Server-ActiveSync?User=jdoe&DeviceId=Appl88926N4U3NR&DeviceType=iPhone&Cmd=Ping HTTP/1.1""#), lines[0])
        let f = try analyze([writeLines(lines, to: temporaryFolder("traveler") + "/domino-access.log")])

        XCTAssertEqual(f.format, .domino)
        XCTAssertTrue(f.formatReason.contains("Traveler URI"), f.formatReason)
        XCTAssertEqual(f.devices.count, 1)
        XCTAssertEqual(f.users, 1)
        let ping = try XCTUnwrap(f.command(.ping))
        XCTAssertEqual(ping.count, 1_763)
        XCTAssertEqual(f.statuses(.ping), [200: 1_095, 409: 668])
        XCTAssertEqual(f.pings.share409 ?? 0, 668.0 / 1_763, accuracy: 1e-12)
        XCTAssertEqual(f.pings.share409 ?? 0, 0.379, accuracy: 0.0005)
        XCTAssertEqual(ping.duration.min, 0)
        XCTAssertEqual(ping.duration.max, 303.110)
        let pingMillis = records.filter { $0.command == .ping }.map { Double($0.duration) / 1e6 }
        XCTAssertEqual(ping.duration.mean, pingMillis.reduce(0, +) / Double(pingMillis.count), accuracy: 1e-9)
        XCTAssertEqual(ping.duration.mean, 200, accuracy: 1.5, "mean ≈ 200 s")
        XCTAssertGreaterThan(Double(pingMillis.filter { $0 >= 80 && $0 <= 303.2 }.count) / Double(pingMillis.count), 0.75, "mostly 80–300 s")
        XCTAssertEqual(f.pings.heartbeatSeconds ?? 0, 300, accuracy: 3, "the 5-minute heartbeat")

        let sync = try XCTUnwrap(f.command(.sync))
        XCTAssertEqual(sync.count, 10_250)
        XCTAssertEqual(f.statuses(.sync), [200: 10_249, 500: 1])
        XCTAssertEqual(sync.duration.min, 0.075)
        XCTAssertEqual(sync.duration.max, 0.300)

        // One device, one request at a time: never more than one in progress.
        XCTAssertEqual(f.concurrency.max, 1)
        let busy = records.reduce(Int64(0)) { $0 + $1.duration }
        let span = records.last!.end - records[0].start
        XCTAssertEqual(f.concurrency.mean ?? 0, Double(busy) / Double(span), accuracy: 1e-9)
        XCTAssertEqual(f.spanSeconds / 86_400, 4.1, accuracy: 0.15, "a few days")
        XCTAssertEqual(f.devices[0].pings, 1_763)
        XCTAssertEqual(f.devices[0].conflict409, 668)
        XCTAssertEqual(f.devices[0].syncs, 10_250)
    }
}
