/// The radix heap: 8 levels × 256 buckets. A time is filed under the highest byte in which it
/// differs from `base` (its level) and its value in that byte (its digit); the smallest occupied
/// bucket is found from `levelMask` and four words of occupancy bits per level. Level 0 holds
/// one exact time per bucket; a bucket above it is popped whole when it holds one entry, sorted
/// into the bottom run when small (`EventQueue+BottomRun.swift`), else redistributed around
/// its minimum, which sends each of its entries at least one level down.
extension EventQueue {
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
}
