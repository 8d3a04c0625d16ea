import CPrefetch

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
/// minimum (the run wins ties). When the radix heap's minimum is in a bucket above level
/// 0, that bucket becomes the new bottom run if the run is empty and the bucket holds at
/// most 65,536 entries (insertion sort for a few, else a stable LSD counting sort over the
/// bytes in which its entries can differ); otherwise it is redistributed around its
/// minimum, which becomes `base` and sends every entry in it to a lower level. An entry
/// therefore moves at most once per byte, and usually once or twice in all: sparse
/// buckets go straight to the bottom run, dense ones are split first.
///
/// Entries with equal times always share a bucket, every bucket keeps insertion order,
/// and redistribution and sorting are stable; an entry in the radix heap with the same
/// time as one in the bottom run was scheduled after the run was built. So ties come out
/// in the order they were scheduled without storing a sequence number: an entry is 16
/// bytes for an 8-byte payload.
///
/// Buckets are chains of 16-entry chunks from one pool with a free list, so memory is
/// proportional to the pending entries (plus at most one partial chunk per non-empty
/// bucket, 2,048 buckets, and two sort buffers of at most 64 KB) and steady-state
/// operation allocates nothing.
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
/// - The bottom run is sorted by time, ties in scheduling order.
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

    /// Grows the pool so that at least `capacity` events fit without further allocation.
    public mutating func reserveCapacity(_ capacity: Int) {
        let needed = Int32((capacity >> Self.chunkShift) + Self.bucketCount + 256)
        if needed > chunkCapacity { grow(to: needed) }
    }

    // MARK: - Internals

    /// The bucket of `key` relative to `base`: level = highest differing byte, digit = the
    /// key's value in that byte.
    @inlinable @inline(__always)
    static func bucket(of key: UInt64, relativeTo base: UInt64) -> Int {
        let difference = key ^ base
        let level = difference == 0 ? 0 : (63 &- difference.leadingZeroBitCount) >> 3
        return level << 8 | Int(truncatingIfNeeded: key >> UInt64(level << 3)) & 0xFF
    }

    /// The smallest time in the radix heap (which must not be empty).
    @inlinable var radixMinimum: UInt64 {
        let level = levelMask.trailingZeroBitCount
        let digit = lowestDigit(level)
        if level == 0 { return (base & ~0xFF) | UInt64(digit) }
        return buckets[level << 8 | digit].minTime
    }

    /// The smallest occupied digit of a non-empty level.
    @inlinable @inline(__always)
    func lowestDigit(_ level: Int) -> Int {
        let words = occupancy + (level << 2)
        if words[0] != 0 { return words[0].trailingZeroBitCount }
        if words[1] != 0 { return 64 | words[1].trailingZeroBitCount }
        if words[2] != 0 { return 128 | words[2].trailingZeroBitCount }
        return 192 | words[3].trailingZeroBitCount
    }

    @inlinable @inline(__always)
    mutating func clearOccupancy(level: Int, digit: Int) {
        let words = occupancy + (level << 2)
        words[digit >> 6] &= ~((1 as UInt64) << UInt64(digit & 63))
        if words[0] | words[1] | words[2] | words[3] == 0 {
            levelMask &= ~((1 as UInt64) << UInt64(level))
        }
    }

    /// Removes the first entry of the lowest level-0 bucket (all its entries share a time).
    @inlinable
    mutating func popLevelZero() -> Entry {
        let digit = lowestDigit(0)
        base = (base & ~0xFF) | UInt64(digit)
        _count &-= 1
        radixCount &-= 1
        let bucket = buckets + digit
        let chunk = bucket.pointee.head
        let position = bucket.pointee.headPosition
        let entry = storage[(Int(chunk) << Self.chunkShift) &+ Int(position)]
        last = entry.time
        bucket.pointee.count &-= 1
        let nextPosition = position &+ 1
        if chunk == bucket.pointee.tail {
            if nextPosition == bucket.pointee.tailFill {
                release(chunk)
                bucket.pointee = Bucket()
                clearOccupancy(level: 0, digit: digit)
            } else {
                bucket.pointee.headPosition = nextPosition
            }
        } else if nextPosition == Self.chunkSize {
            let following = nextChunk[Int(chunk)]
            release(chunk)
            bucket.pointee.head = following
            bucket.pointee.headPosition = 0
        } else {
            bucket.pointee.headPosition = nextPosition
        }
        return entry
    }

    @inlinable @inline(__always)
    mutating func append(_ entry: Entry, key: UInt64, to b: Int) {
        let bucket = buckets + b
        var tail = bucket.pointee.tail
        var fill = bucket.pointee.tailFill
        if tail < 0 || fill == Self.chunkSize {
            let chunk = takeChunk()
            nextChunk[Int(chunk)] = -1
            if tail < 0 {
                bucket.pointee.head = chunk
                bucket.pointee.headPosition = 0
                let level = b >> 8
                occupancy[level << 2 | (b & 0xFF) >> 6] |= (1 as UInt64) << UInt64(b & 63)
                levelMask |= (1 as UInt64) << UInt64(level)
            } else {
                nextChunk[Int(tail)] = chunk
            }
            tail = chunk
            fill = 0
            bucket.pointee.tail = chunk
        }
        storage[(Int(tail) << Self.chunkShift) &+ Int(fill)] = entry
        bucket.pointee.tailFill = fill &+ 1
        bucket.pointee.count &+= 1
        if key < bucket.pointee.minTime { bucket.pointee.minTime = key }
    }

    @inlinable @inline(__always)
    mutating func takeChunk() -> Int32 {
        if freeChunk >= 0 {
            let chunk = freeChunk
            freeChunk = nextChunk[Int(chunk)]
            freeCount &-= 1
            return chunk
        }
        if chunksTouched == chunkCapacity { grow(to: chunkCapacity + chunkCapacity / 2) }
        let chunk = chunksTouched
        chunksTouched &+= 1
        return chunk
    }

    @inlinable @inline(__always)
    mutating func release(_ chunk: Int32) {
        nextChunk[Int(chunk)] = freeChunk
        freeChunk = chunk
        freeCount &+= 1
    }

    @usableFromInline
    mutating func grow(to chunks: Int32) {
        let newStorage = UnsafeMutablePointer<Entry>.allocate(capacity: Int(chunks) << Self.chunkShift)
        newStorage.moveInitialize(from: storage, count: Int(chunksTouched) << Self.chunkShift)
        storage.deallocate()
        storage = newStorage
        let newNext = UnsafeMutablePointer<Int32>.allocate(capacity: Int(chunks))
        newNext.moveInitialize(from: nextChunk, count: Int(chunksTouched))
        nextChunk.deallocate()
        nextChunk = newNext
        chunkCapacity = chunks
    }

    /// Starts loading the chunk two places after `chunk` in its chain, so that reading a
    /// long bucket (chunks scattered over the pool, written long ago) overlaps its misses.
    @inlinable @inline(__always)
    func prefetchChunk(after chunk: Int32) {
        let next = nextChunk[Int(chunk)]
        guard next >= 0 else { return }
        let second = nextChunk[Int(next)]
        guard second >= 0 else { return }
        let p = UnsafeRawPointer(storage + (Int(second) << Self.chunkShift))
        pushsim_prefetch(p)
        pushsim_prefetch(p + 64)
        pushsim_prefetch(p + 128)
        pushsim_prefetch(p + 192)
    }

    /// Inserts into the bottom run after every entry with the same or an earlier time.
    @inlinable @inline(__always)
    mutating func insertIntoBottom(_ entry: Entry) {
        if bottomEnd == sortCapacity {
            if bottomHead > 0 {
                for i in 0..<(bottomEnd &- bottomHead) { bottom[i] = bottom[bottomHead &+ i] }  // forward copy: safe when moving down
                bottomEnd &-= bottomHead
                bottomHead = 0
            } else {
                growSortBuffers(to: sortCapacity * 2)
            }
        }
        // After the last entry with a time at or before the new one: by a short scan from
        // the end when that is close (the usual case), else by binary search, then one
        // block move, which for a long run (a million devices' events over 65 ms) is far
        // cheaper than moving entries one by one.
        var j = bottomEnd
        let scanFloor = max(bottomHead, bottomEnd &- 8)
        while j > scanFloor && bottom[j &- 1].time > entry.time { j &-= 1 }
        if j == scanFloor && j > bottomHead && bottom[j &- 1].time > entry.time {
            var low = bottomHead, high = j &- 1   // the answer is in low...high
            while low < high {
                let mid = (low &+ high) >> 1
                if bottom[mid].time > entry.time { high = mid } else { low = mid &+ 1 }
            }
            j = low
        }
        if j < bottomEnd {
            UnsafeMutableRawPointer(bottom + j + 1).copyMemory(
                from: UnsafeRawPointer(bottom + j), byteCount: (bottomEnd &- j) &* MemoryLayout<Entry>.stride)
        }
        bottom[j] = entry
        bottomEnd &+= 1
    }

    @usableFromInline
    mutating func growSortBuffers(to capacity: Int) {
        let newBottom = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        newBottom.moveInitialize(from: bottom + bottomHead, count: bottomEnd - bottomHead)
        bottom.deallocate()
        scratch.deallocate()
        bottom = newBottom
        scratch = .allocate(capacity: capacity)
        bottomEnd -= bottomHead
        bottomHead = 0
        sortCapacity = capacity
    }

    /// Removes the only entry of bucket `b`, the radix heap's minimum: common when events
    /// are sparse, and cheaper than moving it down level by level.
    @inlinable
    mutating func popSingleton(bucket b: Int, level: Int) -> Entry {
        let source = detach(bucket: b, level: level)
        let entry = storage[(Int(source.head) << Self.chunkShift) &+ Int(source.headPosition)]
        release(source.head)
        last = entry.time
        radixCount &-= 1
        _count &-= 1
        return entry
    }

    /// Takes bucket `b` out of the radix heap; its minimum becomes `base`.
    @inlinable @inline(__always)
    mutating func detach(bucket b: Int, level: Int) -> Bucket {
        let source = buckets[b]
        base = source.minTime
        buckets[b] = Bucket()
        clearOccupancy(level: level, digit: b & 0xFF)
        return source
    }

    /// Empties bucket `b` into lower levels around its minimum.
    @inlinable
    mutating func redistribute(bucket b: Int, level: Int) {
        let source = detach(bucket: b, level: level)
        let pivot = base
        // Each destination may need one new chunk beyond the source chunks freed as they
        // are read; reserving them keeps `storage` in place during the scan.
        let spare = freeCount + (chunkCapacity - chunksTouched)
        let needed = Int32(256 * level + 2)
        if spare < needed { grow(to: chunkCapacity + needed + chunkCapacity / 2) }
        var chunk = source.head
        var position = Int(source.headPosition)
        while chunk >= 0 {
            prefetchChunk(after: chunk)
            let end = chunk == source.tail ? Int(source.tailFill) : Int(Self.chunkSize)
            let base = storage + (Int(chunk) << Self.chunkShift)
            while position < end {
                let entry = base[position]
                let key = UInt64(bitPattern: entry.time)
                append(entry, key: key, to: Self.bucket(of: key, relativeTo: pivot))
                position &+= 1
            }
            let following = nextChunk[Int(chunk)]
            release(chunk)
            chunk = following
            position = 0
        }
    }

    /// Sorts `count` entries from `source` into the start of the bottom run by insertion,
    /// stably: for the few entries of a small bucket, cheaper than counting sort.
    @inlinable @inline(__always)
    mutating func insertionSortIntoBottom(_ source: UnsafeMutablePointer<Entry>, count: Int) {
        for i in 0..<count {
            let entry = source[i]
            var j = i
            while j > 0 && bottom[j &- 1].time > entry.time {
                bottom[j] = bottom[j &- 1]
                j &-= 1
            }
            bottom[j] = entry
        }
    }

    /// Sorts bucket `b` into the (empty) bottom run, stably. Its entries differ only in the
    /// bytes below `level`: insertion sort for a few, else one counting-sort pass per byte,
    /// least significant first, skipping bytes in which they all agree.
    @inlinable
    mutating func buildBottom(bucket b: Int, level: Int) {
        // The bucket covers the keys sharing its bytes from `level` up; its range ends where
        // its digit would be one higher.
        let digit = UInt64(b & 0xFF)
        let levelShift = UInt64(level << 3)
        let prefix = level == 7 ? 0 : (base >> (levelShift + 8)) << (levelShift + 8)
        bottomLimit = prefix &+ ((digit + 1) << levelShift)   // digit 255 carries into the next byte
        let source = detach(bucket: b, level: level)
        let total = Int(source.count)
        radixCount &-= total
        if total > sortCapacity { growSortBuffers(to: max(total, sortCapacity * 2)) }
        bottomHead = 0
        bottomEnd = total
        if source.head == source.tail {
            // One chunk (up to 16 entries): insertion-sort it straight into the run.
            let from = storage + (Int(source.head) << Self.chunkShift) + Int(source.headPosition)
            insertionSortIntoBottom(from, count: total)
            release(source.head)
            return
        }
        // Gather the chain into `scratch`, releasing its chunks.
        var n = 0
        var chunk = source.head
        var position = Int(source.headPosition)
        while chunk >= 0 {
            prefetchChunk(after: chunk)
            let end = chunk == source.tail ? Int(source.tailFill) : Int(Self.chunkSize)
            let from = storage + (Int(chunk) << Self.chunkShift) + position
            (scratch + n).update(from: from, count: end - position)
            n &+= end &- position
            let following = nextChunk[Int(chunk)]
            release(chunk)
            chunk = following
            position = 0
        }
        bottomHead = 0
        bottomEnd = n
        if n <= 32 {
            insertionSortIntoBottom(scratch, count: n)
            return
        }
        var input = scratch
        var output = bottom
        var shift: UInt64 = 0
        for _ in 0..<level {
            digitCounts.initialize(repeating: 0, count: 256)
            for i in 0..<n { digitCounts[Int(truncatingIfNeeded: UInt64(bitPattern: input[i].time) >> shift) & 0xFF] &+= 1 }
            if digitCounts[Int(truncatingIfNeeded: UInt64(bitPattern: input[0].time) >> shift) & 0xFF] != Int32(n) {
                var running: Int32 = 0
                for d in 0..<256 {
                    let c = digitCounts[d]
                    digitCounts[d] = running
                    running &+= c
                }
                for i in 0..<n {
                    let entry = input[i]
                    let d = Int(truncatingIfNeeded: UInt64(bitPattern: entry.time) >> shift) & 0xFF
                    output[Int(digitCounts[d])] = entry
                    digitCounts[d] &+= 1
                }
                swap(&input, &output)
            }
            shift &+= 8
        }
        // The sorted entries are in `input`; make that the bottom run.
        if input != bottom {
            scratch = bottom
            bottom = input
        }
    }
}
