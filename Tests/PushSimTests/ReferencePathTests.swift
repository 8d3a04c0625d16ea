import DiscreteEvent
import XCTest
@testable import PushSim

/// The fast path's shortcuts (`ModelPath`) change how many events a run takes, never what
/// happens: on random scenarios that use every feature, the fast and the reference path
/// write the same summary.json but for the engine block. And no device goes silent: the
/// defect this family of shortcuts can cause is a device whose next timer was skipped.
final class ReferencePathTests: XCTestCase {
    /// A scenario drawing every feature at random: pools, restarts, outbox, loss, firewall,
    /// adaptive heartbeats, fetch, starved threads, every `onNewerRequest`, every preset,
    /// checks.
    func fullFeatureScenario(_ seed: UInt64) throws -> Scenario {
        var r = Xoshiro256StarStar(seed: seed &* 0x9E37_79B9_7F4A_7C15)
        func pick<T>(_ xs: [T]) -> T { xs[Int(r.next(below: UInt64(xs.count)))] }
        var populations: [Population] = []
        for i in 0..<Int(1 + r.next(below: 3)) {
            var p = Population(name: "pop\(i)", count: Int(3 + r.next(below: 40)))
            p.client = pick([.single, .single, .dual])
            p.mode = pick([.push, .push, .push, .fetch])
            p.fetchInterval = pick([.minutes(15), .minutes(30)])
            p.heartbeat = pick([.fixed(.minutes(15)), .fixed(.minutes(28)), .fixed(.seconds(20)), .fixed(.minutes(5)),
                                .adaptive(initial: .seconds(470), min: .seconds(470), max: .seconds(1010),
                                          step: .seconds(180), onFailure: pick([.stepDown, .stepDownAndLock, .revert]))])
            p.mailPerDay = pick([0, 75, 400])
            p.userOpensPerDay = pick([0, 20, 200])
            p.afterNotifyProbability = pick([0, 0.3])
            p.outbox.perDay = pick([0, 30, 100])
            p.outbox.serverDeduplicates = pick([false, true])
            p.outbox.conflictProbability = pick([0, 0.01, 0.2])
            p.syncTimeout = pick([.seconds(60), .seconds(10)])
            p.firewallIdleTimeout = pick([nil, .constant(.minutes(30)), .constant(.minutes(4)),
                                          try .choice([(.minutes(4), 0.25), (.seconds(350), 0.25), (.minutes(20), 0.25), (.minutes(60), 0.25)])])
            p.networkDelay = .exponential(mean: pick([.milliseconds(80), .milliseconds(5)]))
            p.lossProbability = pick([0, 0, 0.01, 0.2])
            p.radio = pick([.lte, .umts3G, .wifi])
            populations.append(p)
        }
        var s = Scenario(name: "full\(seed)", populations: populations)
        s.seed = seed
        s.duration = .hours(Int64(4 + r.next(below: 20)))
        s.warmup = .hours(1)
        s.sampleInterval = .minutes(30)
        s.profile = pick([.flat, .office])
        var servers: [ServerConfig] = []
        for k in 0..<Int(1 + r.next(below: 2)) {
            var server = ServerConfig(name: "s\(k)", kind: pick(ServerKind.allCases))
            server.checkInterval = pick([server.checkInterval, .zero, .seconds(30)])
            server.threads = pick([2, 10, 40, 1000])
            server.queueLimit = pick([0, 5, 1000])
            server.pingHoldsThread = pick([true, true, false])
            server.onNewerRequest = pick(NewerRequestPolicy.allCases)
            server.syncWork = pick([server.syncWork, .exponential(mean: .seconds(3))])
            server.pingWork = .exponential(mean: .milliseconds(5))
            if r.next(below: 3) == 0 {
                server.restarts = [Restart(at: .hours(2), drainTimeout: pick([.minutes(1), .minutes(10)]), downtime: .minutes(2))]
            }
            server.share = pick([1, 2])
            servers.append(server)
        }
        s.servers = servers
        return s
    }

    /// The summary without its engine block (the only part the paths may change).
    func withoutEngine(_ summary: Summary) -> String {
        var s = summary
        s.events = 0
        return s.jsonText
    }

    /// Timings are continuous (exponential network delays and work): with constant ones,
    /// two events of different devices can fall on the same microsecond, and the engine
    /// orders such ties by when they were scheduled, which the shortcuts legitimately change
    /// (a response handled early schedules the device's next request sooner). Every other
    /// feature is drawn at random.
    func testTheFastPathAgreesWithTheReferencePath() throws {
        let count = Int(ProcessInfo.processInfo.environment["PUSHSIM_DIFFERENTIAL_SCENARIOS"] ?? "") ?? 200
        var compared = 0, fewerEvents = 0
        for seed in UInt64(1)...UInt64(count) {
            let s = try fullFeatureScenario(seed)
            let fast = try Simulation.run(s).summary
            let reference = try Simulation.run(s, reference: true).summary
            let (a, b) = (withoutEngine(fast), withoutEngine(reference))
            if a != b {
                XCTFail("seed \(seed): the fast path differs from the reference path: \(firstDifference(b, a))")
                continue
            }
            compared += 1
            if fast.events < reference.events { fewerEvents += 1 }
        }
        XCTAssertEqual(compared, count)
        XCTAssertGreaterThan(fewerEvents, count / 2, "the shortcuts should save events")
    }

    func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<min(x.count, y.count) where x[i] != y[i] {
            return "line \(i + 1): reference \(x[i].trimmingCharacters(in: .whitespaces)), fast \(y[i].trimmingCharacters(in: .whitespaces))"
        }
        return "lengths \(x.count) and \(y.count)"
    }
}


/// Sees every request a device sends, and the longest silence of any device: from the run's
/// start (or its previous request) to its next request, or to the end of the run.
struct SilenceProbe: SimulationProbe {
    var end: Int64
    /// Per server of the run (a pool's servers run one after the other), per device.
    var last: [[Int: Int64]] = [[:]]
    var longest: [[Int: Int64]] = [[:]]
    var now: Int64 = 0
    mutating func willProcessEvent(at time: Int64) {
        if time < now { last.append([:]); longest.append([:]) }   // the next server's run
        now = time
    }
    mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64) {
        let gap = time - (last[last.count - 1][device] ?? 0)
        longest[longest.count - 1][device] = max(longest[longest.count - 1][device] ?? 0, gap)
        last[last.count - 1][device] = time
    }
    mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64) {}
    mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64) {}
    mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64) {}
    mutating func mailArrived(device: Int, index: UInt32, at time: Int64) {}

    /// The longest silence of each device of server `k`, to the end of the run included.
    func silences(server k: Int) -> [Int: Int64] {
        var s = longest[k]
        for (device, time) in last[k] { s[device] = max(s[device] ?? 0, end - time) }
        return s
    }
}

extension ReferencePathTests {
    /// The longest a device of `p` on `server` may go without sending: its first Ping comes
    /// within its first heartbeat; then a Ping is answered or given up on by H + grace (its
    /// own H: a Ping that never starts gets no Status 5), a Sync by `syncTimeout`, and a
    /// retry follows within the longest backoff (5 min), which a restart's reset may add to
    /// a Ping's whole life; a fetch device Syncs every `fetchInterval`. A few seconds for
    /// network delays.
    func longestTimer(_ p: Population, _ server: ServerConfig) -> Int64 {
        let h: SimTime
        switch p.heartbeat {
        case .fixed(let fixed): h = fixed
        case .adaptive(_, _, let max, _, _): h = max
        }
        let backoff = SimTime.minutes(5)
        let reset = server.restarts.isEmpty ? SimTime.zero : backoff
        let fetch = p.mode == .fetch ? p.fetchInterval + p.syncTimeout + backoff : .zero
        return (max(h + p.pingGrace + reset, p.syncTimeout + backoff + reset, fetch) + .seconds(5)).microseconds
    }

    /// No device goes longer than its longest timer without sending a request, on either
    /// path: a device that silently stops is what a skipped timer would cause.
    func testNoDeviceGoesSilent() throws {
        let count = Int(ProcessInfo.processInfo.environment["PUSHSIM_DIFFERENTIAL_SCENARIOS"] ?? "") ?? 200
        var checked = 0
        for seed in UInt64(1)...UInt64(count) {
            let s = try fullFeatureScenario(seed)
            for reference in [false, true] {
                var probe = SilenceProbe(end: s.duration.microseconds)
                _ = try Simulation.run(s, reference: reference, probe: &probe)
                for (k, server) in s.servers.enumerated() where k < probe.last.count {
                    let assigned = Simulation.devicesOn(server: k, s)
                    var first = 0
                    for (population, _) in assigned {
                        let bound = longestTimer(population, server)
                        for d in first..<first + population.count {
                            let silence = probe.silences(server: k)[d] ?? s.duration.microseconds
                            if silence > bound {
                                XCTFail("seed \(seed)\(reference ? " (reference)" : ""): device \(d) of \(population.name) on \(server.name) was silent \(silence / 1_000_000) s, longer than its longest timer \(bound / 1_000_000) s")
                            }
                            checked += 1
                        }
                        first += population.count
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, count * 20)
    }
}
