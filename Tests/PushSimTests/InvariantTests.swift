import DiscreteEvent
import XCTest
@testable import PushSim

/// The model's invariants on random scenarios: every request ends exactly once; threads
/// held never exceed the pool; mail is delivered at most once and never before it arrived;
/// simulated time never runs backwards.
final class InvariantTests: XCTestCase {
    func randomScenario(_ seed: UInt64) throws -> Scenario {
        var r = Xoshiro256StarStar(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int(r.next(below: UInt64(xs.count)))] }
        var populations: [Population] = []
        for i in 0..<Int(1 + r.next(below: 3)) {
            var p = Population(name: "pop\(i)", count: Int(5 + r.next(below: 60)))
            p.client = pick([.single, .dual])
            p.mode = pick([.push, .push, .fetch])
            p.fetchInterval = pick([.minutes(15), .minutes(30)])
            p.heartbeat = pick([.fixed(.minutes(15)), .fixed(.minutes(28)), .fixed(.seconds(20)),
                                .adaptive(initial: .seconds(470), min: .seconds(470), max: .seconds(1010),
                                          step: .seconds(180), onFailure: pick([.stepDown, .stepDownAndLock, .revert]))])
            p.mailPerDay = pick([0, 75, 400])
            p.userOpensPerDay = pick([0, 20, 200])
            p.outbox.perDay = pick([0, 0, 30])
            p.firewallIdleTimeout = pick([nil, .constant(.minutes(30)), .constant(.minutes(4)),
                                          try .choice([(.minutes(4), 0.25), (.seconds(350), 0.25), (.minutes(20), 0.25), (.minutes(60), 0.25)])])
            p.networkDelay = pick([.constant(.milliseconds(50)), .exponential(mean: .milliseconds(80)), .constant(.zero)])
            p.lossProbability = pick([0, 0, 0.01, 0.2])
            p.radio = pick([.lte, .umts3G, .wifi])
            populations.append(p)
        }
        var s = Scenario(name: "random\(seed)", populations: populations)
        s.seed = seed
        s.duration = .hours(Int64(6 + r.next(below: 30)))
        s.warmup = .hours(1)
        s.profile = pick([.flat, .office])
        s.server = ServerConfig(kind: pick(ServerKind.allCases))
        s.server.checkInterval = pick([s.server.checkInterval, .zero, .seconds(30)])
        s.server.threads = pick([2, 10, 40, 1000])
        s.server.queueLimit = pick([0, 5, 1000])
        s.server.pingHoldsThread = pick([true, true, false])
        s.server.onNewerRequest = pick([.conflict409, .expire200, .ignore])
        s.server.syncWork = pick([s.server.syncWork, .exponential(mean: .seconds(3))])
        return s
    }

    func testInvariantsHoldOnRandomScenarios() throws {
        var totalRequests = 0
        for seed in UInt64(1)...30 {
            let s = try randomScenario(seed)
            var probe = CheckingProbe()
            let r = try Simulation.run(s, probe: &probe)
            probe.assertInvariants()
            totalRequests += probe.sent.count
            // Requests in flight at the end: at most a few per device.
            XCTAssertLessThanOrEqual(probe.unended, s.deviceCount * 3 + s.server.queueLimit, "seed \(seed)")
            let f = r.summary.overall
            // Mail is conserved: what arrived after warmup was delivered or is undelivered,
            // per population and in all, and the probe's own count agrees.
            for figures in [f] + r.summary.populations.map(\.figures) {
                let l = figures.pushLatency
                XCTAssertEqual(l.mailArrived, l.delivered + l.undelivered, "seed \(seed)")
                XCTAssertEqual(l.undelivered > 0, l.undeliveredAgeMax != nil, "seed \(seed)")
                if l.delivered == 0 { XCTAssertNil(l.p95, "seed \(seed): a latency without delivered mail") }
                let o = figures.outbox
                XCTAssertEqual(o.created, o.acknowledged + o.conflicts + o.permanentErrors + o.pendingAtEnd, "seed \(seed)")
            }
            let warmup = s.warmup.microseconds
            var arrived = 0, delivered = 0
            for (device, mails) in probe.mailArrivals {
                for (index, time) in mails where time >= warmup {
                    arrived += 1
                    if probe.deliveredIndices[device]?.contains(index) == true { delivered += 1 }
                }
            }
            XCTAssertEqual(f.pushLatency.mailArrived, arrived, "seed \(seed)")
            XCTAssertEqual(f.pushLatency.delivered, delivered, "seed \(seed)")
            XCTAssertLessThanOrEqual(try XCTUnwrap(f.threads.max), s.server.threads)
            XCTAssertLessThanOrEqual(try XCTUnwrap(f.queue.maxLength), s.server.queueLimit)
            XCTAssertEqual(f.pings.total, f.pings.status1 + f.pings.status2 + f.pings.status5 + f.pings.conflict409 + f.pings.rejected503 + f.pings.reset)
            let l = f.pushLatency
            if l.delivered > 0 {
                let shares = [l.byPush, l.byUserOpen, l.byFetch, l.byOutbox, l.afterLostPing].map { $0 ?? .nan }.reduce(0, +)
                XCTAssertEqual(shares, 1, accuracy: 1e-9)
            }
        }
        XCTAssertGreaterThan(totalRequests, 100_000)
    }

    /// The probe sees every mail delivered that the summary counts (when no warmup).
    func testDeliveriesAgreeWithTheSummary() throws {
        var s = try randomScenario(99)
        s.warmup = .zero
        var probe = CheckingProbe()
        let f = try Simulation.run(s, probe: &probe).summary.overall
        probe.assertInvariants()
        XCTAssertEqual(probe.delivered, f.pushLatency.delivered)
    }
}
