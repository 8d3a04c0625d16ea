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
        XCTAssertGreaterThan(long.queue.waitMean, short.queue.waitMean)
        XCTAssertGreaterThan(long.outbox.duplicates, 2 * short.outbox.duplicates,
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
