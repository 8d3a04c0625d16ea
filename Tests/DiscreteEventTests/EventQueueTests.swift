import XCTest
@testable import DiscreteEvent

/// The queue against a reference: a list kept in (time, scheduling order) order.
final class EventQueueTests: XCTestCase {
    struct Reference {
        var pending: [(time: Int64, seq: Int)] = []
        mutating func schedule(_ time: Int64, _ seq: Int) { pending.append((time, seq)) }
        mutating func pop() -> (time: Int64, seq: Int)? {
            guard let i = pending.indices.min(by: { (pending[$0].time, pending[$0].seq) < (pending[$1].time, pending[$1].seq) }) else { return nil }
            return pending.remove(at: i)
        }
    }

    /// Interleaved schedules and removals with delays drawn from several scales, including
    /// zero and many exact repeats, compared entry by entry with the reference.
    func testMatchesSortedReferenceOnRandomWorkloads() {
        for seed in UInt64(1)...12 {
            var random = Xoshiro256StarStar(seed: seed)
            var queue = EventQueue<Int64>(capacity: 16)
            var reference = Reference()
            var seq = 0
            for _ in 0..<4_000 {
                let action = random.next(below: 10)
                if action < 6 || queue.isEmpty {
                    let scale = random.next(below: 6)
                    let delay: Int64 = switch scale {
                    case 0: 0
                    case 1: Int64(random.next(below: 4))            // many equal times
                    case 2: Int64(random.next(below: 300))          // inside one level-0 window
                    case 3: Int64(random.next(below: 70_000))       // level 1–2
                    case 4: Int64(random.next(below: 5_000_000_000)) // hours ahead
                    default: Int64(random.next(below: 1 << 40))      // days to years ahead
                    }
                    let time = queue.now + delay
                    queue.schedule(at: time, Int64(seq))
                    reference.schedule(time, seq)
                    seq += 1
                } else {
                    let got = queue.popMin()!
                    let want = reference.pop()!
                    XCTAssertEqual(got.time, want.time)
                    XCTAssertEqual(got.payload, Int64(want.seq), "FIFO order among equal times")
                    XCTAssertEqual(queue.now, got.time)
                }
                XCTAssertEqual(queue.count, reference.pending.count)
                XCTAssertEqual(queue._checkInvariants(), [])
            }
            while let want = reference.pop() {
                XCTAssertEqual(queue.nextTime, want.time)
                let got = queue.popMin()!
                XCTAssertEqual(got.time, want.time)
                XCTAssertEqual(got.payload, Int64(want.seq))
            }
            XCTAssertNil(queue.popMin())
            XCTAssertNil(queue.nextTime)
        }
    }

    /// The invariant checker is not vacuous: it names each corruption it is shown (and the
    /// queue is repaired before it is freed, where a debug build checks again).
    func testInvariantCheckerFindsCorruptions() {
        var queue = EventQueue<Int64>(capacity: 16)
        for t in [5_000, 5_010, 5_020, 1 << 20, 1 << 33, 1 << 33] as [Int64] { queue.schedule(at: t, t) }
        _ = queue.popMin()   // sorts 5,000…5,020 into the bottom run and takes the first
        XCTAssertEqual(queue._checkInvariants(), [])

        queue._count += 1
        XCTAssertTrue(queue._checkInvariants().contains { $0.hasPrefix("count ") }, "\(queue._checkInvariants())")
        queue._count -= 1

        let saved = queue.bottom[queue.bottomHead]
        queue.bottom[queue.bottomHead].time = 6_000   // after the next entry: unsorted
        XCTAssertTrue(queue._checkInvariants().contains { $0.contains("unsorted") }, "\(queue._checkInvariants())")
        queue.bottom[queue.bottomHead] = saved

        queue.base = 1 << 34   // after now, and every bucket now misfiled
        XCTAssertTrue(queue._checkInvariants().contains { $0.hasPrefix("base ") }, "\(queue._checkInvariants())")
        XCTAssertTrue(queue._checkInvariants().contains { $0.contains("wrong level") }, "\(queue._checkInvariants())")
        queue.base = 0

        queue.freeCount += 1
        XCTAssertTrue(queue._checkInvariants().contains { $0.hasPrefix("freeCount") }, "\(queue._checkInvariants())")
        queue.freeCount -= 1
        XCTAssertEqual(queue._checkInvariants(), [])
        while queue.popMin() != nil { XCTAssertEqual(queue._checkInvariants(), []) }
    }

    /// A large batch at one time (every device starting at t = 0) comes out in order, and
    /// so do events scheduled for "now" while it drains.
    func testLargeTieBatchIsFirstInFirstOut() {
        var queue = EventQueue<Int32>()
        for i in 0..<100_000 { queue.schedule(at: 0, Int32(i)) }
        for i in 0..<50_000 {
            XCTAssertEqual(queue.popMin()!.payload, Int32(i))
        }
        queue.schedule(at: 0, -1)  // scheduled now: after every earlier entry at time 0
        for i in 50_000..<100_000 { XCTAssertEqual(queue.popMin()!.payload, Int32(i)) }
        XCTAssertEqual(queue.popMin()!.payload, -1)
        XCTAssertTrue(queue.isEmpty)
    }

    /// Ties between the sorted bottom run and entries scheduled into its window later.
    func testTiesBetweenBottomRunAndLateEntries() {
        var queue = EventQueue<Int32>()
        // Three entries in one 256-µs window, scheduled from far away (level 1).
        queue.schedule(at: 1_000, 1)
        queue.schedule(at: 1_010, 2)
        queue.schedule(at: 1_010, 3)
        XCTAssertEqual(queue.popMin()!.payload, 1)   // builds the bottom run; now = 1000
        queue.schedule(at: 1_010, 4)                 // same time, scheduled later
        queue.schedule(at: 1_005, 5)                 // earlier than the run's head
        XCTAssertEqual(queue.popMin()!.payload, 5)
        XCTAssertEqual(queue.popMin()!.payload, 2)
        XCTAssertEqual(queue.popMin()!.payload, 3)
        XCTAssertEqual(queue.popMin()!.payload, 4)
        XCTAssertNil(queue.popMin())
    }

    /// A long bottom run (hundreds of entries in one 65-ms bucket, as with a million
    /// devices) takes insertions anywhere inside it, many far from its end, with ties: the
    /// binary search and block move keep time order and scheduling order among equal times.
    func testInsertionsDeepInsideALongBottomRun() {
        for seed in UInt64(1)...6 {
            var random = Xoshiro256StarStar(seed: seed)
            var queue = EventQueue<Int64>()
            var reference = Reference()
            var seq = 0
            // Spread over several 65-ms blocks, so that after the first split whole blocks of
            // about 300 entries sit in level-2 buckets and each becomes a long bottom run.
            for _ in 0..<2_000 {
                let time = Int64(random.next(below: 400_000))
                queue.schedule(at: time, Int64(seq)); reference.schedule(time, seq); seq += 1
            }
            for _ in 0..<4_000 {
                if random.next(below: 3) == 0 || queue.isEmpty {
                    // Inside the run's window: a few µs ahead up to its end, often on an
                    // existing time.
                    let ahead = random.next(below: 2) == 0 ? Int64(random.next(below: 40)) : Int64(random.next(below: 60_000))
                    let time = queue.now + ahead
                    queue.schedule(at: time, Int64(seq)); reference.schedule(time, seq); seq += 1
                } else {
                    let got = queue.popMin()!, want = reference.pop()!
                    XCTAssertEqual(got.time, want.time)
                    XCTAssertEqual(got.payload, Int64(want.seq))
                }
                if seq % 16 == 0 { XCTAssertEqual(queue._checkInvariants(), []) }
            }
            while let want = reference.pop() {
                let got = queue.popMin()!
                XCTAssertEqual(got.time, want.time)
                XCTAssertEqual(got.payload, Int64(want.seq))
            }
            XCTAssertNil(queue.popMin())
        }
    }

    /// Lazy cancellation: stale tokens are skipped, everything else keeps its order.
    func testCancellationsAreHonoured() {
        var random = Xoshiro256StarStar(seed: 7)
        var slots = CancellationSlots(count: 50)
        var queue = EventQueue<EventToken>()
        var reference: [(time: Int64, seq: Int, token: EventToken)] = []
        for seq in 0..<5_000 {
            let slot = Int(random.next(below: 50))
            if random.bernoulli(0.2) { slots.cancel(slot) }
            let time = Int64(random.next(below: 20_000))
            let token = slots.token(for: slot)
            queue.schedule(at: time, token)
            reference.append((time, seq, token))
        }
        let expected = reference.filter { slots.isCurrent($0.token) }
            .sorted { ($0.time, $0.seq) < ($1.time, $1.seq) }
        var delivered: [(Int64, EventToken)] = []
        while let entry = queue.popMin() {
            if slots.isCurrent(entry.payload) { delivered.append((entry.time, entry.payload)) }
        }
        XCTAssertEqual(delivered.count, expected.count)
        XCTAssertGreaterThan(expected.count, 0)
        XCTAssertLessThan(expected.count, reference.count)
        for (got, want) in zip(delivered, expected) {
            XCTAssertEqual(got.0, want.time)
            XCTAssertEqual(got.1, want.token)
        }
    }

    func testSchedulingAtNowDuringDrainKeepsOrder() {
        var queue = EventQueue<Int32>()
        queue.schedule(at: 500, 0)
        queue.schedule(at: 500, 1)
        XCTAssertEqual(queue.popMin()!.payload, 0)
        queue.schedule(at: 500, 2)
        queue.schedule(at: 501, 3)
        XCTAssertEqual(queue.popMin()!.payload, 1)
        XCTAssertEqual(queue.popMin()!.payload, 2)
        XCTAssertEqual(queue.popMin()!.payload, 3)
    }

    /// Memory stays proportional to pending events: ≤ 32 bytes each in a HOLD steady state
    /// with 200,000 pending, after many more events than that have passed through.
    func testMemoryIsProportionalToPendingEvents() {
        var random = Xoshiro256StarStar(seed: 3)
        let pending = 200_000
        var queue = EventQueue<UInt32>(capacity: 16)
        for i in 0..<pending { queue.schedule(at: Int64(random.exponential(mean: 1e6)), UInt32(i)) }
        for _ in 0..<2_000_000 {
            let e = queue.popMin()!
            queue.schedule(at: e.time + Int64(random.exponential(mean: 1e6)), e.payload)
        }
        XCTAssertEqual(queue.count, pending)
        let perEvent = Double(queue.allocatedBytes) / Double(pending)
        XCTAssertLessThanOrEqual(perEvent, 32, "bytes per pending event")
        XCTAssertEqual(MemoryLayout<EventQueue<UInt64>.Entry>.stride, 16)
    }

    func testTimeNeverRunsBackwards() {
        var random = Xoshiro256StarStar(seed: 11)
        var queue = EventQueue<UInt32>()
        for i in 0..<10_000 { queue.schedule(at: Int64(random.next(below: 1 << 33)), UInt32(i)) }
        var previous = Int64.min
        var n = 0
        while let e = queue.popMin() {
            XCTAssertGreaterThanOrEqual(e.time, previous)
            previous = e.time
            n += 1
            if n <= 30_000 { queue.schedule(at: e.time + Int64(random.next(below: 1 << 20)), e.payload) }
        }
        XCTAssertEqual(n, 40_000)
    }
}
