import DiscreteEvent

/// Random-stream purposes: each device draws each kind of randomness from its own stream,
/// so changing one behaviour leaves the others' draws where they were.
enum Purpose: UInt64 {
    case mail = 0, opens, notify, network, work, firewall, start, outbox, outboxOutcome
}

/// A Poisson arrival process with its hourly rates in the simulation's tables: a plain
/// value whose use copies nothing.
struct ArrivalRates {
    var perDay: Double
    var hourly: UnsafeMutablePointer<Double>

    init(_ arrivals: PoissonArrivals, tables: inout SamplerTables) {
        perDay = arrivals.perDay
        hourly = tables.store(arrivals.hourlyRates)
    }

    /// The next arrival after `time`, one draw from `random`.
    @inline(__always)
    func next(after time: Int64, _ random: inout CounterStream) -> Int64 {
        PoissonArrivals.next(after: time, unitExponential: random.exponential(mean: 1), perDay: perDay,
                             hourlyRates: hourly)
    }
}

/// One population's parameters, flattened for the event loop (plain values, no references).
struct PopulationParameters {
    var firstDevice: Int
    /// Added to a device's index in this run to give its index in its population's streams
    /// (non-zero when a population is split over the servers of a pool).
    var streamOffset: Int
    var firewall: Sampler?
    var count: Int
    var single: Bool
    var push: Bool
    var fetchInterval: Int64
    var adaptive: Bool
    var heartbeatInitial: Int64
    var heartbeatMin: Int64
    var heartbeatMax: Int64
    var heartbeatStep: Int64
    var onFailure: HeartbeatFailurePolicy
    var pingGrace: Int64
    var syncTimeout: Int64
    var mail: ArrivalRates
    var opens: ArrivalRates
    var outbox: ArrivalRates
    var outboxEnabled: Bool
    var conflictProbability: Double
    var permanentErrorProbability: Double
    var resendProbability: Double
    var resendDelay: Sampler
    var serverDeduplicates: Bool
    var afterNotifyProbability: Double
    var afterNotifyDelay: Sampler
    var networkDelay: Sampler
    var lossProbability: Double
    var radio: RadioParameters
    var pingRequestBytes: Int
    var pingResponseBytes: Int
    var syncRequestBytes: Int
    var syncResponseBytes: Int
    var bytesPerMailItem: Int
    var bytesPerOutboxItem: Int
    /// Stream keys by purpose (population level; a device's key adds its index).
    var keys: InlineArray<9, UInt64>

    init(_ p: Population, firstDevice: Int, streamOffset: Int, profile: DailyProfile, run: StreamKey,
         tables: inout SamplerTables) {
        self.firstDevice = firstDevice
        self.streamOffset = streamOffset
        firewall = p.firewallIdleTimeout.map { Sampler($0, tables: &tables) }
        count = p.count
        single = p.client == .single
        push = p.mode == .push
        fetchInterval = p.fetchInterval.microseconds
        switch p.heartbeat {
        case .fixed(let h):
            adaptive = false
            heartbeatInitial = h.microseconds; heartbeatMin = h.microseconds; heartbeatMax = h.microseconds
            heartbeatStep = 0; onFailure = .stepDown
        case .adaptive(let initial, let min, let max, let step, let onFailure):
            adaptive = true
            heartbeatInitial = initial.microseconds; heartbeatMin = min.microseconds
            heartbeatMax = max.microseconds; heartbeatStep = step.microseconds
            self.onFailure = onFailure
        }
        pingGrace = p.pingGrace.microseconds
        syncTimeout = p.syncTimeout.microseconds
        mail = ArrivalRates(PoissonArrivals(perDay: p.mailPerDay, profile: profile), tables: &tables)
        opens = ArrivalRates(PoissonArrivals(perDay: p.userOpensPerDay, profile: profile), tables: &tables)
        outbox = ArrivalRates(PoissonArrivals(perDay: p.outbox.perDay, profile: profile), tables: &tables)
        outboxEnabled = p.outbox.perDay > 0
        conflictProbability = p.outbox.conflictProbability
        permanentErrorProbability = p.outbox.permanentErrorProbability
        resendProbability = p.outbox.resendProbability
        resendDelay = Sampler(p.outbox.resendDelay, tables: &tables)
        serverDeduplicates = p.outbox.serverDeduplicates
        afterNotifyProbability = p.afterNotifyProbability
        afterNotifyDelay = Sampler(p.afterNotifyDelay, tables: &tables)
        networkDelay = Sampler(p.networkDelay, tables: &tables)
        lossProbability = p.lossProbability
        radio = RadioParameters(p.radio, p.traffic)
        pingRequestBytes = p.traffic.pingRequestBytes
        pingResponseBytes = p.traffic.pingResponseBytes
        syncRequestBytes = p.traffic.syncRequestBytes
        syncResponseBytes = p.traffic.syncResponseBytes
        bytesPerMailItem = p.traffic.bytesPerMailItem
        bytesPerOutboxItem = p.traffic.bytesPerOutboxItem
        let population = run.child(p.name)
        keys = InlineArray { population.child(UInt64($0)).value }
    }

    /// The stream of `purpose` for the device at `local` index, positioned at `counter`.
    @inline(__always)
    func stream(_ purpose: Purpose, device local: Int, counter: UInt32) -> CounterStream {
        CounterStream(key: StreamKey(value: keys[Int(purpose.rawValue)]).device(UInt32(truncatingIfNeeded: local)), counter: counter)
    }
}
