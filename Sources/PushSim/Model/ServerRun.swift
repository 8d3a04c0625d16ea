import CPrefetch
import DiscreteEvent

/// Where a server is in its restart cycle (MODEL.md §3.5).
enum ServerPhase: UInt8 {
    case up
    /// Refusing new requests with 503, waiting for held requests to finish.
    case draining
    /// Down: requests get no answer.
    case down
}

/// One server and the devices on it, simulated event by event.
///
/// All state is in flat arrays indexed by device and by request slot; events are 16-byte
/// values in an `EventQueue`; the probe is a generic parameter, so with `NoProbe` the loop
/// has no dynamic dispatch, no reference counting and no allocation per event. `Path`
/// chooses the plain reference rules or their fast shortcuts (`ModelPath`).
struct ServerRun<Probe: SimulationProbe, Path: ModelPath>: ~Copyable {
    // Time window.
    let warmup: Int64
    let end: Int64
    // Server configuration.
    let pingHoldsThread: Bool
    let heartbeatMin: Int64
    let heartbeatMax: Int64
    let onNewerRequest: NewerRequestPolicy
    /// How often a waiting Ping checks for mail and a newer request; 0: at once.
    let checkInterval: Int64
    /// The HTTP status of a Ping superseded by a newer request; 0 when the server does not
    /// notice (`ignore`).
    let supersededHTTP: UInt16
    let pingWork: Sampler
    let syncWork: Sampler
    let sampleInterval: Int64
    let restarts: [Restart]

    var queue: EventQueue<UInt64>
    let devices: UnsafeMutablePointer<Device>
    let deviceCount: Int
    var requests: RequestTable
    var outbox: OutboxTable
    var bodies: SyncBodies
    var completions: LazyCompletions
    var pool: ThreadPool
    let pops: UnsafeMutablePointer<PopulationParameters>
    let populationCount: Int
    /// With one population its thread and queue levels are the server's: not tracked twice.
    var populationLevels: Bool { populationCount > 1 }
    var tables: SamplerTables
    let metrics: UnsafeMutablePointer<PopulationRecorder>
    var probe: Probe

    var phase: ServerPhase = .up
    var restartIndex = 0
    var restartRecords: [RestartRecord] = []
    var restartLatency: [LogHistogram] = []
    var events = 0
    var pumping = false
    /// Called about every million events with (simulated time, events so far).
    var progress: (@Sendable (Int64, Int) -> Void)? = nil

    // Server-wide levels, for the summary and the time series.
    var threads: LevelAccumulator
    var queueLength: LevelAccumulator
    var threadsInterval = IntervalLevel()
    var queueInterval = IntervalLevel()
    var timeseries: [TimeseriesRow] = []
    var intervalRow = TimeseriesRow()
    var lastSample: Int64 = 0

    /// Sets up the devices of `populations` (with their own stream keys) on `server`.
    init(scenario: Scenario, server: ServerConfig, populations: [(Population, deviceOffset: Int)],
         run: StreamKey, probe: Probe) {
        warmup = scenario.warmup.microseconds
        end = scenario.duration.microseconds
        pingHoldsThread = server.pingHoldsThread
        heartbeatMin = server.heartbeatMin.microseconds
        heartbeatMax = server.heartbeatMax.microseconds
        onNewerRequest = server.onNewerRequest
        checkInterval = server.checkInterval.microseconds
        switch server.onNewerRequest {
        case .conflict409: supersededHTTP = 409
        case .expire200: supersededHTTP = 200
        case .ignore: supersededHTTP = 0
        }
        sampleInterval = scenario.sampleInterval.microseconds
        restarts = server.restarts.sorted { $0.at < $1.at }
        var tables = SamplerTables()
        pingWork = Sampler(server.pingWork, tables: &tables)
        syncWork = Sampler(server.syncWork, tables: &tables)
        self.probe = probe

        let total = populations.reduce(0) { $0 + $1.0.count }
        deviceCount = total
        // Cache-line aligned, so that a device's 192 bytes span exactly three lines.
        devices = LargeArray.allocate(Device.self, capacity: max(1, total), alignment: 64)
        devices.initialize(repeating: Device(), count: max(1, total))
        populationCount = populations.count
        pops = .allocate(capacity: max(1, populations.count))
        var first = 0
        for (i, (population, offset)) in populations.enumerated() {
            (pops + i).initialize(to: PopulationParameters(population, firstDevice: first, streamOffset: offset,
                                                           profile: scenario.profile, run: run, tables: &tables))
            first += population.count
        }
        self.tables = tables
        metrics = .allocate(capacity: max(1, populations.count))
        for i in 0..<max(1, populations.count) {
            (metrics + i).initialize(to: PopulationRecorder(window: scenario.warmup.microseconds, capacity: server.threads))
        }
        threads = LevelAccumulator(start: scenario.warmup.microseconds, threshold: Int64(server.threads))
        queueLength = LevelAccumulator(start: scenario.warmup.microseconds)
        pool = ThreadPool(capacity: server.threads, queueLimit: server.queueLimit)
        requests = RequestTable(capacity: total + total / 2 + 16)
        outbox = OutboxTable(capacity: total / 4 + 16)
        bodies = SyncBodies(capacity: total / 4 + 16)
        completions = LazyCompletions(capacity: min(server.threads, 1 << 16))
        queue = EventQueue(capacity: 3 * total + 64)

        for i in 0..<populations.count {
            for local in 0..<pops[i].count {
                setUpDevice(pops[i].firstDevice + local, population: i, streamIndex: pops[i].streamOffset + local)
            }
        }
        if sampleInterval > 0 { schedule(.sample, index: 0, generation: 0, at: min(sampleInterval, end)) }
        if let first = restarts.first { scheduleRestartPhase(Self.drainBegins, at: first.at.microseconds) }
    }

    deinit {
        UnsafeMutableRawPointer(devices).deallocate()
        pops.deallocate()
        metrics.deinitialize(count: max(1, populationCount))
        metrics.deallocate()
    }

    @inline(__always)
    mutating func schedule(_ kind: EventKind, index: Int, generation: UInt32, at time: Int64) {
        queue.schedule(at: time, EventPayload.pack(kind, index: index, generation: generation))
    }

    @inline(__always) func measuring(_ t: Int64) -> Bool { t >= warmup }

    /// Runs every event up to the end of the scenario, then closes the books.
    mutating func run() {
        while let event = queue.popMin() {
            let t = event.time
            if t > end { break }
            if t >= completions.earliest { completeSyncs(upTo: t) }
            events &+= 1
            if events & 0xF_FFFF == 0, let progress { progress(t, events) }
            probe.willProcessEvent(at: t)
            prefetch()
            let payload = event.payload
            let index = EventPayload.index(payload)
            let generation = EventPayload.generation(payload)
            switch EventPayload.kind(payload) {
            case .deviceTimer: deviceTimer(index, generation: generation, at: t)
            case .arrive: if isCurrent(index, generation) { requestArrives(index, at: t) }
            case .pingWorkDone: if isCurrent(index, generation) { pingWorkDone(index, at: t) }
            case .heartbeatDone: if isCurrent(index, generation) { heartbeatDone(index, at: t) }
            case .pingCheck: if isCurrent(index, generation) { pingCheck(index, at: t) }
            case .syncDone: if isCurrent(index, generation) { syncDone(index, at: t) }
            case .response: if isCurrent(index, generation) { responseArrives(index, at: t) }
            case .deviceTimeout: if isCurrent(index, generation) { deviceTimesOut(index, at: t) }
            case .sample: recordSample(at: t)
            case .restartPhase: restartPhase(index: index, phase: generation, at: t)
            }
        }
        finish()
    }

    /// Starts loading what upcoming events will touch, so that their cache misses overlap
    /// the work on this one. Sixteen places ahead: a timer event's device, or a request
    /// event's request slot. Eight places ahead, reading what was loaded then: a request
    /// event's device, or the Ping a timer event's device has waiting at the server (mail
    /// arriving answers it).
    @inline(__always)
    func prefetch() {
        if let far = queue.upcoming(16) {
            let index = EventPayload.index(far.payload)
            switch EventPayload.kind(far.payload) {
            case .deviceTimer: prefetchDevice(index)
            case .sample, .restartPhase: break
            default: prefetchRequest(index)
            }
        }
        if let near = queue.upcoming(8) {
            let index = EventPayload.index(near.payload)
            switch EventPayload.kind(near.payload) {
            case .deviceTimer:
                let waiting = Int(devices[index].serverPings)
                if waiting >= 0 { prefetchRequest(waiting) }
            case .sample, .restartPhase: break
            default: prefetchDevice(Int(requests.slots[index].device))
            }
        }
    }

    @inline(__always)
    func prefetchDevice(_ d: Int) {
        let p = UnsafeRawPointer(devices + d)
        pushsim_prefetch_for_write(p)
        pushsim_prefetch_for_write(p + 64)
        pushsim_prefetch_for_write(p + 128)
    }

    @inline(__always)
    func prefetchRequest(_ slot: Int) {
        // One line: requests are 64 bytes and their slots start on a line (RequestTable).
        pushsim_prefetch_for_write(UnsafeRawPointer(requests.slots + slot))
    }

    @inline(__always)
    func isCurrent(_ slot: Int, _ generation: UInt32) -> Bool {
        requests.slots[slot].generation == generation
    }

    // MARK: - Randomness with fast paths

    /// The request in `slot` of device `d` (or its response) crossing the network: its delay, or nil
    /// when it is lost. Constant delays on a loss-free network take no draw.
    ///
    /// Each message draws from its own place in the device's network stream, keyed by the
    /// request's serial number and direction, not from a running counter: the numbers a
    /// message gets do not depend on the order in which the run handles messages, so the
    /// fast and the reference path (`ModelPath`) draw the same.
    @inline(__always)
    func networkHop(_ d: Int, _ slot: Int, response: Bool) -> Int64? {
        let p = pops + Int(devices[d].population)
        if p.pointee.lossProbability <= 0 && p.pointee.networkDelay.kind == .constant {
            return p.pointee.networkDelay.constantMicros
        }
        let serial = requests.slots[slot].serial
        var network = p.pointee.stream(.network, device: localIndex(d), counter: Self.drawIndex(serial, response ? 1 : 0))
        if p.pointee.lossProbability > 0 && network.bernoulli(p.pointee.lossProbability) { return nil }
        return p.pointee.networkDelay.sample(&network)
    }

    /// Thread time of the request in `slot` of device `d` drawn from `sampler` (no draw for a constant),
    /// keyed by the request like `networkHop`.
    @inline(__always)
    func workTime(_ d: Int, _ slot: Int, _ sampler: Sampler) -> Int64 {
        if sampler.kind == .constant { return sampler.constantMicros }
        let serial = requests.slots[slot].serial
        var work = pops[Int(devices[d].population)].stream(.work, device: localIndex(d), counter: Self.drawIndex(serial, 0))
        return sampler.sample(&work)
    }

    /// Where a request's draws start in a per-device stream: eight numbers per request and
    /// use (direction), more than any distribution here takes for one sample.
    @inline(__always)
    static func drawIndex(_ serial: UInt32, _ use: UInt32) -> UInt32 { serial &<< 4 | use &<< 3 }

    // MARK: - Levels

    // `@_transparent`, not `@inline(__always)`: with the latter the optimiser left it a call
    // from `start` and the other large callers (1–2 % of all instructions).
    @_transparent
    mutating func changeThreads(by delta: Int, population: Int, at t: Int64) {
        if delta > 0 { pool.acquire() } else { pool.release() }
        let held = Int64(pool.held)
        threads.set(held, at: t)
        threadsInterval.set(held, at: t)
        if populationLevels { metrics[population].threads.add(Int64(delta), at: t) }
        probe.threadsHeld(pool.held, capacity: pool.capacity, at: t)
    }

    @inline(__always)
    mutating func changeQueue(by delta: Int, population: Int, at t: Int64) {
        let length = Int64(pool.queued)
        queueLength.set(length, at: t)
        queueInterval.set(length, at: t)
        if populationLevels { metrics[population].queue.add(Int64(delta), at: t) }
    }

    // MARK: - Time series

    mutating func recordSample(at t: Int64) {
        let threadFigures = threadsInterval.close(at: t, since: lastSample)
        let queueFigures = queueInterval.close(at: t, since: lastSample)
        var row = intervalRow
        row.time = Double(t) / 1e6
        row.threadsMean = threadFigures.mean
        row.threadsMax = Int(threadFigures.max)
        row.queueMean = queueFigures.mean
        row.queueMax = Int(queueFigures.max)
        row.serverUp = phase == .up
        timeseries.append(row)
        intervalRow = TimeseriesRow()
        lastSample = t
        if t < end { schedule(.sample, index: 0, generation: 0, at: min(t + sampleInterval, end)) }
    }

    // MARK: - End of run

    mutating func finish() {
        completeSyncs(upTo: end)
        for d in 0..<deviceCount {
            let p = Int(devices[d].population)
            metrics[p].counters.radioActiveMicros += devices[d].radio.finish(pops[p].radio, from: warmup, to: end)
        }
    }
}
