import DiscreteEvent

/// What one population's devices did inside the measured window (after warmup). Every
/// field merges exactly, so the overall figures are the merge of the populations'.
struct PopulationMetrics {
    // Pings, by how they ended at the server (lost is the device's view).
    var status2 = 0, status1 = 0, conflict409 = 0, status5 = 0, lost = 0, rejected503 = 0, reset = 0
    /// Pings ended because a newer request of their device started (409 or 200 by policy).
    var superseded = 0
    /// Mail that arrived in the window (delivered or not).
    var mailArrived = 0
    // HTTP status of every request as the server logged it.
    var http200 = 0, http409 = 0, http503 = 0
    var syncs = 0, syncTimeouts = 0, syncRejected503 = 0, syncReset = 0
    var pingDuration = LogHistogram()
    var syncDuration = LogHistogram()
    var queueWait = LogHistogram()
    var pushLatency = LogHistogram()
    var byPush = 0, byUserOpen = 0, byFetch = 0, byOutbox = 0, afterLostPing = 0
    var radioActiveMicros = 0.0
    /// Σ over devices of ∫ H dt over the window, in µs·µs.
    var heartbeatIntegral: Int128 = 0
    // Outbox.
    var outboxCreated = 0, outboxDelivered = 0, outboxDuplicates = 0, outboxConflicts = 0
    var outboxPermanentErrors = 0, outboxResent = 0, outboxAcknowledged = 0
    var outboxDeliveryDelay = LogHistogram()
    /// How long items stayed Pending until their fate was known (acknowledged or Error).
    var outboxPendingAge = LogHistogram()

    var threads: TimeWeighted
    var queue: TimeWeighted

    init(window: Int64, capacity: Int) {
        threads = TimeWeighted(start: window, threshold: Int64(capacity))
        queue = TimeWeighted(start: window)
    }

    mutating func merge(_ o: PopulationMetrics) {
        status2 += o.status2; status1 += o.status1; conflict409 += o.conflict409; status5 += o.status5
        lost += o.lost; rejected503 += o.rejected503; reset += o.reset
        superseded += o.superseded; mailArrived += o.mailArrived
        http200 += o.http200; http409 += o.http409; http503 += o.http503
        syncs += o.syncs; syncTimeouts += o.syncTimeouts; syncRejected503 += o.syncRejected503; syncReset += o.syncReset
        pingDuration.merge(o.pingDuration); syncDuration.merge(o.syncDuration)
        queueWait.merge(o.queueWait); pushLatency.merge(o.pushLatency)
        byPush += o.byPush; byUserOpen += o.byUserOpen; byFetch += o.byFetch; byOutbox += o.byOutbox
        afterLostPing += o.afterLostPing
        radioActiveMicros += o.radioActiveMicros
        heartbeatIntegral += o.heartbeatIntegral
        outboxCreated += o.outboxCreated; outboxDelivered += o.outboxDelivered
        outboxDuplicates += o.outboxDuplicates; outboxConflicts += o.outboxConflicts
        outboxPermanentErrors += o.outboxPermanentErrors; outboxResent += o.outboxResent
        outboxAcknowledged += o.outboxAcknowledged
        outboxDeliveryDelay.merge(o.outboxDeliveryDelay)
        outboxPendingAge.merge(o.outboxPendingAge)
        threads.merge(o.threads); queue.merge(o.queue)
    }
}

/// What the event loop records for one population: plain counters and accumulators with
/// fixed storage (no reference counting or copy-on-write per event). `snapshot` turns it
/// into a mergeable `PopulationMetrics`.
struct PopulationRecorder: ~Copyable {
    var counters: PopulationMetrics
    var pingDuration = HistogramAccumulator()
    var syncDuration = HistogramAccumulator()
    var queueWait = HistogramAccumulator()
    /// Requests that started without waiting: nearly all of them, so they are counted here
    /// and added to `queueWait` as one weight at the end (the same histogram).
    var startedAtOnce: UInt64 = 0
    var pushLatency = HistogramAccumulator()
    var outboxDeliveryDelay = HistogramAccumulator()
    var outboxPendingAge = HistogramAccumulator()
    var threads: LevelAccumulator
    var queue: LevelAccumulator

    init(window: Int64, capacity: Int) {
        counters = PopulationMetrics(window: window, capacity: capacity)
        threads = LevelAccumulator(start: window, threshold: Int64(capacity))
        queue = LevelAccumulator(start: window)
    }

    mutating func snapshot(end: Int64) -> PopulationMetrics {
        var m = counters
        m.pingDuration = pingDuration.histogram
        m.syncDuration = syncDuration.histogram
        if startedAtOnce > 0 {
            queueWait.add(0, weight: startedAtOnce)
            startedAtOnce = 0
        }
        m.queueWait = queueWait.histogram
        m.pushLatency = pushLatency.histogram
        m.outboxDeliveryDelay = outboxDeliveryDelay.histogram
        m.outboxPendingAge = outboxPendingAge.histogram
        m.threads = threads.finish(at: end)
        m.queue = queue.finish(at: end)
        return m
    }
}

/// One row of the time series: the server over one sample interval.
public struct TimeseriesRow: Hashable, Sendable {
    /// End of the interval, in seconds from the start of the run.
    public var time: Double = 0
    public var threadsMean: Double = 0
    public var threadsMax: Int = 0
    public var queueMean: Double = 0
    public var queueMax: Int = 0
    /// Requests that ended in the interval, by outcome.
    public var status2 = 0, status1 = 0, conflict409 = 0, status5 = 0, lost = 0, rejected503 = 0, reset = 0
    public var syncs = 0
    public var serverUp = true

    public init(time: Double = 0) { self.time = time }
}

/// A level's mean and maximum over the current sample interval.
struct IntervalLevel {
    var level: Int64 = 0
    var integral: Int64 = 0
    var maximum: Int64 = 0
    var lastChange: Int64 = 0

    @inline(__always)
    mutating func set(_ newLevel: Int64, at now: Int64) {
        integral &+= level &* (now &- lastChange)
        lastChange = now
        level = newLevel
        if newLevel > maximum { maximum = newLevel }
    }

    /// Mean and maximum since the last call, which starts a new interval at `now`.
    mutating func close(at now: Int64, since start: Int64) -> (mean: Double, max: Int64) {
        set(level, at: now)
        let span = now - start
        let result = (span > 0 ? Double(integral) / Double(span) : Double(level), maximum)
        integral = 0
        maximum = level
        return result
    }
}
