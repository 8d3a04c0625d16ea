/// What a log says, in the terms of a PushSim run: the result of `LogAnalysis`. Plain values;
/// times in seconds, shares in 0…1, nil where a figure does not exist (no Pings: no share).
public struct LogFigures: Sendable {
    public struct Duration: Sendable, Equatable {
        /// Seconds. Mean, min and max exact; p50 and p95 within 0.8 % (a streaming histogram).
        public var mean: Double, p50: Double, p95: Double, max: Double, min: Double
    }

    public struct CommandFigures: Sendable {
        public var command: ActiveSyncCommand
        public var count: Int
        /// (status, count), by status.
        public var byStatus: [(status: Int, count: Int)]
        public var duration: Duration
        /// Duration histogram (µs) for charts.
        public var histogram: [(low: Double, high: Double, count: Int)]
    }

    public struct Pings: Sendable {
        public var total: Int
        public var conflict409: Int
        /// 409, or 200 with Exchange's collision token.
        public var superseded: Int
        public var share409: Double?
        public var shareSuperseded: Double?
        /// The heartbeat in use (s) and where it comes from ("Hb log token", "longest 200 Pings").
        public var heartbeatSeconds: Double?
        public var heartbeatSource: String?
    }

    public struct Concurrency: Sendable {
        public var mean: Double?, p99: Double?, max: Int?
        /// Interval ends or starts placed more than the reorder window late (see ConcurrencySweep).
        public var lateChanges: Int
        /// Over time: bin start (s since the epoch), bin width (s), mean and max in the bin.
        public var series: [(time: Double, mean: Double, max: Int)]
        public var binSeconds: Double
    }

    public struct Hour: Sendable {
        public var hour: Int
        public var requests: Int, pings: Int, conflict409: Int, superseded: Int
        /// Seconds of the log's span falling in this hour of day (over all days).
        public var observedSeconds: Double
        public var concurrencyMean: Double?
        public var concurrencyMax: Int?
        public var share409: Double? { pings > 0 ? Double(conflict409) / Double(pings) : nil }
    }

    public struct Device: Sendable {
        public var user: String, deviceID: String, deviceType: String
        public var requests: Int, pings: Int, conflict409: Int, superseded: Int, syncs: Int
        public var pingMeanSeconds: Double?
        public var share409: Double? { pings > 0 ? Double(conflict409) / Double(pings) : nil }
        /// Seconds since the epoch: first start, last end.
        public var firstSeen: Double, lastSeen: Double
    }

    public struct SkippedLine: Sendable, Equatable {
        public var file: String, line: Int, reason: String
    }

    public var format: LogFormat
    public var formatReason: String
    public var lines: Int
    public var requests: Int
    public var skipped: Int
    public var skippedByReason: [(reason: SkipReason, count: Int)]
    public var skippedExamples: [SkippedLine]
    /// Seconds since the epoch (UTC): first start, last end; nil without requests.
    public var spanStart: Double?, spanEnd: Double?
    public var spanSeconds: Double { (spanEnd ?? 0) - (spanStart ?? 0) }
    /// Minutes east of UTC of the hour-of-day figures.
    public var utcOffsetMinutes: Int
    public var devices: [Device]
    public var users: Int
    public var commands: [CommandFigures]
    public var pings: Pings
    public var concurrency: Concurrency
    public var hourly: [Hour]
}
