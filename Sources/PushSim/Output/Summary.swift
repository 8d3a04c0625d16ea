/// The figures of one run (MODEL.md §4), overall and per population, as written to
/// `summary.json` (MODEL.md §6). Times are in seconds, energy in joules, shares in 0…1.
public struct Summary: Hashable, Sendable {
    public var scenario: String
    public var seed: UInt64
    public var replication: Int
    public var devices: Int
    /// The whole simulated span, and the part after warmup that the figures cover.
    public var simulatedSeconds: Double
    public var measuredSeconds: Double
    public var overall: Figures
    public var populations: [NamedFigures]
    /// Per server, in a pool of more than one.
    public var servers: [NamedFigures]
    public var restarts: [RestartFigures]
    /// Events processed (deterministic). Wall-clock figures are in `RunResult.timing`.
    public var events: Int

    public init(scenario: String, seed: UInt64, replication: Int, devices: Int, simulatedSeconds: Double,
                measuredSeconds: Double, overall: Figures, populations: [NamedFigures], servers: [NamedFigures],
                restarts: [RestartFigures], events: Int) {
        self.scenario = scenario
        self.seed = seed
        self.replication = replication
        self.devices = devices
        self.simulatedSeconds = simulatedSeconds
        self.measuredSeconds = measuredSeconds
        self.overall = overall
        self.populations = populations
        self.servers = servers
        self.restarts = restarts
        self.events = events
    }
}

/// Figures for one population or one server.
public struct NamedFigures: Hashable, Sendable {
    public var name: String
    public var devices: Int
    public var figures: Figures
    /// A server's own restarts (nil for a population).
    public var restarts: [RestartFigures]? = nil

    public init(name: String, devices: Int, figures: Figures) {
        self.name = name
        self.devices = devices
        self.figures = figures
    }
}

/// Every metric block of MODEL.md §4.
public struct Figures: Hashable, Sendable {
    public init() {}
    public var pings = PingFigures()
    /// HTTP status codes of all requests, as the server logged them.
    public var httpStatus: [(code: Int, count: Int)] = []
    public var threads = ThreadFigures()
    public var queue = QueueFigures()
    public var pingDuration = DurationFigures()
    public var syncDuration = DurationFigures()
    public var syncs = SyncFigures()
    public var pushLatency = LatencyFigures()
    public var battery = BatteryFigures()
    public var heartbeat = HeartbeatFigures()
    public var outbox = OutboxFigures()

    public static func == (a: Figures, b: Figures) -> Bool {
        a.pings == b.pings && a.httpStatus.elementsEqual(b.httpStatus, by: ==) && a.threads == b.threads
            && a.queue == b.queue && a.pingDuration == b.pingDuration && a.syncDuration == b.syncDuration
            && a.syncs == b.syncs && a.pushLatency == b.pushLatency && a.battery == b.battery
            && a.heartbeat == b.heartbeat && a.outbox == b.outbox
    }

    public func hash(into h: inout Hasher) {
        h.combine(pings)
        for (c, n) in httpStatus { h.combine(c); h.combine(n) }
        h.combine(threads)
    }
}

/// How Pings ended. `total` counts Pings that ended at the server (answered 200, 409 or
/// 503, or reset); `lost` is the devices' view (no answer by H + grace) and overlaps them.
public struct PingFigures: Hashable, Sendable {
    public init() {}
    public var total = 0, status2 = 0, status1 = 0, conflict409 = 0, status5 = 0
    public var lost = 0, rejected503 = 0, reset = 0
    /// Pings ended because a newer request of their device started, whatever the server's
    /// policy answered (409 under `conflict409`, 200 under `expire200`).
    public var superseded = 0
    /// conflict409 ÷ total; nil when no Ping ended.
    public var share409: Double? = nil
}

/// HTTP threads held: time-weighted over the measured window.
///
/// Across a pool the threads held are a sum over servers that are simulated apart: its
/// mean is the sum of their means, but its quantiles and maximum cannot be derived from
/// theirs, so they are nil (`null`) for the pool and for a population on more than one
/// server; each server's own figures are in `Summary.servers`.
public struct ThreadFigures: Hashable, Sendable {
    public init() {}
    /// Threads of the server, or of every server of the pool.
    public var capacity = 0
    public var mean = 0.0
    public var p50: Double? = 0, p95: Double? = 0, p99: Double? = 0
    public var max: Int? = 0
    /// Fraction of time every thread of the server was held; for a pool, the mean over its
    /// servers (a population's: over the servers it uses).
    public var fullFraction = 0.0
}

/// Requests waiting for a thread: length time-weighted, wait per started request.
public struct QueueFigures: Hashable, Sendable {
    public init() {}
    /// Summed over a pool's servers, like threads held.
    public var meanLength = 0.0
    /// Nil for a pool, like the threads' maximum.
    public var maxLength: Int? = 0
    /// The wait figures are nil when no request started on a thread.
    public var waitP50: Double? = nil, waitP95: Double? = nil, waitP99: Double? = nil
    /// Mean wait for a thread, over all started requests.
    public var waitMean: Double? = nil
    /// Share of started requests that had to wait at all (Erlang C's probability of waiting).
    public var waitedShare: Double? = nil
}

/// Time at the server, from start on a thread to the response; the times are nil when
/// `count` is 0.
public struct DurationFigures: Hashable, Sendable {
    public init() {}
    public var count = 0
    public var mean: Double? = nil, p50: Double? = nil, p95: Double? = nil, max: Double? = nil
}

/// Syncs sent, and how many failed.
public struct SyncFigures: Hashable, Sendable {
    public init() {}
    public var total = 0, timeouts = 0, rejected503 = 0, reset = 0
}

/// One bin of a distribution: values in [low, high) seconds, and how many.
public struct HistogramBin: Hashable, Sendable {
    public var low: Double
    public var high: Double
    public var count: Int
    public init(low: Double, high: Double, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }
}

/// Mail arrival to delivery on the device, for mail that arrived after warmup. A starved
/// server may deliver nothing: then every latency figure and share is `nil` (`null` in
/// summary.json), never 0, and `undelivered` says how much mail is waiting.
public struct LatencyFigures: Hashable, Sendable {
    public init() {}
    /// Mail that arrived after warmup; `delivered + undelivered == mailArrived`.
    public var mailArrived = 0
    /// Of it, mail that reached the device by the end of the run.
    public var delivered = 0
    /// Of it, mail not on the device at the end (still on the server, or handed to a Sync
    /// whose response never arrived).
    public var undelivered = 0
    /// Age at the end of the run of the oldest undelivered mail, seconds; nil when none.
    public var undeliveredAgeMax: Double? = nil
    /// Over delivered mail, seconds; nil when none was delivered.
    public var mean: Double? = nil, p50: Double? = nil, p95: Double? = nil, p99: Double? = nil
    /// The distribution, in bins of a quarter of a power of two (for charts).
    public var bins: [HistogramBin] = []
    /// Shares of delivered mail by what brought it (they sum to 1); nil when none was delivered.
    public var byPush: Double? = nil, byUserOpen: Double? = nil, byFetch: Double? = nil
    public var byOutbox: Double? = nil, afterLostPing: Double? = nil
    /// Share of arrived mail that was delivered; nil when none arrived.
    public var deliveredShare: Double? { mailArrived > 0 ? Double(delivered) / Double(mailArrived) : nil }
}

/// Radio energy per device and day; nil for a group with no devices.
public struct BatteryFigures: Hashable, Sendable {
    public init() {}
    public var joulesPerDeviceDay: Double? = nil
    public var joulesPerDeviceDayP95: Double? = nil
    public var percentPerDay: Double? = nil
    public var radioActiveSecondsPerDay: Double? = nil
}

/// The heartbeat devices asked for: time-weighted mean, and where they ended.
public struct HeartbeatFigures: Hashable, Sendable {
    public init() {}
    /// Nil for a group with no push devices.
    public var meanSeconds: Double? = nil
    /// Devices by final heartbeat, in seconds, ascending.
    public var final: [Double: Int] = [:]
}

/// The outbox (MODEL.md §3.7).
public struct OutboxFigures: Hashable, Sendable {
    public init() {}
    /// Items created; distinct items the server delivered; extra deliveries of an item.
    public var created = 0, delivered = 0, duplicates = 0
    /// Final outcomes as the device learns them: acknowledged, conflicts not resent,
    /// permanent errors; with `pendingAtEnd` they add up to `created`.
    public var acknowledged = 0, conflicts = 0, permanentErrors = 0
    /// Conflicts the user sent again.
    public var resent = 0
    public var pendingAtEnd = 0
    /// How long items were pending; nil when none was.
    public var pendingAgeP95: Double? = nil, pendingAgeMax: Double? = nil
    /// Creation to acknowledgement; nil when none was acknowledged.
    public var deliveryDelayMean: Double? = nil, deliveryDelayP95: Double? = nil
}

/// One graceful restart.
public struct RestartFigures: Hashable, Sendable {
    public init() {}
    public var server: String = ""
    public var at = 0.0
    public var drainSeconds = 0.0
    public var waitedFor = 0, reset = 0, refused = 0
    /// Requests that reached the server while it was down (no answer; they time out).
    public var unanswered = 0
    /// Push latency p95 of mail delivered in the hour after the restart began; nil when
    /// none was.
    public var pushLatencyP95After: Double? = nil
}
