import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §3.1 and §3.5: the thread pool against queueing theory, and what Pings that
/// hold threads do to it.
final class ThreadPoolTests: XCTestCase {
    /// Many fetch-mode devices whose Syncs come from independent Poisson opens make a
    /// Poisson stream; exponential work makes the pool M/M/c. The sources must be many and
    /// small: a device that is syncing sends nothing else, and with 2,000 devices that
    /// finite-source (Engset) effect already moves P(wait) by 1 %.
    func poissonSyncScenario(threads: Int, queueLimit: Int) -> Scenario {
        var p = quietPopulation(count: 20_000)
        p.mode = .fetch
        p.fetchInterval = .days(10_000)        // no scheduled fetches, only opens
        p.userOpensPerDay = 10
        p.syncTimeout = .hours(10)
        var s = quietScenario([p], days: 20, warmup: .hours(2))
        s.server.threads = threads
        s.server.queueLimit = queueLimit
        s.server.syncWork = .exponential(mean: .seconds(2))
        s.sampleInterval = .hours(1)
        return s
    }

    /// Offered load a = 20,000 × 10/day × 2 s = 4.63 Erlangs on 6 threads: the share of
    /// Syncs that wait matches Erlang C, and the mean wait C/(cμ − λ).
    func testWaitingMatchesErlangC() throws {
        var probe = CheckingProbe()
        probe.recordMail = false
        let f = try Simulation.run(poissonSyncScenario(threads: 6, queueLimit: 100_000), probe: &probe).summary.overall
        probe.assertInvariants()
        let lambda = 20_000 * 10 / 86_400.0, a = lambda * 2
        let c = erlangC(servers: 6, load: a)
        XCTAssertGreaterThan(f.syncs.total, 700_000)
        assertShare(f.queue.waitedShare ?? .nan, c, n: f.syncs.total, sigmas: 15, "P(wait)")
        let meanWait = c / (6 / 2.0 - lambda)
        XCTAssertEqual(f.queue.waitMean ?? .nan, meanWait, accuracy: meanWait * 0.05)
        XCTAssertEqual(f.threads.mean, a, accuracy: a * 0.01)
        XCTAssertEqual(f.threads.max, 6)
        XCTAssertEqual(probe.maxHeld, 6)
    }

    /// No queue: a Sync that finds every thread busy gets 503 and retries after a backoff.
    /// The backoff is a fixed 30 s, so devices refused in the same busy moment retry
    /// together: retries are burstier than Poisson and block more often than Erlang B says
    /// (with 9 threads and 3 % refused, 6.5 % more). With 11 threads retries are rare and
    /// the share refused matches Erlang B at the measured load.
    func testBlockingMatchesErlangB() throws {
        let f = try Simulation.run(poissonSyncScenario(threads: 11, queueLimit: 0)).summary.overall
        let attempts = Double(f.syncs.total)
        let measured = 20 * 86_400.0 - 7_200
        let b = erlangB(servers: 11, load: attempts / measured * 2)
        XCTAssertGreaterThan(b, 0.003)
        XCTAssertEqual(Double(f.syncs.rejected503) / attempts, b, accuracy: b * 0.04, "P(blocked)")
        XCTAssertEqual(f.queue.maxLength, 0)
    }

    /// Abandoned Pings: with `ignore` they hold their threads until the heartbeat; with
    /// `conflict409` the Sync that abandoned them frees them.
    func testIgnoreHoldsMoreThreadsThanConflict409() throws {
        var p = Population(name: "iphone", count: 300)
        p.outbox.perDay = 0
        var s = Scenario(name: "t", populations: [p])
        s.duration = .days(1)
        s.server.threads = 2_000
        s.seed = 3
        s.server.onNewerRequest = .conflict409
        let conflict = try Simulation.run(s).summary.overall
        s.server.onNewerRequest = .ignore
        let ignore = try Simulation.run(s).summary.overall
        s.server.onNewerRequest = .expire200
        let expire = try Simulation.run(s).summary.overall
        XCTAssertGreaterThan(ignore.threads.mean, conflict.threads.mean * 1.2)
        XCTAssertGreaterThan(conflict.pings.conflict409, 0)
        XCTAssertEqual(ignore.pings.conflict409, 0)
        XCTAssertEqual(expire.pings.conflict409, 0)
        // Z-Push's 200/Status 1 frees the thread just like 409 does.
        XCTAssertEqual(expire.threads.mean, conflict.threads.mean, accuracy: conflict.threads.mean * 0.01)
        XCTAssertEqual(expire.pings.status1, conflict.pings.status1 + conflict.pings.conflict409, accuracy: conflict.pings.total / 100)
    }

    /// Dual-connection clients keep their Ping while they Sync: no 409 ever.
    func testDualConnectionClientsProduceNo409() throws {
        var p = Population(name: "android", count: 300)
        p.client = .dual
        var s = Scenario(name: "t", populations: [p])
        s.server.threads = 2_000
        let f = try Simulation.run(s).summary.overall
        XCTAssertEqual(f.pings.conflict409, 0)
        XCTAssertEqual(f.pings.share409, 0)
        XCTAssertGreaterThan(f.syncs.total, 300 * 20)
    }

    /// Domino's default 40 threads for 200 iPhones that hold a thread per Ping: the pool is
    /// full, requests queue, the queue overflows into 503s — and the invariants hold.
    func testStarvedPoolQueuesAndRefuses() throws {
        var p = Population(name: "iphone", count: 200)
        p.outbox.perDay = 0
        var s = Scenario(name: "t", populations: [p])
        s.server.queueLimit = 50
        var probe = CheckingProbe()
        let f = try Simulation.run(s, probe: &probe).summary.overall
        probe.assertInvariants()
        XCTAssertEqual(f.threads.max, 40)
        XCTAssertGreaterThan(f.threads.fullFraction, 0.9)
        XCTAssertGreaterThan(f.pings.rejected503 + f.syncs.rejected503, 0)
        XCTAssertEqual(f.queue.maxLength, 50)
        XCTAssertGreaterThan(f.pings.lost, 0, "Pings that waited past H + grace are lost")
    }

    /// A server that parks Pings holds threads only for work.
    func testParkedPingsHoldNoThreads() throws {
        var p = Population(name: "iphone", count: 500)
        p.outbox.perDay = 0
        var s = Scenario(name: "t", populations: [p])
        s.server.pingHoldsThread = false
        s.server.threads = 40
        let f = try Simulation.run(s).summary.overall
        XCTAssertLessThan(f.threads.mean, 2)
        XCTAssertEqual(f.pings.rejected503, 0)
        XCTAssertEqual(f.threads.fullFraction, 0)
    }
}
