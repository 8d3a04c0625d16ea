import AccessLogs
import Calibration
import Foundation
import XCTest

/// Logs of devices whose truth is set by hand, by competing risks: each Ping ends at the first
/// of mail (rate λ), an open (μ; a single client's open supersedes the Ping with a 409, a dual
/// client's runs a Sync beside it), its heartbeat H and, when set, a firewall that cuts it at
/// `cut` seconds. Deterministic (a fixed linear congruential generator).
struct CompetingRisksLog {
    struct Device {
        var type: String
        var dual = false
        var mailPerDay = 88.0, opensPerDay = 100.0
        /// Heartbeats asked for in turn (an adaptive client cycles through several).
        var heartbeats: [Int] = [600]
        /// A firewall cutting Pings at this many seconds (the server logs a 200 of that length).
        var cut: Int?
        var tokens = true
    }

    var devices: [Device]
    var hours = 30.0
    var seed: UInt64 = 7
    private var state: UInt64 = 0

    init(devices: [Device], hours: Double = 30, seed: UInt64 = 7) {
        self.devices = devices
        self.hours = hours
        self.seed = seed
    }

    private mutating func exponential(perDay: Double) -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let u = (Double(state >> 11) + 0.5) / 9_007_199_254_740_992
        // Whole seconds: IIS stamps a request's end to the second, so every start and end
        // falls on one and the log's times are the records' own.
        return (-log(u) / (perDay / 86_400)).rounded(.up)
    }

    mutating func records() -> [AccessLogRecord] {
        state = seed | 1
        let origin: Int64 = 1_709_251_200_000_000
        let end = origin + Int64(hours * 3_600e6)
        var all: [AccessLogRecord] = []
        for (k, d) in devices.enumerated() {
            var t = origin + Int64(k) * 7_000_000
            var ping = 0
            while t < end {
                let h = d.heartbeats[ping % d.heartbeats.count]
                ping += 1
                let mail = exponential(perDay: d.mailPerDay), open = exponential(perDay: d.opensPerDay)
                var limit = Double(h)
                if let cut = d.cut, cut < h { limit = Double(cut) }
                let user = "u\(k)", id = "D\(k)"
                func rec(_ start: Int64, _ seconds: Double, _ command: ActiveSyncCommand, _ status: Int) -> AccessLogRecord {
                    AccessLogRecord(start: start, duration: Int64(seconds * 1e6), command: command, status: status, user: user, deviceID: id,
                                    deviceType: d.type, heartbeatSeconds: command == .ping && d.tokens ? h : nil)
                }
                if d.dual {
                    // Opens are Syncs beside the Ping; mail, the heartbeat or a cut end it.
                    let length = min(mail, limit)
                    var o = open
                    while o < length - 2 {
                        all.append(rec(t + Int64(o * 1e6), 1, .sync, 200))
                        o += exponential(perDay: d.opensPerDay)
                    }
                    all.append(rec(t, length, .ping, 200))
                    t += Int64(length * 1e6)
                    if mail < limit { all.append(rec(t, 1, .sync, 200)) }
                } else if open < min(mail, limit) {
                    all.append(rec(t, open, .ping, 409))
                    t += Int64(open * 1e6)
                    all.append(rec(t, 1, .sync, 200))
                } else {
                    let length = min(mail, limit)
                    all.append(rec(t, length, .ping, 200))
                    t += Int64(length * 1e6)
                    if mail < limit { all.append(rec(t, 1, .sync, 200)) }
                }
                t += 2_000_000   // after the Sync (1 s) that may follow
            }
        }
        return all.sorted { ($0.start, $0.deviceID) < ($1.start, $1.deviceID) }
    }
}

/// The reasons of the check come from the data: each sign is found where the generated log has
/// it and only there.
final class CalibrationSignsTests: XCTestCase {
    func calibrate(_ devices: [CompetingRisksLog.Device], hours: Double = 30) throws -> Calibration {
        var generator = CompetingRisksLog(devices: devices, hours: hours)
        let writer = AccessLogWriter(format: .iis)
        let records = generator.records()
        let path = writeLines(writer.header(start: records.first?.start ?? 0) + records.map(writer.line), to: temporaryFolder("signs") + "/access.log")
        return try Calibration.read(paths: [path], options: LogReader.Options(format: .iis), name: "signs")
    }

    func codes(_ c: Calibration) -> [CheckReason.Code] { c.signs.map(\.code) }

    func testASteadyFleetShowsNoSign() throws {
        let c = try calibrate((0..<8).map { _ in CompetingRisksLog.Device(type: "iPhone") })
        XCTAssertEqual(c.signs, [], "\(c.signs)")
    }

    func testAFirewallCutIsASpikeBelowH() throws {
        // H = 600 s; the firewall cuts at 240 s: every Ping that mail or an open has not ended
        // by then (e^{−(88+100)·240/86400} ≈ 59 %) ends at 240 s.
        let c = try calibrate((0..<6).map { _ in CompetingRisksLog.Device(type: "Android", heartbeats: [600], cut: 240) })
        let cut = try XCTUnwrap(c.signs.first { $0.code == .firewallCut }, "\(c.signs)")
        XCTAssertEqual(cut.deviceType, "Android")
        XCTAssertTrue(cut.evidence.contains("end at 240 s") || cut.evidence.contains("end at 239 s") || cut.evidence.contains("end at 241 s"), cut.evidence)
        XCTAssertTrue(cut.evidence.contains("no Hb token asks for it"), cut.evidence)
        XCTAssertFalse(codes(c).contains(.heartbeatVaries), "the tokens all ask for 600 s")
        XCTAssertFalse(codes(c).contains(.mixedDeviceKinds))
    }

    func testWithoutTokensASpikeIsACutOrASecondHeartbeat() throws {
        // Half the devices behind the firewall, so that the others' Pings still show H = 600 s.
        let c = try calibrate((0..<6).map { k in CompetingRisksLog.Device(type: "Android", heartbeats: [600], cut: k < 3 ? 240 : nil, tokens: false) })
        XCTAssertEqual(c.types.first?.heartbeatSeconds ?? 0, 600, accuracy: 2)
        XCTAssertTrue(codes(c).contains(.firewallCut), "\(c.signs)")
        let varies = try XCTUnwrap(c.signs.first { $0.code == .heartbeatVaries }, "\(c.signs)")
        XCTAssertTrue(varies.evidence.contains("do not form one cluster"), varies.evidence)
    }

    func testAVaryingHeartbeatShowsInItsTokens() throws {
        // 3 Pings in 4 ask for 480 s (75 %: kept, below the 90 % of a steady heartbeat).
        let c = try calibrate((0..<6).map { _ in CompetingRisksLog.Device(type: "Android", heartbeats: [480, 480, 480, 780]) })
        let e = try XCTUnwrap(c.types.first)
        XCTAssertEqual(e.heartbeatSeconds, 480)
        XCTAssertEqual(e.heartbeatTokenRange?.shareAtH ?? 0, 0.75, accuracy: 0.03)
        let varies = try XCTUnwrap(c.signs.first { $0.code == .heartbeatVaries }, "\(c.signs)")
        XCTAssertTrue(varies.evidence.contains("from 480 to 780 s"), varies.evidence)
        XCTAssertFalse(codes(c).contains(.firewallCut), "Pings ending at 780 s are above H, not a cut: \(c.signs)")
    }

    func testSingleAndDualDevicesUnderOneTypeAreMixedKinds() throws {
        let devices = (0..<8).map { k in CompetingRisksLog.Device(type: "Android", dual: k % 2 == 0) }
        let c = try calibrate(devices)
        let mixed = try XCTUnwrap(c.signs.first { $0.code == .mixedDeviceKinds }, "\(c.signs)")
        XCTAssertTrue(mixed.evidence.contains("4 run Syncs beside open Pings (dual-like) and 4 do not"), mixed.evidence)
    }

    func testOverDispersedPingRatesAreMixedKinds() throws {
        // Same client kind and H, but half the devices get 10× the mail: Pings per device-day
        // differ far beyond what identical devices give.
        let devices = (0..<8).map { k in CompetingRisksLog.Device(type: "iPhone", mailPerDay: k < 4 ? 30 : 300, opensPerDay: 20) }
        let c = try calibrate(devices)
        let mixed = try XCTUnwrap(c.signs.first { $0.code == .mixedDeviceKinds }, "\(c.signs)")
        XCTAssertTrue(mixed.evidence.contains("over-dispersed"), mixed.evidence)
    }

    /// Below half of the tokened Pings at the modal H, one H cannot stand for the type.
    func testAHeartbeatThatVariesBeyondTheBoundsIsRefused() {
        let devices = (0..<4).map { _ in CompetingRisksLog.Device(type: "Android", heartbeats: [480, 780, 1080]) }
        XCTAssertThrowsError(try calibrate(devices)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("device type \"Android\" asks for heartbeats from 480 to 1080 s"), text)
            XCTAssertTrue(text.contains("at least 50 % must"), text)
            XCTAssertTrue(text.contains("a log of one kind of device"), text)
        }
    }

    /// The peak of requests in progress, counted independently from the records: +1 at each
    /// start, −1 at each end, ends first at a tie (a request that ends as another starts).
    static func peak(_ records: [AccessLogRecord]) -> Int {
        let steps = records.flatMap { [($0.start, 1), ($0.end, -1)] }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var level = 0, top = 0
        for s in steps { level += s.1; top = max(top, level) }
        return top
    }

    func testThreadsAreTheLogsPeakConcurrency() throws {
        let devices = (0..<8).map { _ in CompetingRisksLog.Device(type: "iPhone") }
        var generator = CompetingRisksLog(devices: devices, hours: 6)
        let peak = Self.peak(generator.records())
        let c = try calibrate(devices, hours: 6)
        XCTAssertEqual(c.threads, max(2, peak), "the log's peak")
        XCTAssertEqual(c.threadsRuleOfThumb, 10, "1.2 × 8 devices, rounded up")
        XCTAssertLessThan(c.threads, c.threadsRuleOfThumb, "no longer raised to the rule of thumb")
        XCTAssertFalse(c.plateau, "a peak below the plateau level")
        XCTAssertTrue(c.scenarioText().contains("threads: \(c.threads),   // the log's peak concurrency \(c.threads) (p99"), c.scenarioText())
        XCTAssertTrue(c.json().rendered().contains("\"ruleOfThumb\": 10"))
    }

    /// Twelve devices that always hold a Ping and almost never Sync: the level sits at its
    /// peak all the time, the ceiling a pool's size would make.
    func testAPeakHeldAllTheTimeIsCalledAPlateau() throws {
        let c = try calibrate((0..<12).map { _ in CompetingRisksLog.Device(type: "iPhone", mailPerDay: 0.5, opensPerDay: 0.5) }, hours: 24)
        XCTAssertEqual(c.threads, 12)
        XCTAssertTrue(c.plateau)
        XCTAssertTrue(c.scenarioText().contains("likely starved at a pool of 12 threads"), c.scenarioText())
    }
}
