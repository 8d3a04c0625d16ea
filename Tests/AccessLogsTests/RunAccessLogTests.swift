import AccessLogs
import DiscreteEvent
import Foundation
import PushSim
@testable import RunLogs
import XCTest

/// `run --access-log`: the log a run writes, read back with the `logs` reader, holds exactly
/// the run's answered requests (summary.json counts the measured window, after warmup, and
/// so does the log).
final class RunAccessLogTests: XCTestCase {
    /// Small and busy: a thread pool too small for the Pings, so requests queue (the log's
    /// durations include the wait) and some are refused 503; two kinds of client.
    static func scenario(servers: Int = 1) -> Scenario {
        var iphone = Population(name: "iphone", count: 40)
        iphone.heartbeat = .fixed(.minutes(10))
        var android = Population(name: "android work", count: 20)
        android.client = .dual
        var s = Scenario(name: "roundtrip", populations: [iphone, android])
        s.duration = .hours(8)
        s.warmup = .minutes(30)
        s.server.threads = 45
        s.server.queueLimit = 10
        if servers > 1 {
            s.servers = (0..<servers).map { i in
                var c = s.server
                c.name = "mail\(i + 1)"
                return c
            }
        }
        return s
    }

    /// What the log must hold, from the summary: answered Pings (every Ping ended at the
    /// server but those reset), answered Syncs (started ones, whose durations are counted,
    /// and refused ones), and HTTP statuses.
    struct Expected: Equatable {
        var pings: Int, syncs: Int, statuses: [Int: Int], superseded: Int
    }

    static func expected(_ summary: Summary) -> Expected {
        let f = summary.overall
        return Expected(pings: f.pings.total - f.pings.reset, syncs: f.syncDuration.count + f.syncs.rejected503,
                        statuses: Dictionary(uniqueKeysWithValues: f.httpStatus.filter { $0.count > 0 }.map { ($0.code, $0.count) }),
                        superseded: f.pings.superseded)
    }

    func testEveryFormatGivesTheRunsCounts() throws {
        let scenario = Self.scenario()
        for format in LogFormat.allCases {
            let folder = temporaryFolder("run-\(format)")
            let result = try RunAccessLog.run(scenario, format: format, folder: folder)
            let want = Self.expected(result.summary)
            XCTAssertGreaterThan(want.statuses[503] ?? 0, 0, "the scenario refuses some requests")
            XCTAssertGreaterThan(want.statuses[409] ?? 0, 0)
            let f = try analyze([folder + "/access.log"])
            XCTAssertEqual(f.format, format, "detected as written")
            XCTAssertEqual(f.skipped, format == .iis ? 4 : 0, "only the IIS directives are not requests")
            let ping = f.statuses(.ping), sync = f.statuses(.sync)
            var statuses = ping
            statuses.merge(sync, uniquingKeysWith: +)
            XCTAssertEqual(Expected(pings: f.command(.ping)?.count ?? 0, syncs: f.command(.sync)?.count ?? 0, statuses: statuses,
                                    superseded: f.pings.superseded), want, "\(format)")
            XCTAssertEqual(f.devices.count, 60, "every device answered at least once, names distinct")
            XCTAssertEqual(Set(f.devices.map(\.deviceType)), ["iphone", "android-work"])
            // The same run without the probe: the same summary (the probe only watches).
            XCTAssertEqual(try Simulation.run(scenario).summary, result.summary)
        }
    }

    /// Exchange's log tokens: every IIS Ping carries its heartbeat, superseded ones the
    /// collision token; the Pings' durations include the wait for a thread.
    func testIISTokensAndDurations() throws {
        let folder = temporaryFolder("run-iis-tokens")
        let result = try RunAccessLog.run(Self.scenario(), format: .iis, folder: folder)
        let f = try analyze([folder + "/access.log"])
        XCTAssertEqual(f.pings.heartbeatSeconds, 600, "the most frequent Hb token: the iPhones' 10 min (they Ping most)")
        XCTAssertEqual(f.pings.heartbeatSource, "Hb log token")
        let text = try String(contentsOfFile: folder + "/access.log", encoding: .utf8)
        XCTAssertTrue(text.contains("&Log=V161_Hb600_"), "the iPhones' 10-minute heartbeat")
        XCTAssertEqual(text.components(separatedBy: "Error:PingCollisionDetected").count - 1, result.summary.overall.pings.superseded)
        // Arrival to answer ⊇ start on a thread to answer, and the log also has the Pings that
        // never started (refused, superseded before a thread): its total Ping time is larger.
        let ping = try XCTUnwrap(f.command(.ping))
        let run = result.summary.overall.pingDuration
        XCTAssertGreaterThan(ping.duration.mean * Double(ping.count), try XCTUnwrap(run.mean) * Double(run.count) * 1.01,
                             "queued Pings: the wait is part of the log's duration")
    }

    /// A pool: one file per server, which read together give the pool's counts.
    func testPoolWritesOneFilePerServer() throws {
        let scenario = Self.scenario(servers: 2)
        let folder = temporaryFolder("run-pool")
        let result = try RunAccessLog.run(scenario, format: .domino, folder: folder)
        XCTAssertEqual(RunAccessLog.fileNames(scenario), ["access-mail1.log", "access-mail2.log"])
        let files = RunAccessLog.fileNames(scenario).map { folder + "/" + $0 }
        let f = try analyze(files)
        XCTAssertEqual(f.command(.ping)?.count, Self.expected(result.summary).pings)
        XCTAssertEqual(f.devices.count, 60, "devices of two servers are distinct users")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/access.log"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary file left")
    }

    /// Nothing half-written: an unwritable folder fails and leaves no file.
    func testUnwritableFolderFailsWhole() throws {
        let blocker = temporaryFolder("run-blocked") + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        XCTAssertThrowsError(try RunAccessLog.run(Self.scenario(), format: .iis, folder: blocker + "/out")) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write"), "\(error)")
        }
    }

    /// The byte writer of the probe and AccessLogWriter.line, the definition, agree.
    func testLineBytesEqualsTheWriter() {
        let records = [
            AccessLogRecord(start: RunAccessLog.epoch + 3_723_456_789, duration: 900_123_456, command: .ping, status: 200,
                            user: "iphone.12", deviceID: "PS0x0x12", deviceType: "iphone", heartbeatSeconds: 900),
            AccessLogRecord(start: RunAccessLog.epoch + 86_400_000_000 * 40 + 5, duration: 1_499, command: .ping, status: 409,
                            user: "a.mail2.0", deviceID: "PS1x1x0", deviceType: "a", heartbeatSeconds: 30, pingCollision: true),
            AccessLogRecord(start: RunAccessLog.epoch + 59_999_999, duration: 150_500, command: .sync, status: 503,
                            user: "android-work.1234567", deviceID: "PS0x1x1234567", deviceType: "android-work"),
        ]
        for format in LogFormat.allCases {
            let bytes = LineBytes(format: format)
            let writer = AccessLogWriter(format: format)
            for r in records {
                let number = Int(r.user.split(separator: ".").last!)!
                let user = String(r.user.dropLast(String(number).count)), id = String(r.deviceID.dropLast(String(number).count))
                let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 2_000)
                defer { buffer.deallocate() }
                let n = user.utf8CString.withUnsafeBufferPointer { u in
                    id.utf8CString.withUnsafeBufferPointer { i in
                        r.deviceType.utf8CString.withUnsafeBufferPointer { t in
                            func raw(_ b: UnsafeBufferPointer<CChar>) -> UnsafeBufferPointer<UInt8> {
                                UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[0..<(b.count - 1)]).bindMemory(to: UInt8.self)
                            }
                            return bytes.write(at: buffer, start: r.start, duration: r.duration, isPing: r.command == .ping, status: r.status,
                                               user: raw(u), number: number, deviceIDPrefix: raw(i), deviceType: raw(t),
                                               heartbeatSeconds: format == .iis ? r.heartbeatSeconds : nil,
                                               collision: format == .iis && r.pingCollision)
                        }
                    }
                }
                var reference = r
                if format != .iis { reference.heartbeatSeconds = nil; reference.pingCollision = false }
                XCTAssertEqual(String(decoding: UnsafeBufferPointer(start: buffer, count: n), as: UTF8.self), writer.line(reference), "\(format)")
            }
        }
    }
}
