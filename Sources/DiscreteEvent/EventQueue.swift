/// The pending-event set of a simulation: a monotone priority queue of `(time, payload)`
/// entries that hands them back in time order, first-in first-out among equal times.
///
/// ## Design
/// A discrete-event clock never runs backwards, so the queue only has to accept times at
/// or after the last one removed (`now`). That makes it a *radix heap* (Ahuja, Mehlhorn,
/// Orlin and Tarjan, J. ACM 1990) with 256-way digits: a time is filed under the highest
/// byte in which it differs from `now` (its *level*) and under its value in that byte (its
/// *digit*). Level 0 holds times that share all upper bytes with `now`, one bucket per
/// exact time. Removing takes from the lowest non-empty level-0 bucket; when level 0 is
/// empty, the lowest bucket of the lowest non-empty level is redistributed around its
/// minimum, which sends every entry in it to a lower level. An entry therefore moves at
/// most once per byte: for events a second to an hour ahead (in microseconds), two or
/// three times in all.
///
/// Entries with equal times always share a bucket, every bucket keeps insertion order,
/// and redistribution is a stable scan, so ties come out in the order they were scheduled
/// without storing a sequence number: an entry is 16 bytes for an 8-byte payload.
///
/// Buckets are chains of 16-entry chunks from one pool with a free list, so memory is
/// proportional to the pending entries (plus at most one partial chunk per non-empty
/// bucket, 2,048 buckets) and steady-state operation allocates nothing.
///
/// ## Complexity
/// - `schedule`: O(1).
/// - `popMin`: amortised O(log₂₅₆ Δ) entry moves plus a scan of at most 40 words of
///   occupancy bits, where Δ is how far ahead events are scheduled, in microseconds.
///
/// ## Invariants
/// - Every scheduled time is at or after `now`, the time of the last entry removed.
/// - Level `p > 0` holds only times whose highest byte differing from `now` is byte `p`;
///   level 0 holds times equal to `now` in every byte but the lowest.
/// - `count` is the number of pending entries.
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
        @usableFromInline var minTime: UInt64 = .max   // smallest time (levels above 0)
        @inlinable init() {}
    }

    @usableFromInline static var chunkShift: Int { 4 }
    @usableFromInline static var chunkSize: Int32 { 16 }
    @usableFromInline static var levelCount: Int { 8 }
    @usableFromInline static var bucketCount: Int { 2048 }

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
    @usableFromInline var last: UInt64 = 0
    @usableFromInline var _count: Int = 0
    /// The bottom run: the entries of the last level-1 bucket emptied, sorted by time
    /// (stable); `bottom[bottomHead ..< bottomEnd]` are still pending.
    @usableFromInline var bottom: UnsafeMutablePointer<Entry>
    @usableFromInline var bottomCapacity: Int = 256
    @usableFromInline var bottomHead: Int = 0
    @usableFromInline var bottomEnd: Int = 0
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
        digitCounts = .allocate(capacity: 256)
    }

    deinit {
        storage.deallocate()
        nextChunk.deallocate()
        buckets.deallocate()
        occupancy.deallocate()
        bottom.deallocate()
        digitCounts.deallocate()
    }

    /// The number of pending events.
    @inlinable public var count: Int { _count }

    /// True when no event is pending.
    @inlinable public var isEmpty: Bool { _count == 0 }

    /// The time of the last event removed: the simulation clock. Starts at 0.
    @inlinable public var now: Int64 { Int64(bitPattern: last) }

    /// Bytes of memory the queue holds (its chunk pool and bucket table).
    public var allocatedBytes: Int {
        Int(chunkCapacity) * (MemoryLayout<Entry>.stride << Self.chunkShift + 4)
            + Self.bucketCount * MemoryLayout<Bucket>.stride + Self.levelCount * 32
            + bottomCapacity * MemoryLayout<Entry>.stride + 1024
    }

    /// Adds an event at `time`, which must not be earlier than `now`.
    ///
    /// Events at equal times are returned in the order they were scheduled.
    @inlinable public mutating func schedule(at time: Int64, _ payload: Payload) {
        precondition(time >= Int64(bitPattern: last), "event scheduled before the current time")
        let key = UInt64(bitPattern: time)
        append(Entry(time: time, payload: payload), key: key, to: Self.bucket(of: key, relativeTo: last))
        _count &+= 1
    }

    /// The time of the earliest pending event, or nil when the queue is empty.
    @inlinable public var nextTime: Int64? {
        if _count == 0 { return nil }
        let level = levelMask.trailingZeroBitCount
        if bottomHead < bottomEnd {
            let head = bottom[bottomHead].time
            if level != 0 { return head }
            return min(head, Int64(bitPattern: (last & ~0xFF) | UInt64(lowestDigit(0))))
        }
        let digit = lowestDigit(level)
        if level == 0 { return Int64(bitPattern: (last & ~0xFF) | UInt64(digit)) }
        return Int64(bitPattern: buckets[level << 8 | digit].minTime)
    }

    /// Removes and returns the earliest event (the first scheduled among equal times),
    /// advancing `now` to its time; nil when the queue is empty.
    @inlinable public mutating func popMin() -> Entry? {
        if _count == 0 { return nil }
        while bottomHead == bottomEnd && levelMask & 1 == 0 {
            redistributeLowestBucket()
        }
        if bottomHead < bottomEnd {
            let entry = bottom[bottomHead]
            // A level-0 entry was scheduled after the bottom run was built, so on equal
            // times the run goes first.
            if levelMask & 1 == 0
                || entry.time <= Int64(bitPattern: (last & ~0xFF) | UInt64(lowestDigit(0))) {
                bottomHead &+= 1
                last = UInt64(bitPattern: entry.time)
                _count &-= 1
                return entry
            }
        }
        let digit = lowestDigit(0)
        last = (last & ~0xFF) | UInt64(digit)
        _count &-= 1
        let bucket = buckets + digit
        let chunk = bucket.pointee.head
        let position = bucket.pointee.headPosition
        let entry = storage[(Int(chunk) << Self.chunkShift) &+ Int(position)]
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

    /// Grows the pool so that at least `capacity` events fit without further allocation.
    public mutating func reserveCapacity(_ capacity: Int) {
        let needed = Int32((capacity >> Self.chunkShift) + Self.bucketCount + 256)
        if needed > chunkCapacity { grow(to: needed) }
    }

    // MARK: - Internals

    /// The bucket of `key` relative to `now`: level = highest differing byte, digit = the
    /// key's value in that byte.
    @inlinable @inline(__always)
    static func bucket(of key: UInt64, relativeTo now: UInt64) -> Int {
        let difference = key ^ now
        let level = difference == 0 ? 0 : (63 &- difference.leadingZeroBitCount) >> 3
        return level << 8 | Int(truncatingIfNeeded: key >> UInt64(level << 3)) & 0xFF
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

    /// Level 0 and the bottom run are empty: empties the lowest bucket of the lowest
    /// non-empty level around that bucket's minimum, which becomes `now`. A level-1 bucket
    /// becomes the new bottom run; a higher one is spread over lower levels.
    @inlinable
    mutating func redistributeLowestBucket() {
        let level = levelMask.trailingZeroBitCount
        let digit = lowestDigit(level)
        let b = level << 8 | digit
        let source = buckets[b]
        let pivot = source.minTime
        last = pivot
        buckets[b] = Bucket()
        clearOccupancy(level: level, digit: digit)
        if level == 1 {
            buildBottom(from: source)
            return
        }
        // Each destination may need one new chunk beyond the source chunks freed as they
        // are read; reserving them keeps `storage` in place during the scan.
        let spare = freeCount + (chunkCapacity - chunksTouched)
        let needed = Int32(256 * level + 2)
        if spare < needed {
            grow(to: chunkCapacity + needed + chunkCapacity / 2)
        }
        var chunk = source.head
        var position = Int(source.headPosition)
        while chunk >= 0 {
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

    /// Sorts the entries of a level-1 bucket (all in one 256-microsecond window) into the
    /// bottom run, stably: insertion sort for a few, a counting sort on the low byte for many.
    @inlinable
    mutating func buildBottom(from source: Bucket) {
        // Count the entries (a chain of full chunks and a partial tail).
        var total = 0
        var chunk = source.head
        while chunk >= 0 {
            total &+= chunk == source.tail ? Int(source.tailFill) : Int(Self.chunkSize)
            chunk = nextChunk[Int(chunk)]
        }
        total &-= Int(source.headPosition)
        if total > bottomCapacity {
            bottom.deallocate()
            bottomCapacity = max(total, bottomCapacity * 2)
            bottom = .allocate(capacity: bottomCapacity)
        }
        bottomHead = 0
        bottomEnd = total
        if total <= 24 {
            var n = 0
            chunk = source.head
            var position = Int(source.headPosition)
            while chunk >= 0 {
                let end = chunk == source.tail ? Int(source.tailFill) : Int(Self.chunkSize)
                let base = storage + (Int(chunk) << Self.chunkShift)
                while position < end {
                    let entry = base[position]
                    var j = n
                    while j > 0 && bottom[j &- 1].time > entry.time {
                        bottom[j] = bottom[j &- 1]
                        j &-= 1
                    }
                    bottom[j] = entry
                    n &+= 1
                    position &+= 1
                }
                let following = nextChunk[Int(chunk)]
                release(chunk)
                chunk = following
                position = 0
            }
            return
        }
        digitCounts.initialize(repeating: 0, count: 256)
        chunk = source.head
        var position = Int(source.headPosition)
        while chunk >= 0 {
            let end = chunk == source.tail ? Int(source.tailFill) : Int(Self.chunkSize)
            let base = storage + (Int(chunk) << Self.chunkShift)
            while position < end {
                digitCounts[Int(truncatingIfNeeded: base[position].time) & 0xFF] &+= 1
                position &+= 1
            }
            chunk = nextChunk[Int(chunk)]
            position = 0
        }
        var running: Int32 = 0
        for d in 0..<256 {
            let c = digitCounts[d]
            digitCounts[d] = running
            running &+= c
        }
        chunk = source.head
        position = Int(source.headPosition)
        while chunk >= 0 {
            let end = chunk == source.tail ? Int(source.tailFill) : Int(Self.chunkSize)
            let base = storage + (Int(chunk) << Self.chunkShift)
            while position < end {
                let entry = base[position]
                let d = Int(truncatingIfNeeded: entry.time) & 0xFF
                bottom[Int(digitCounts[d])] = entry
                digitCounts[d] &+= 1
                position &+= 1
            }
            let following = nextChunk[Int(chunk)]
            release(chunk)
            chunk = following
            position = 0
        }
    }
}
