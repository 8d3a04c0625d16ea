/// The pending-event set of a simulation: a monotone priority queue of `(time, payload)`
/// entries that hands them back in time order, first-in first-out among equal times.
///
/// ## Design
/// A discrete-event clock never runs backwards, so the queue only has to accept times at
/// or after the last one removed (`now`). It has two parts:
///
/// - A *radix heap* (Ahuja, Mehlhorn, Orlin and Tarjan, J. ACM 1990) with 256-way digits.
///   A time is filed under the highest byte in which it differs from the heap's reference
///   time `base` (its *level*) and under its value in that byte (its *digit*); level 0
///   holds times that share every byte but the lowest with `base`, one bucket per exact
///   time. Inserting appends to one bucket.
/// - The *bottom run*: the entries of one bucket, sorted, consumed from the front.
///
/// Removing the minimum takes the smaller of the bottom run's head and the radix heap's
/// minimum (the run wins ties). When the run is empty and the radix heap's minimum is in a
/// bucket above level 0, that bucket is popped at once if it holds one entry; becomes the new
/// bottom run if it holds at most 32 entries, or at most 1,024 at level 1 or 2 (a range of at
/// most 65 ms; insertion sort for a few, else a stable LSD counting sort over the bytes in
/// which its entries can differ); and otherwise is redistributed around its minimum, which
/// becomes `base` and sends every entry in it to a lower level. An entry therefore moves at
/// most once per byte, and usually once or twice in all: sparse buckets go straight to the
/// bottom run, dense ones are split first.
///
/// Entries with equal times always share a bucket, every bucket keeps insertion order,
/// and redistribution and sorting are stable; an entry in the radix heap with the same
/// time as one in the bottom run was scheduled after the run was built. So ties come out
/// in the order they were scheduled without storing a sequence number: an entry is 16
/// bytes for an 8-byte payload.
///
/// Buckets are chains of 16-entry chunks from one pool with a free list, so memory is
/// proportional to the pending entries (plus at most one partial chunk per non-empty
/// bucket, 2,048 buckets, and two sort buffers as long as the longest bottom run, 256 entries
/// at first) and steady-state operation allocates nothing.
///
/// One file per part: this one (the entry points), `EventQueue+RadixHeap.swift`,
/// `EventQueue+BottomRun.swift` and `EventQueue+ChunkPool.swift`; `EventQueue+Invariants.swift`
/// checks the invariants below (the tests call it; a debug build also checks when a queue is
/// freed).
///
/// ## Complexity
/// - `schedule`: O(1).
/// - `popMin`: amortised O(log₂₅₆ Δ) entry moves plus a scan of at most 40 words of
///   occupancy bits, where Δ is how far ahead events are scheduled, in microseconds.
///
/// ## Invariants
/// - Every scheduled time is at or after `now`, the time of the last entry removed, and
///   `base ≤ now`.
/// - Level `p > 0` holds only times whose highest byte differing from `base` is byte `p`;
///   level 0 holds times equal to `base` in every byte but the lowest.
/// - The bottom run is sorted by time, ties in scheduling order; its times are before
///   `bottomLimit` and every time in the radix heap is at or after it.
/// - Counts, occupancy bits, bucket minima and the chunk pool agree with the chains.
///
/// Cancellation is not supported: a model checks on removal whether an event is still
/// current (see `EventToken`), which is cheaper than removing it.
public struct EventQueue<Payload: BitwiseCopyable>: ~Copyable {
    /// One pending event.
    public struct Entry: BitwiseCopyable {
        public var time: Int64
        public var payload: Payload
        @inlinable public init(time: Int64, payload: Payload) {
            self.time = time
            self.payload = payload
        }
    }

    @usableFromInline struct Bucket {
        @usableFromInline var head: Int32 = -1         // first chunk, −1 when empty
        @usableFromInline var tail: Int32 = -1         // last chunk
        @usableFromInline var headPosition: Int32 = 0  // next entry to read in `head`
        @usableFromInline var tailFill: Int32 = 0      // entries written in `tail`
        @usableFromInline var count: Int32 = 0         // entries in the bucket
        @usableFromInline var minTime: UInt64 = .max   // smallest time (levels above 0)
        @inlinable init() {}
    }

    @usableFromInline static var chunkShift: Int { 4 }
    @usableFromInline static var chunkSize: Int32 { 16 }
    @usableFromInline static var levelCount: Int { 8 }
    @usableFromInline static var bucketCount: Int { 2048 }
    /// A bucket this small becomes the bottom run whatever its level.
    @usableFromInline static var smallBucket: Int { 32 }
    /// Largest bucket of level 1 or 2 (a range of at most 65 ms) sorted into the bottom run;
    /// larger ones, and larger buckets of longer ranges, are split first, so that a run
    /// never spans long and inserting into it stays cheap.
    @usableFromInline static var directSortLimit: Int32 { 1024 }

    @usableFromInline var storage: UnsafeMutablePointer<Entry>
    @usableFromInline var nextChunk: UnsafeMutablePointer<Int32>
    @usableFromInline var buckets: UnsafeMutablePointer<Bucket>
    /// Occupancy: 4 words of 64 bits per level, bit `d` set when bucket (level, d) has entries.
    @usableFromInline var occupancy: UnsafeMutablePointer<UInt64>
    /// Bit `p` set when level `p` has a non-empty bucket.
    @usableFromInline var levelMask: UInt64 = 0
    @usableFromInline var chunkCapacity: Int32
    @usableFromInline var chunksTouched: Int32 = 0
    @usableFromInline var freeChunk: Int32 = -1
    @usableFromInline var freeCount: Int32 = 0
    /// The radix heap's reference time; never after `now`.
    @usableFromInline var base: UInt64 = 0
    /// The time of the last entry removed.
    @usableFromInline var last: Int64 = 0
    @usableFromInline var _count: Int = 0
    @usableFromInline var radixCount: Int = 0
    /// The bottom run: `bottom[bottomHead ..< bottomEnd]` are pending, sorted.
    @usableFromInline var bottom: UnsafeMutablePointer<Entry>
    @usableFromInline var scratch: UnsafeMutablePointer<Entry>
    @usableFromInline var sortCapacity: Int = 256
    @usableFromInline var bottomHead: Int = 0
    @usableFromInline var bottomEnd: Int = 0
    /// Every time before this belongs in the bottom run; every time in the radix heap is
    /// at or after it (0 when there is no run).
    @usableFromInline var bottomLimit: UInt64 = 0
    @usableFromInline var digitCounts: UnsafeMutablePointer<Int32>

    /// An empty queue with room for `capacity` pending events before it grows (plus one
    /// partial chunk for every bucket). Untouched capacity costs address space, not memory.
    @inlinable public init(capacity: Int = 1024) {
        let chunks = Int32((capacity >> Self.chunkShift) + Self.bucketCount + 256)
        chunkCapacity = chunks
        storage = .allocate(capacity: Int(chunks) << Self.chunkShift)
        nextChunk = .allocate(capacity: Int(chunks))
        buckets = .allocate(capacity: Self.bucketCount)
        buckets.initialize(repeating: Bucket(), count: Self.bucketCount)
        occupancy = .allocate(capacity: Self.levelCount * 4)
        occupancy.initialize(repeating: 0, count: Self.levelCount * 4)
        bottom = .allocate(capacity: 256)
        scratch = .allocate(capacity: 256)
        digitCounts = .allocate(capacity: 256)
    }

    deinit {
        assert(_checkInvariants().isEmpty, "EventQueue: \(_checkInvariants().joined(separator: "; "))")
        storage.deallocate()
        nextChunk.deallocate()
        buckets.deallocate()
        occupancy.deallocate()
        bottom.deallocate()
        scratch.deallocate()
        digitCounts.deallocate()
    }

    /// The number of pending events.
    @inlinable public var count: Int { _count }

    /// True when no event is pending.
    @inlinable public var isEmpty: Bool { _count == 0 }

    /// The time of the last event removed: the simulation clock. Starts at 0.
    @inlinable public var now: Int64 { last }

    /// Bytes of memory the queue holds (its chunk pool, bucket table and sort buffers).
    public var allocatedBytes: Int {
        Int(chunkCapacity) * (MemoryLayout<Entry>.stride << Self.chunkShift + 4)
            + Self.bucketCount * MemoryLayout<Bucket>.stride + Self.levelCount * 32
            + 2 * sortCapacity * MemoryLayout<Entry>.stride + 1024
    }

    /// Adds an event at `time`, which must not be earlier than `now`.
    ///
    /// Events at equal times are returned in the order they were scheduled.
    @inlinable public mutating func schedule(at time: Int64, _ payload: Payload) {
        precondition(time >= last, "event scheduled before the current time")
        let key = UInt64(bitPattern: time)
        // Times inside the bottom run's range join it directly, after any equal time.
        if key < bottomLimit {
            insertIntoBottom(Entry(time: time, payload: payload))
            _count &+= 1
            return
        }
        append(Entry(time: time, payload: payload), key: key, to: Self.bucket(of: key, relativeTo: base))
        radixCount &+= 1
        _count &+= 1
    }

    /// The time of the earliest pending event, or nil when the queue is empty.
    @inlinable public var nextTime: Int64? {
        if _count == 0 { return nil }
        if bottomHead < bottomEnd { return bottom[bottomHead].time }
        return Int64(bitPattern: radixMinimum)
    }

    /// Removes and returns the earliest event (the first scheduled among equal times),
    /// advancing `now` to its time; nil when the queue is empty.
    @inlinable public mutating func popMin() -> Entry? {
        if _count == 0 { return nil }
        if bottomHead == bottomEnd {
            bottomLimit = 0
            while true {
                if levelMask & 1 != 0 { return popLevelZero() }
                let level = levelMask.trailingZeroBitCount
                let b = level << 8 | lowestDigit(level)
                let n = Int(buckets[b].count)
                if n == 1 { return popSingleton(bucket: b, level: level) }
                if n <= Self.smallBucket || (level <= 2 && n <= Int(Self.directSortLimit)) {
                    buildBottom(bucket: b, level: level)
                    break
                }
                redistribute(bucket: b, level: level)
            }
        }
        let entry = bottom[bottomHead]
        bottomHead &+= 1
        last = entry.time
        _count &-= 1
        return entry
    }

    /// The event `k` places after the next one, when it is already known (in the sorted
    /// bottom run); for prefetching what it will touch. A later insertion may still come
    /// before it.
    @inlinable @inline(__always)
    public func upcoming(_ k: Int) -> Entry? {
        let i = bottomHead &+ k
        return i < bottomEnd ? bottom[i] : nil
    }
}
