/// Syncs whose completion is known when they start, kept out of the event queue.
///
/// A Sync that starts while no request waits for a thread has nothing left to decide: its
/// work time, its response's fate and the response's arrival are all known at start. So
/// the model schedules the response's arrival at once and records here when the Sync will
/// free its thread. Completions are applied in time order before any event at or after
/// their time (`ServerRun.run`), so threads held and every statistic change exactly when
/// they would have with an event of their own — one event less per Sync. When a request
/// has to queue, a thread's release time matters to it: the pending completions are then
/// turned back into events (`ServerRun.completionsBecomeEvents`).
///
/// A binary min-heap of (time, order of insertion, slot): equal times complete in the
/// order the Syncs started. It holds at most one entry per thread.
struct LazyCompletions: ~Copyable {
    struct Entry {
        var time: Int64
        var order: Int64
        var slot: Int32
        var generation: UInt32
    }

    private var heap: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private(set) var count = 0
    private var inserted: Int64 = 0
    /// The earliest completion, `.max` when there is none (checked before every event).
    private(set) var earliest: Int64 = .max

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        heap = .allocate(capacity: self.capacity)
    }

    deinit { heap.deallocate() }

    mutating func push(time: Int64, slot: Int, generation: UInt32) {
        if count == capacity {
            heap = heap.movedToDoubled(capacity: capacity, count: count)
            capacity *= 2
        }
        inserted &+= 1
        var i = count
        count += 1
        let entry = Entry(time: time, order: inserted, slot: Int32(slot), generation: generation)
        while i > 0 {
            let parent = (i - 1) / 2
            if !Self.before(entry, heap[parent]) { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = entry
        earliest = heap[0].time
    }

    /// Removes the earliest entry. Bottom-up (Floyd): the hole left at the root sinks to a
    /// leaf along the smaller children, one comparison per level, and the last entry rises
    /// from there, which is rarely more than a step: about half the comparisons of the
    /// textbook sift-down.
    mutating func pop() -> Entry {
        let top = heap[0]
        count -= 1
        if count > 0 {
            let last = heap[count]
            var i = 0
            while true {
                let left = 2 &* i &+ 1
                if left >= count { break }
                let right = left &+ 1
                let child = right < count && Self.before(heap[right], heap[left]) ? right : left
                heap[i] = heap[child]
                i = child
            }
            while i > 0 {
                let parent = (i &- 1) / 2
                if !Self.before(last, heap[parent]) { break }
                heap[i] = heap[parent]
                i = parent
            }
            heap[i] = last
        }
        earliest = count > 0 ? heap[0].time : .max
        return top
    }

    @inline(__always)
    static func before(_ a: Entry, _ b: Entry) -> Bool {
        a.time < b.time || (a.time == b.time && a.order < b.order)
    }
}
