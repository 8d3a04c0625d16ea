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
            AccessLogRecord(start: RunAccessLog.epoch + 86_399_999_999, duration: 0, command: .ping, status: 409,
                            user: "iphone.9", deviceID: "PS0x0x9", deviceType: "iphone", pingCollision: true),
            AccessLogRecord(start: RunAccessLog.epoch - 1, duration: 999_999_999_999, command: .sync, status: 200,
                            user: "a-long-population-name-of-sixty-four-characters-at-most-xxxxxxxx.123456789012345678",
                            deviceID: "PS0x0x123456789012345678", deviceType: "a-long-population-name-of-sixty-four-characters-at-most-xxxxxxxx"),
        ]
        for format in LogFormat.allCases {
            for r in records { XCTAssertEqual(Self.bytesLines(format, [r]), [Self.writerLine(format, r)], "\(format)") }
        }
    }

    /// A long sequence through one writer, as a run makes it: the stamp cache across seconds,
    /// minutes, days and months, and (for the start-stamped formats) back in time; device
    /// numbers of 1 to 7 digits in two populations, every status, command and token.
    func testLineBytesEqualsTheWriterOverASequence() {
        var random = SplitMix64(seed: 7)
        var end = RunAccessLog.epoch + 30 * 86_400_000_000 - 3_600_000_000
        var records: [AccessLogRecord] = []
        for _ in 0..<20_000 {
            end += Int64(random.next() % 700_000)
            if random.next() % 500 == 0 { end += Int64(random.next() % 100_000_000_000) }
            let duration = Int64(random.next() % 1_000_000_000)
            let population = Int(random.next() % 2), number = Int(random.next() % 10_000_000) >> (random.next() % 24)
            let isPing = random.next() % 2 == 0
            let type = ["iphone", "android-work"][population]
            records.append(AccessLogRecord(start: end - duration, duration: duration, command: isPing ? .ping : .sync,
                                           status: [200, 409, 503, 200][Int(random.next() % 4)],
                                           user: "\(type).\(number)", deviceID: "PS0x\(population)x\(number)", deviceType: type,
                                           heartbeatSeconds: isPing && random.next() % 8 != 0 ? Int(random.next() % 2_000) : nil,
                                           pingCollision: isPing && random.next() % 3 == 0))
        }
        for format in LogFormat.allCases {
            let got = Self.bytesLines(format, records)
            XCTAssertEqual(got.count, records.count)
            for (line, r) in zip(got, records) where line != Self.writerLine(format, r) {
                XCTFail("\(format): \(line) ≠ \(Self.writerLine(format, r))")
                break
            }
        }
    }

    /// What AccessLogWriter writes for `r` from a run (IIS's tokens only in IIS).
    static func writerLine(_ format: LogFormat, _ r: AccessLogRecord) -> String {
        var reference = r
        if format != .iis { reference.heartbeatSeconds = nil; reference.pingCollision = false }
        return AccessLogWriter(format: format).line(reference)
    }

    /// The lines LineBytes writes for `records`, one after the other through one writer, the
    /// populations by device type.
    static func bytesLines(_ format: LogFormat, _ records: [AccessLogRecord]) -> [String] {
        var populations: [LineNames] = []
        var parsed: [(population: Int, number: Int)] = []
        for r in records {
            let number = Int(r.user.split(separator: ".").last!)!
            let digits = String(number).count
            let names = LineNames(user: String(r.user.dropLast(digits)), deviceID: String(r.deviceID.dropLast(digits)), deviceType: r.deviceType)
            if !populations.contains(names) { populations.append(names) }
            parsed.append((populations.firstIndex(of: names)!, number))
        }
        let bytes = LineBytes(format: format, populations: populations)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.maxLine)
        defer { buffer.deallocate() }
        return zip(records, parsed).map { r, device in
            let n = bytes.write(at: buffer, population: device.population, isPing: r.command == .ping, start: r.start, duration: r.duration,
                                status: r.status, number: device.number, heartbeatSeconds: format == .iis ? r.heartbeatSeconds : nil,
                                collision: format == .iis && r.pingCollision)
            XCTAssertLessThan(n, bytes.maxLine)
            return String(decoding: UnsafeBufferPointer(start: buffer, count: n), as: UTF8.self)
        }
    }
}
