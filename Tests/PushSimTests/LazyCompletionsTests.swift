import DiscreteEvent
import XCTest
@testable import PushSim

/// `LazyCompletions` must hand entries back in (time, insertion) order, whichever of its
/// two stores (the in-order run, the heap) holds them.
final class LazyCompletionsTests: XCTestCase {
    struct Pushed: Equatable {
        var time: Int64
        var slot: Int
    }

    /// Pushes and pops interleaved at random, against a reference kept sorted by time then
    /// insertion. `disorder` is the chance that a push goes back in time (to the heap);
    /// times are coarse so that ties between run and heap are common.
    func check(disorder: Double, seed: UInt64, steps: Int = 20_000) {
        var random = SplitMix64(seed: seed)
        var completions = LazyCompletions(capacity: 4)
        var reference: [Pushed] = []   // stable: equal times stay in insertion order
        var now: Int64 = 0
        var slot = 0
        for _ in 0..<steps {
            let pushing = reference.isEmpty || random.next() % 100 < 55
            if pushing {
                now += Int64(random.next() % 3)
                var time = now + 10
                if Double(random.next() % 1000) / 1000 < disorder { time -= Int64(random.next() % 12) }
                completions.push(time: time, slot: slot, generation: 0)
                let at = reference.firstIndex { $0.time > time } ?? reference.endIndex
                reference.insert(Pushed(time: time, slot: slot), at: at)
                slot += 1
            } else {
                XCTAssertEqual(completions.earliest, reference[0].time)
                let e = completions.pop()
                let expected = reference.removeFirst()
                XCTAssertEqual(Pushed(time: e.time, slot: Int(e.slot)), expected)
                if Pushed(time: e.time, slot: Int(e.slot)) != expected { return }
            }
            XCTAssertEqual(completions.count, reference.count)
        }
        while let expected = reference.first {
            reference.removeFirst()
            let e = completions.pop()
            XCTAssertEqual(Pushed(time: e.time, slot: Int(e.slot)), expected)
        }
        XCTAssertEqual(completions.earliest, .max)
    }

    /// Constant Sync work: every push is in order and goes to the run (which must grow
    /// past its first capacity and wrap around).
    func testInOrderPushes() { check(disorder: 0, seed: 1) }

    /// Variable work: pushes out of order go to the heap and must interleave with the run.
    func testMixedPushes() { check(disorder: 0.3, seed: 2) }

    func testMostlyOutOfOrderPushes() { check(disorder: 0.9, seed: 3) }
}
