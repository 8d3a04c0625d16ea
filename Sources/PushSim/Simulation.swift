import DiscreteEvent
import Foundation

/// Wall-clock facts about a run. They vary from run to run, so they are kept apart from
/// the `Summary`, which is byte-for-byte reproducible.
public struct RunTiming: Hashable, Sendable {
    public var events: Int
    public var wallSeconds: Double
    public init(events: Int, wallSeconds: Double) {
        self.events = events
        self.wallSeconds = wallSeconds
    }
    public var eventsPerSecond: Double { wallSeconds > 0 ? Double(events) / wallSeconds : 0 }
}

/// How far a run has got.
public struct RunProgress: Sendable {
    /// Share of the work done, 0…1.
    public var fraction: Double
    public var simulatedSeconds: Double
    public var events: Int
    public var wallSeconds: Double
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// The time series of one server.
public struct ServerTimeseries: Hashable, Sendable {
    public var server: String
    public var rows: [TimeseriesRow]

    public init(server: String, rows: [TimeseriesRow]) {
        self.server = server
        self.rows = rows
    }
}

/// Outcomes of servers run on worker threads.
final class ServerOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ServerOutcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ outcome: ServerOutcome) {
        lock.lock()
        slots[i] = outcome
        lock.unlock()
    }
    func values() -> [ServerOutcome] { slots.compactMap { $0 } }
}

/// What a run produces.
public struct RunResult: Sendable {
    public var summary: Summary
    public var timeseries: [ServerTimeseries]
    public var timing: RunTiming
}

/// Runs scenarios. The whole programmatic API is here:
///
/// ```swift
/// var scenario = Scenario(name: "office", populations: [Population(name: "iphone", count: 500)])
/// scenario.server.threads = 600
/// scenario.populations[0].heartbeat = .fixed(.minutes(10))
/// let result = try Simulation.run(scenario, replication: 0)
/// print(result.summary.overall.pings.share409)
/// ```
///
/// A run is deterministic: the same scenario (seed included), replication and build give
/// the same `Summary`. Each device draws from its own random streams keyed by (seed,
/// replication, population, device index, purpose), so changing one population or one
/// parameter leaves every other device's mail and user behaviour unchanged.
public enum Simulation {
    /// Runs `scenario` (replication `replication` of its seed); throws `ScenarioError` if the
    /// scenario does not validate. The servers of a pool run on up to `jobs` threads (they
    /// never interact); `progress`, if given, is called about every million events. With
    /// `reference` the model runs its plain rules, every timer a real event, without the
    /// shortcuts of the fast path (`ModelPath`): the same summary but `engine.events`, slower.
    public static func run(_ scenario: Scenario, replication: Int = 0, jobs: Int = 1, reference: Bool = false,
                           progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunResult {
        let problems = scenario.validate()
        guard problems.isEmpty else { throw ScenarioError(problems) }
        if jobs <= 1 || scenario.servers.count == 1 {
            var probe = NoProbe()
            return try run(scenario, replication: replication, reference: reference, probe: &probe, progress: progress)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let outcomes = ServerOutcomes(count: scenario.servers.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, scenario.servers.count)) { worker in
            var index = worker
            while index < scenario.servers.count {
                var probe = NoProbe()
                if reference {
                    outcomes.set(index, runReferenceServer(index, scenario, replication: replication, probe: &probe,
                                                           clock: clock, started: started))
                } else {
                    outcomes.set(index, runServer(index, scenario, replication: replication, path: FastPath.self, probe: &probe,
                                                  progress: nil, clock: clock, started: started, eventsBefore: 0))
                }
                index += min(jobs, scenario.servers.count)
            }
        }
        return result(scenario, replication: replication, outcomes: outcomes.values(), wall: (clock.now - started).seconds)
    }

    /// Runs `scenario` with a probe that sees every request, thread change and delivery
    /// (servers one after the other, so that the probe sees one run at a time).
    public static func run<P: SimulationProbe>(_ scenario: Scenario, replication: Int = 0, reference: Bool = false,
                                               probe: inout P, progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunResult {
        reference ? try runReference(scenario, replication: replication, probe: &probe, progress: progress)
                  : try run(scenario, replication: replication, path: FastPath.self, probe: &probe, progress: progress)
    }

    /// The reference path, left generic (unspecialized): it is for checking, not for speed,
    /// and a specialized copy beside the fast path's would be merged with it by the
    /// optimiser (functions that differ only in the functions they call become one, calling
    /// through pointers), which would slow the fast path down.
    @_semantics("optimize.sil.specialize.generic.never")
    @inline(never)
    static func runReference<P: SimulationProbe>(_ scenario: Scenario, replication: Int, probe: inout P,
                                                 progress: (@Sendable (RunProgress) -> Void)?) throws -> RunResult {
        try run(scenario, replication: replication, path: ReferencePath.self, probe: &probe, progress: progress)
    }

    /// The run on a given `ModelPath` (the tests compare paths shortcut by shortcut).
    static func run<P: SimulationProbe, Path: ModelPath>(_ scenario: Scenario, replication: Int, path: Path.Type, probe: inout P,
                                                         progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunResult {
        let problems = scenario.validate()
        guard problems.isEmpty else { throw ScenarioError(problems) }
        let clock = ContinuousClock()
        let started = clock.now
        var outcomes: [ServerOutcome] = []
        var eventsBefore = 0
        for index in scenario.servers.indices {
            let outcome = runServer(index, scenario, replication: replication, path: path, probe: &probe, progress: progress,
                                    clock: clock, started: started, eventsBefore: eventsBefore)
            eventsBefore += outcome.events
            outcomes.append(outcome)
        }
        return result(scenario, replication: replication, outcomes: outcomes, wall: (clock.now - started).seconds)
    }

    @_semantics("optimize.sil.specialize.generic.never")
    @inline(never)
    static func runReferenceServer<P: SimulationProbe>(_ index: Int, _ scenario: Scenario, replication: Int, probe: inout P,
                                                       clock: ContinuousClock, started: ContinuousClock.Instant) -> ServerOutcome {
        runServer(index, scenario, replication: replication, path: ReferencePath.self, probe: &probe, progress: nil,
                  clock: clock, started: started, eventsBefore: 0)
    }

    /// One server of the scenario, simulated on its own. Its devices draw from streams keyed
    /// by (seed, replication, server name, population, device index on this server), so a
    /// server of a pool behaves exactly like a single-server scenario with that server and
    /// those devices.
    static func runServer<P: SimulationProbe, Path: ModelPath>(
        _ index: Int, _ scenario: Scenario, replication: Int, path: Path.Type, probe: inout P,
        progress: (@Sendable (RunProgress) -> Void)?, clock: ContinuousClock, started: ContinuousClock.Instant,
        eventsBefore: Int
    ) -> ServerOutcome {
        let server = scenario.servers[index]
        let assigned = devicesOn(server: index, scenario)
        let key = StreamKey(seed: scenario.seed, replication: UInt64(replication)).child(server.name)
        probe.serverBegins(index: index, name: server.name)
        var run = ServerRun<P, Path>(scenario: scenario, server: server, populations: assigned, run: key, probe: probe)
        if let progress {
            let servers = scenario.servers.count, duration = scenario.duration.microseconds
            run.progress = { time, events in
                progress(RunProgress(fraction: (Double(index) + Double(time) / Double(duration)) / Double(servers),
                                     simulatedSeconds: Double(time) / 1e6, events: eventsBefore + events,
                                     wallSeconds: (clock.now - started).seconds))
            }
        }
        run.run()
        let outcome = run.outcome(name: server.name, populations: assigned.map(\.0))
        probe = run.probe
        return outcome
    }

    static func result(_ scenario: Scenario, replication: Int, outcomes: [ServerOutcome], wall: Double) -> RunResult {
        let summary = makeSummary(scenario, replication: replication, outcomes: outcomes)
        return RunResult(summary: summary,
                         timeseries: outcomes.map { ServerTimeseries(server: $0.name, rows: $0.timeseries) },
                         timing: RunTiming(events: summary.events, wallSeconds: wall))
    }

    /// The part of each population that uses server `index`: all of it when the population
    /// names its server, else its share by the servers' `share`s.
    static func devicesOn(server index: Int, _ scenario: Scenario) -> [(Population, deviceOffset: Int)] {
        let servers = scenario.servers
        return scenario.populations.map { population in
            var part = population
            if let name = population.server {
                part.count = servers[index].name == name ? population.count : 0
            } else {
                part.count = apportion(population.count, shares: servers.map(\.share))[index]
            }
            return (part, 0)
        }
    }

    /// Splits `total` in proportion to `shares` by largest remainders (ties to the first).
    static func apportion(_ total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0, +)
        let exact = shares.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var left = total - counts.reduce(0, +)
        for i in order where left > 0 {
            counts[i] += 1
            left -= 1
        }
        return counts
    }

    static func makeSummary(_ scenario: Scenario, replication: Int, outcomes: [ServerOutcome]) -> Summary {
        let measured = (scenario.duration - scenario.warmup).seconds
        func meanFull(_ servers: [Int]) -> Double {
            servers.isEmpty ? 0 : servers.map { outcomes[$0].threads.fractionAtOrAboveThreshold }.reduce(0, +) / Double(servers.count)
        }
        // Populations: merged over servers. A population on one server has that server's
        // levels, capacity and full fraction; one on several, their sums (`sumLevels`).
        var perPopulation: [Accumulated] = []
        var populations: [NamedFigures] = []
        for (i, population) in scenario.populations.enumerated() {
            var a = outcomes[0].populations[i]
            for o in outcomes.dropFirst() { a.merge(o.populations[i]) }
            perPopulation.append(a)
            let used = outcomes.indices.filter { outcomes[$0].populations[i].devices > 0 }
            let home = used.first ?? 0
            var figures = Figures(a, threads: outcomes[home].populations[i].metrics.threads,
                                  queue: outcomes[home].populations[i].metrics.queue,
                                  capacity: used.count > 1 ? used.map { outcomes[$0].capacity }.reduce(0, +) : outcomes[home].capacity,
                                  fullFraction: meanFull(used.isEmpty ? [home] : used), measuredSeconds: measured)
            if used.count > 1 {
                figures.sumLevels(threads: used.map { outcomes[$0].populations[i].metrics.threads },
                                  queue: used.map { outcomes[$0].populations[i].metrics.queue })
            }
            populations.append(NamedFigures(name: population.name, devices: a.devices, figures: figures))
        }
        // The pool as a whole: capacity and levels summed over servers.
        var all = perPopulation[0]
        for a in perPopulation.dropFirst() { all.merge(a) }
        var overall = Figures(all, threads: outcomes[0].threads, queue: outcomes[0].queue,
                              capacity: outcomes.map(\.capacity).reduce(0, +),
                              fullFraction: meanFull(Array(outcomes.indices)), measuredSeconds: measured)
        var servers: [NamedFigures] = []
        if outcomes.count > 1 {
            overall.sumLevels(threads: outcomes.map(\.threads), queue: outcomes.map(\.queue))
            servers = outcomes.map { o in
                var a = o.populations[0]
                for p in o.populations.dropFirst() { a.merge(p) }
                var named = NamedFigures(name: o.name, devices: a.devices,
                                         figures: Figures(a, threads: o.threads, queue: o.queue, capacity: o.capacity,
                                                          fullFraction: o.threads.fractionAtOrAboveThreshold,
                                                          measuredSeconds: measured))
                named.restarts = o.restarts
                return named
            }
        }
        return Summary(scenario: scenario.name, seed: scenario.seed, replication: replication,
                       devices: scenario.deviceCount, simulatedSeconds: scenario.duration.seconds,
                       measuredSeconds: measured, overall: overall, populations: populations, servers: servers,
                       restarts: outcomes.flatMap(\.restarts), events: outcomes.map(\.events).reduce(0, +))
    }
}
