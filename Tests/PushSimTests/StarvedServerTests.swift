import DiscreteEvent
import XCTest
@testable import PushSim

/// The rules that matter when a server is starved (MODEL.md §3.2 items 7–8, handed mail,
/// §3.7), each on a small closed scenario where it is the only thing that can move the
/// figure a test asserts.
final class StarvedServerTests: XCTestCase {
    /// Outbox traffic only, on a few threads that Pings hold for their whole heartbeat:
    /// Syncs wait in the queue until a Ping ends, often past their `syncTimeout`. A Sync
    /// that starts takes no time, so a started Sync always answers in time; no loss and no
    /// conflicts. The only way an item is delivered twice is a stale Sync's body.
    func outboxBehindHeldPings(threads: Int, heartbeat: SimTime = .minutes(5), dedup: Bool = false) -> Scenario {
        var p = quietPopulation("phone", count: 12)
        p.heartbeat = .fixed(heartbeat)
        p.outbox.perDay = 100
        p.outbox.conflictProbability = 0
        p.outbox.permanentErrorProbability = 0
        p.outbox.serverDeduplicates = dedup
        p.syncTimeout = .seconds(10)
        var s = quietScenario([p], days: 2, warmup: .hours(2))
        s.server.threads = threads
        return s
    }

    /// §3.7: a Sync that waited in the queue past its device's `syncTimeout` is still
    /// processed when it gets a thread; its items are delivered, uploaded again, and
    /// delivered again. Without the rule there are no duplicates at all here.
    func testAStaleSyncsBodyMakesDuplicatesThatGrowWithTheQueueWait() throws {
        var shorter = OutboxProbe(), longer = OutboxProbe()
        let short = try Simulation.run(outboxBehindHeldPings(threads: 3), probe: &shorter).summary.overall
        let long = try Simulation.run(outboxBehindHeldPings(threads: 2), probe: &longer).summary.overall
        XCTAssertGreaterThan(short.syncs.timeouts, 0)
        XCTAssertGreaterThan(short.outbox.duplicates, 0, "a stale Sync's items were not processed")
        XCTAssertGreaterThan(try XCTUnwrap(long.queue.waitMean), try XCTUnwrap(short.queue.waitMean))
        XCTAssertGreaterThan(Double(long.outbox.duplicates), 1.2 * Double(short.outbox.duplicates),
                             "duplicates should grow with the queue wait (\(short.outbox.duplicates) → \(long.outbox.duplicates))")
        for o in [short.outbox, long.outbox] {
            XCTAssertEqual(o.created, o.acknowledged + o.conflicts + o.permanentErrors + o.pendingAtEnd, "items not conserved")
            XCTAssertGreaterThanOrEqual(o.delivered, o.acknowledged)
        }
        XCTAssertEqual(shorter.early, 0)
        XCTAssertGreaterThanOrEqual(longer.duplicates, long.outbox.duplicates)  // the probe also sees warmup items
    }

    /// With `serverDeduplicates` the same starvation makes no duplicate.
    func testDeduplicationRemovesTheStaleBodysDuplicates() throws {
        var probe = OutboxProbe()
        let o = try Simulation.run(outboxBehindHeldPings(threads: 2, dedup: true), probe: &probe).summary.overall
        XCTAssertGreaterThan(o.syncs.timeouts, 0)
        XCTAssertEqual(o.outbox.duplicates, 0)
        XCTAssertEqual(probe.duplicates, 0)
        XCTAssertEqual(o.outbox.created, o.outbox.acknowledged + o.outbox.pendingAtEnd)
    }

    /// With threads enough that nothing waits, no Sync goes stale: no duplicates.
    func testNoStarvationNoDuplicates() throws {
        let o = try Simulation.run(outboxBehindHeldPings(threads: 40)).summary.overall
        XCTAssertEqual(o.syncs.timeouts, 0)
        XCTAssertEqual(o.outbox.duplicates, 0)
    }
}

/// §3.2 items 7–8: a Sync that gets no answer is retried after the backoff (30 s doubling
/// to 5 min) with no Ping in between, and a user action during a backoff Syncs at once.
extension StarvedServerTests {
    /// One device whose every Sync times out: `syncWork` is longer than `syncTimeout`.
    func everySyncTimesOut(outboxPerDay: Double, opensPerDay: Double) -> Scenario {
        var p = quietPopulation("phone", count: 1)
        p.outbox.perDay = outboxPerDay
        p.outbox.conflictProbability = 0
        p.outbox.permanentErrorProbability = 0
        p.userOpensPerDay = opensPerDay
        p.syncTimeout = .seconds(10)
        var s = quietScenario([p], days: 40, warmup: .hours(2))
        s.server.syncWork = .constant(.seconds(20))
        s.sampleInterval = .hours(6)
        return s
    }

    /// Once the backoff has reached 5 min, a cycle is a Sync in flight for `syncTimeout`
    /// (10 s) and then a wait that the next user action (rate r) cuts short: 10 s +
    /// E[min(300 s, Exp(r))] = 10 + (1 − e^(−300 r)) / r seconds. Without item 8 it would
    /// be 310 s whatever r. Item 7: no Ping is ever sent again after the first failure.
    func testAUserActionEndsTheBackoffAndSyncsAtOnce() throws {
        for (outbox, opens) in [(100.0, 0.0), (0.0, 100.0), (60.0, 60.0)] {
            let s = everySyncTimesOut(outboxPerDay: outbox, opensPerDay: opens)
            let o = try Simulation.run(s).summary.overall
            let r = (outbox + opens) / 86_400
            let cycle = 10 + (1 - exp(-300 * r)) / r
            let days = (s.duration - s.warmup).seconds / 86_400
            let perDay = Double(o.syncs.total) / days
            XCTAssertEqual(perDay, 86_400 / cycle, accuracy: 0.02 * 86_400 / cycle,
                           "outbox \(outbox)/day, opens \(opens)/day: \(perDay) Syncs/day")
            XCTAssertGreaterThan(perDay, 1.1 * 86_400 / 310)
            XCTAssertEqual(o.syncs.timeouts, o.syncs.total, accuracy: 1)
            XCTAssertEqual(o.pings.total, 0, "a Ping between failed Syncs")
        }
    }

    /// Without user actions, the retries come every 310 s exactly.
    func testRetriesFollowTheBackoffAlone() throws {
        var s = everySyncTimesOut(outboxPerDay: 0, opensPerDay: 0)
        // A fetch starts the failing Syncs within the first hour; a fetch does not end a
        // backoff (it is no user action), so after that only the backoff sends Syncs.
        s.populations[0].mode = .fetch
        s.populations[0].fetchInterval = .hours(1)
        let o = try Simulation.run(s).summary.overall
        let days = (s.duration - s.warmup).seconds / 86_400
        XCTAssertEqual(Double(o.syncs.total) / days, 86_400 / 310, accuracy: 1)
    }
}

/// §3.2, handed mail: mail a Sync took stays with its device when the Sync's response is
/// lost; the next Sync that reaches the device delivers it, and no Ping announces it again.
extension StarvedServerTests {
    func testHandedMailIsDeliveredOnceAndNeverAnnouncedAgain() throws {
        for client in ClientKind.allCases {
            var p = quietPopulation("phone", count: 60)
            p.client = client
            p.mailPerDay = 50
            p.lossProbability = 0.3
            var s = quietScenario([p], days: 3, warmup: .hours(1))
            s.sampleInterval = .hours(1)
            var probe = CheckingProbe()
            let f = try Simulation.run(s, probe: &probe).summary.overall
            probe.assertInvariants()
            // Each mail makes at most one Ping answer Status 2 (the one waiting when it
            // arrived, or the next to start): mail handed to a lost Sync makes none.
            XCTAssertLessThanOrEqual(f.pings.status2, f.pushLatency.mailArrived + s.deviceCount, "\(client)")
            XCTAssertGreaterThan(f.syncs.timeouts, 100, "\(client): Sync responses were lost")
            XCTAssertEqual(f.pushLatency.mailArrived, f.pushLatency.delivered + f.pushLatency.undelivered)
            XCTAssertLessThan(Double(f.pushLatency.undelivered), 0.01 * Double(f.pushLatency.mailArrived), "\(client)")
        }
    }
}
