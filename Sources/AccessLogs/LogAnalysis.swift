import DiscreteEvent

/// The figures of a log, built one request at a time in bounded memory: per-command counts by
/// status and duration histograms (fixed arrays indexed by command code and status), per-
/// device state (`DeviceTable`), the concurrency sweep, per-hour counts. Nothing holds a
/// request after `add` returns. Cost per request: one device look-up, a few array updates.
public struct LogAnalysis: ~Copyable, RequestSink {
    static let statusSlots = 600
    private var statusCounts = [Int](repeating: 0, count: ActiveSyncCommand.codeCount * statusSlots)
    private var durations = [LogHistogram](repeating: LogHistogram(), count: ActiveSyncCommand.codeCount)
    private var table = DeviceTable()
    /// Per device: the counters touched by every request (hot, 56 bytes) apart from the
    /// names (cold), so that the hot array stays in cache for tens of thousands of devices.
    private var devices: [DeviceState] = []
    private var names: [DeviceNames] = []
    private var sweep = ConcurrencySweep()
    private var hourRequests = [Int](repeating: 0, count: 24)
    private var hourPings = [Int](repeating: 0, count: 24)
    private var hour409 = [Int](repeating: 0, count: 24)
    private var hourSuperseded = [Int](repeating: 0, count: 24)
    /// Hb tokens by seconds, and 200 Pings by whole seconds of duration (heartbeat detection).
    private var heartbeatTokens = [Int](repeating: 0, count: 4_096)
    private var ping200Seconds = [Int](repeating: 0, count: 7_201)
    private var offsetSeconds: Int64 = 0
    private var offsetKnown = false
    private var firstStart: Int64 = .max
    private var lastEnd: Int64 = .min
    private(set) public var requests = 0

    struct DeviceNames {
        var user: String, deviceID: String, deviceType: String
    }

    struct DeviceState {
        var typeKnown: Bool
        var requests: Int32 = 0, pings: Int32 = 0, conflict409: Int32 = 0, superseded: Int32 = 0, syncs: Int32 = 0
        var pingMicros: Int64 = 0
        var first: Int64 = .max, last: Int64 = .min
    }

    public init() {}

    /// Adds one request.
    public mutating func add(_ r: ParsedRequest) {
        // The ring slots the interval will change are far apart in memory: start loading them now.
        sweep.prefetch(start: r.start, end: r.start &+ r.duration)
        requests += 1
        if !offsetKnown, let offset = r.utcOffsetMinutes {
            offsetKnown = true
            offsetSeconds = Int64(offset) * 60
            sweep.offsetMinutes = offset
        }
        let code = Int(r.command.code)
        // Parsers give 100…599; a hand-made request outside counts as status 0.
        let status = r.status >= 0 && r.status < Self.statusSlots ? r.status : 0
        statusCounts[code &* Self.statusSlots &+ status] &+= 1
        durations[code].add(r.duration)
        let end = r.start &+ r.duration
        if r.start < firstStart { firstStart = r.start }
        if end > lastEnd { lastEnd = end }
        sweep.add(start: r.start, end: end, stamp: r.logTime)

        let hour = Int((LogTime.floorDiv(r.start, 1_000_000) &+ offsetSeconds) % 86_400 / 3_600)
        let h = hour < 0 ? hour + 24 : hour
        hourRequests[h] &+= 1
        let isPing = r.command == .ping
        let superseded = r.superseded
        if isPing {
            hourPings[h] &+= 1
            if r.status == 409 { hour409[h] &+= 1 }
            if superseded { hourSuperseded[h] &+= 1 }
            if r.heartbeatSeconds >= 0 && r.heartbeatSeconds < 4_096 { heartbeatTokens[Int(r.heartbeatSeconds)] &+= 1 }
            if r.status == 200 && !r.pingCollision { ping200Seconds[Int(Swift.min(r.duration / 1_000_000, 7_200))] &+= 1 }
        }
        guard r.deviceID.count > 0 else { return }
        let (d, isNew) = table.index(user: r.user, device: r.deviceID)
        if isNew {
            names.append(DeviceNames(user: Bytes.string(r.user), deviceID: Bytes.string(r.deviceID), deviceType: Bytes.string(r.deviceType)))
            devices.append(DeviceState(typeKnown: r.deviceType.count > 0))
        } else if !devices[d].typeKnown && r.deviceType.count > 0 {
            devices[d].typeKnown = true
            names[d].deviceType = Bytes.string(r.deviceType)
        }
        devices.withUnsafeMutableBufferPointer { all in
            all[d].requests &+= 1
            if isPing {
                all[d].pings &+= 1
                all[d].pingMicros &+= r.duration
                if r.status == 409 { all[d].conflict409 &+= 1 }
                if superseded { all[d].superseded &+= 1 }
            } else if r.command == .sync {
                all[d].syncs &+= 1
            }
            if r.start < all[d].first { all[d].first = r.start }
            if end > all[d].last { all[d].last = end }
        }
    }

    /// The figures; `reading` supplies the counts the reader kept (lines, skipped, format).
    public consuming func figures(_ reading: ReadSummary) -> LogFigures {
        sweep.finish()
        let seconds = { (micros: Double) in micros / 1e6 }
        var commands: [LogFigures.CommandFigures] = []
        for command in ActiveSyncCommand.all {
            let code = Int(command.code)
            let h = durations[code]
            guard !h.isEmpty else { continue }
            var byStatus: [(status: Int, count: Int)] = []
            for s in 0..<Self.statusSlots where statusCounts[code * Self.statusSlots + s] > 0 {
                byStatus.append((s, statusCounts[code * Self.statusSlots + s]))
            }
            commands.append(.init(command: command, count: Int(h.totalWeight), byStatus: byStatus,
                                  duration: .init(mean: seconds(h.mean), p50: seconds(h.quantile(0.5)), p95: seconds(h.quantile(0.95)), max: seconds(Double(h.max)), min: seconds(Double(h.min))),
                                  histogram: h.coarseBins(perOctave: 8).map { (Double($0.low) / 1e6, Double($0.high) / 1e6, Int($0.weight)) }))
        }
        let pingCode = Int(ActiveSyncCommand.ping.code)
        let pingTotal = Int(durations[pingCode].totalWeight)
        let p409 = statusCounts[pingCode * Self.statusSlots + 409]
        let superseded = hourSuperseded.reduce(0, +)
        let heartbeat = Self.heartbeat(tokens: heartbeatTokens, durations: ping200Seconds)
        let pings = LogFigures.Pings(total: pingTotal, conflict409: p409, superseded: superseded,
                                     share409: pingTotal > 0 ? Double(p409) / Double(pingTotal) : nil,
                                     shareSuperseded: pingTotal > 0 ? Double(superseded) / Double(pingTotal) : nil,
                                     heartbeatSeconds: heartbeat?.seconds, heartbeatSource: heartbeat?.source)

        let span = sweep.spanMillis
        let levels = sweep.levels
        let concurrency = LogFigures.Concurrency(
            mean: span > 0 ? levels.mean : nil, p99: span > 0 ? levels.quantile(0.99) : nil, max: span > 0 ? Int(sweep.maximum) : nil,
            lateChanges: sweep.lateChanges,
            series: sweep.binLevelMillis.indices.map { i in
                (Double(sweep.binOrigin + Int64(i) * sweep.binMillis) / 1e3, Double(sweep.binLevelMillis[i]) / Double(sweep.binMillis), Int(sweep.binMax[i]))
            },
            binSeconds: Double(sweep.binMillis) / 1e3)
        let hourly = (0..<24).map { h in
            let observed = sweep.hourObserved[h]
            return LogFigures.Hour(hour: h, requests: hourRequests[h], pings: hourPings[h], conflict409: hour409[h], superseded: hourSuperseded[h],
                                   observedSeconds: Double(observed) / 1e3,
                                   concurrencyMean: observed > 0 ? Double(sweep.hourLevelMillis[h]) / Double(observed) : nil,
                                   concurrencyMax: observed > 0 ? Int(sweep.hourMax[h]) : nil)
        }
        let rows = devices.indices.map { k in
            let d = devices[k], n = names[k]
            return LogFigures.Device(user: n.user, deviceID: n.deviceID, deviceType: n.deviceType, requests: Int(d.requests), pings: Int(d.pings),
                              conflict409: Int(d.conflict409), superseded: Int(d.superseded), syncs: Int(d.syncs),
                              pingMeanSeconds: d.pings > 0 ? Double(d.pingMicros) / Double(d.pings) / 1e6 : nil,
                              firstSeen: Double(d.first) / 1e6, lastSeen: Double(d.last) / 1e6)
        }.sorted { ($0.user, $0.deviceID) < ($1.user, $1.deviceID) }
        return LogFigures(format: reading.format, formatReason: reading.formatReason, lines: reading.lines, requests: requests,
                          skipped: reading.skipped, skippedByReason: reading.skippedByReason, skippedExamples: reading.examples,
                          spanStart: requests > 0 ? Double(firstStart) / 1e6 : nil, spanEnd: requests > 0 ? Double(lastEnd) / 1e6 : nil,
                          utcOffsetMinutes: Int(offsetSeconds / 60), devices: rows, users: Set(rows.map(\.user)).count,
                          commands: commands, pings: pings, concurrency: concurrency, hourly: hourly)
    }

    /// The heartbeat: the most frequent `Hb` token where the log has them; otherwise the
    /// cluster of the longest 200 Pings: scanning down from the longest, the first 10-second
    /// window that holds at least 5 % of the 200 Pings (and at least 3), its median in whole
    /// seconds. nil when neither exists.
    public static func heartbeat(tokens: [Int], durations: [Int]) -> (seconds: Double, source: String)? {
        if let best = tokens.indices.max(by: { (tokens[$0], $1) < (tokens[$1], $0) }), tokens[best] > 0 {
            return (Double(best), "Hb log token")
        }
        let total = durations.reduce(0, +)
        guard total > 0 else { return nil }
        let need = Swift.max(3, Int((Double(total) * 0.05).rounded(.up)))
        var top = durations.count - 1
        while top >= 9 {
            let window = durations[(top - 9)...top].reduce(0, +)
            if window >= need && durations[top] > 0 {
                var seen = 0
                for s in stride(from: top, through: top - 9, by: -1) {
                    seen += durations[s]
                    if seen * 2 >= window { return (Double(s), "longest 200 Pings") }
                }
            }
            top -= 1
        }
        return nil
    }
}

/// What the reader counted while reading (see `LogReader`).
public struct ReadSummary: Sendable {
    public var format: LogFormat
    public var formatReason: String
    public var lines = 0
    public var skipped = 0
    public var skippedByReason: [(reason: SkipReason, count: Int)] = []
    public var examples: [LogFigures.SkippedLine] = []

    public init(format: LogFormat, formatReason: String) {
        self.format = format
        self.formatReason = formatReason
    }
}
