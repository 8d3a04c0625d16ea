import AccessLogs
import Foundation

/// Logs with known content, for tests: devices running Ping loops with Syncs and a few other
/// commands, written through `AccessLogWriter` in the order a server logs them (by the stamp
/// the format carries). The truth (`LogTruth`) is computed from the records themselves, by
/// sorting and counting, independently of `LogAnalysis`.
struct LogGenerator {
    var format: LogFormat
    var devices = 24
    var hours = 6.0
    var seed: UInt64 = 1
    var base64Query = false
    /// 2024-03-01 21:00:00 UTC: a log that crosses midnight.
    var start: Int64 = 1_709_326_800_000_000

    private var state: UInt64 = 0

    init(format: LogFormat, devices: Int = 24, hours: Double = 6, seed: UInt64 = 1, base64Query: Bool = false) {
        self.format = format
        self.devices = devices
        self.hours = hours
        self.seed = seed
        self.base64Query = base64Query
    }

    private mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    private mutating func uniform(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A whole second at or after `t` (µs).
    static func ceilSecond(_ t: Int64) -> Int64 { (t + 999_999) / 1_000_000 * 1_000_000 }

    /// A request placed so that the format's stamp falls on a whole second at or after `t`.
    private func place(at t: Int64, durationMillis: Int64) -> (start: Int64, duration: Int64) {
        let d = durationMillis * 1_000
        if format.stampsEnd {
            let end = Self.ceilSecond(t + d)
            return (end - d, d)
        }
        return (Self.ceilSecond(t), d)
    }

    /// The records, sorted as the server logs them.
    mutating func records() -> [AccessLogRecord] {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        let end = start + Int64(hours * 3_600e6)
        let types = ["iPhone", "Android", "WindowsPhone"]
        var all: [AccessLogRecord] = []
        for d in 0..<devices {
            // Two devices share a user; device "SHARED" is used by two users (two rows).
            let user = d == 1 ? "user0" : d == devices - 1 ? "user\(d)" : "user\(d)"
            let id = d >= devices - 2 ? "SHARED" : "Dev\(1000 + d)X"
            let type = types[d % types.count]
            let dual = d % 5 == 4           // overlaps Syncs with its Ping
            var t = start + Int64(uniform(120_000)) * 1_000
            var first = true
            while t < end {
                if first && d % 3 == 0 {
                    let p = place(at: t, durationMillis: 5)
                    all.append(AccessLogRecord(start: p.start, duration: p.duration, command: .options, status: 200, user: user, deviceID: id, deviceType: type))
                    t = p.start + p.duration
                }
                first = false
                let roll = uniform(100)
                let pingMillis: Int64 = roll < 30 ? 900_000 + Int64(uniform(400)) : Int64(uniform(880_000))
                let p = place(at: t, durationMillis: pingMillis)
                let status = roll >= 30 && roll < 62 ? 409 : (roll == 99 ? 503 : 200)
                let collision = format == .iis && roll >= 62 && roll < 67
                all.append(AccessLogRecord(start: p.start, duration: p.duration, command: .ping, status: status, user: user, deviceID: id,
                                           deviceType: type, heartbeatSeconds: format == .iis ? 900 : nil, pingCollision: collision))
                // Syncs after (or, for dual devices, during) the Ping.
                var s = dual ? p.start + p.duration / 2 : p.start + p.duration
                for k in 0..<(1 + uniform(3)) {
                    let command: ActiveSyncCommand = k == 2 ? (uniform(2) == 0 ? .folderSync : .sendMail) : .sync
                    let q = place(at: s, durationMillis: Int64(40 + uniform(2_000)))
                    all.append(AccessLogRecord(start: q.start, duration: q.duration, command: command, status: uniform(200) == 0 ? 500 : 200,
                                               user: user, deviceID: id, deviceType: type))
                    s = q.start + q.duration
                }
                t = max(s, p.start + p.duration) + Int64(uniform(3_000)) * 1_000
            }
        }
        let stampsEnd = format.stampsEnd
        return all.enumerated().sorted { a, b in
            let x = stampsEnd ? a.element.end : a.element.start, y = stampsEnd ? b.element.end : b.element.start
            return (x, a.offset) < (y, b.offset)
        }.map(\.element)
    }

    /// The log's lines (header first for IIS), without line ends.
    mutating func lines() -> (records: [AccessLogRecord], lines: [String]) {
        let rs = records()
        let writer = AccessLogWriter(format: format, base64Query: base64Query)
        return (rs, writer.header(start: start) + rs.map(writer.line))
    }
}

/// What a log holds, counted from its records by brute force.
struct LogTruth {
    var requests = 0
    var byCommandStatus: [ActiveSyncCommand: [Int: Int]] = [:]
    var durationSum: [ActiveSyncCommand: Int64] = [:]
    var durationMax: [ActiveSyncCommand: Int64] = [:]
    var pings = 0, conflict409 = 0, superseded = 0
    var devices: [String: (pings: Int, conflict409: Int, syncs: Int, requests: Int)] = [:]
    var users = Set<String>()
    var hourRequests = [Int](repeating: 0, count: 24)
    var hourPings = [Int](repeating: 0, count: 24)
    var hour409 = [Int](repeating: 0, count: 24)
    var spanStart: Int64 = .max, spanEnd: Int64 = .min
    var concurrencyMean = 0.0, concurrencyMax = 0, concurrencyP99 = 0
    /// Per hour of day (UTC): ms observed, Σ level × ms, max level.
    var hourObserved = [Int64](repeating: 0, count: 24), hourLevelMillis = [Int64](repeating: 0, count: 24)
    var hourMax = [Int](repeating: 0, count: 24)

    init(_ records: [AccessLogRecord]) {
        for r in records {
            requests += 1
            byCommandStatus[r.command, default: [:]][r.status, default: 0] += 1
            durationSum[r.command, default: 0] += r.duration
            durationMax[r.command] = max(durationMax[r.command] ?? 0, r.duration)
            let hour = Int((r.start / 1_000_000) % 86_400 / 3_600)
            hourRequests[hour] += 1
            if r.command == .ping {
                pings += 1
                hourPings[hour] += 1
                if r.status == 409 { conflict409 += 1; hour409[hour] += 1 }
                if r.status == 409 || (r.status == 200 && r.pingCollision) { superseded += 1 }
            }
            let key = r.user + "/" + r.deviceID
            var d = devices[key] ?? (0, 0, 0, 0)
            d.requests += 1
            if r.command == .ping { d.pings += 1; if r.status == 409 { d.conflict409 += 1 } }
            if r.command == .sync { d.syncs += 1 }
            devices[key] = d
            users.insert(r.user)
            spanStart = min(spanStart, r.start)
            spanEnd = max(spanEnd, r.end)
        }
        // Concurrency: sort every boundary (ms), ends before starts at equal times.
        var events: [(Int64, Int)] = []
        for r in records where r.duration / 1_000 > 0 {
            events.append((r.start / 1_000, 1))
            events.append((r.end / 1_000, -1))
        }
        events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var level = 0
        var weights: [Int: Int64] = [:]
        var weighted: Int64 = 0
        for (i, e) in events.enumerated() {
            level += e.1
            concurrencyMax = max(concurrencyMax, level)
            if i + 1 < events.count {
                let dt = events[i + 1].0 - e.0
                weights[level, default: 0] += dt
                weighted += Int64(level) * dt
                // Split the interval at hour boundaries, ms by hour.
                var t = e.0
                while t < events[i + 1].0 {
                    let hourEnd = (t / 3_600_000 + 1) * 3_600_000
                    let chunk = min(hourEnd, events[i + 1].0) - t
                    let h = Int(t / 3_600_000 % 24)
                    hourObserved[h] += chunk
                    hourLevelMillis[h] += Int64(level) * chunk
                    if chunk > 0 { hourMax[h] = max(hourMax[h], level) }
                    t += chunk
                }
            }
        }
        let total = weights.values.reduce(0, +)
        if total > 0 {
            concurrencyMean = Double(weighted) / Double(total)
            let rank = Int64((0.99 * Double(total)).rounded(.up))
            var seen: Int64 = 0
            for (l, w) in weights.sorted(by: { $0.key < $1.key }) {
                seen += w
                if seen >= rank { concurrencyP99 = l; break }
            }
        }
    }
}
