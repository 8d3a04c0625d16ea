/// The bottom run: one bucket's entries sorted (insertion sort for a few, else a stable LSD
/// counting sort over the bytes in which they can differ) and consumed from the front; times
/// inside its range (`bottomLimit`) join it directly, after any equal time.
extension EventQueue {
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
