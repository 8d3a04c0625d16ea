/// The queue's invariants (see `EventQueue`), checked by walking every bucket, chunk and the
/// bottom run.
///
/// Compiled in every build and called only by the tests (`EventQueueTests`, after every
/// operation of their random workloads) and, in debug builds, by an `assert` when a queue is
/// freed. It is not `@inlinable` and nothing on the hot path calls it, so a release run pays
/// nothing for it; and because the tests are built in release (the README's test command),
/// an `#if DEBUG` checker would not be there for them to call.
extension EventQueue {
    /// The invariants that do not hold, each as a sentence; empty when all hold.
    ///
    /// - Complexity: O(pending entries + chunks + buckets).
    func _checkInvariants() -> [String] {
        var problems: [String] = []
        if base > UInt64(bitPattern: last) { problems.append("base \(base) is after now \(last)") }
        if !(0 <= bottomHead && bottomHead <= bottomEnd && bottomEnd <= sortCapacity) {
            problems.append("bottom run \(bottomHead)..<\(bottomEnd) outside its buffer of \(sortCapacity)")
            return problems
        }
        // The bottom run: sorted, not before now, before its limit.
        for i in bottomHead..<bottomEnd {
            let time = bottom[i].time
            if time < last { problems.append("bottom run entry at \(time) before now \(last)") }
            if i > bottomHead && bottom[i - 1].time > time { problems.append("bottom run unsorted at \(i)") }
            if UInt64(bitPattern: time) >= bottomLimit { problems.append("bottom run entry at \(time) not before its limit \(bottomLimit)") }
        }
        // Buckets: each entry filed where `bucket(of:relativeTo: base)` puts it; counts,
        // minima and occupancy bits agree with the chains; no chunk in two places.
        var chunkSeen = [Bool](repeating: false, count: Int(chunksTouched))
        func claim(_ chunk: Int32, _ owner: String) {
            guard chunk >= 0 && chunk < chunksTouched else { problems.append("\(owner): chunk \(chunk) out of range"); return }
            if chunkSeen[Int(chunk)] { problems.append("\(owner): chunk \(chunk) used twice") }
            chunkSeen[Int(chunk)] = true
        }
        var inRadix = 0
        for b in 0..<Self.bucketCount {
            let bucket = buckets[b]
            let level = b >> 8, digit = b & 0xFF
            let occupied = occupancy[level << 2 | digit >> 6] & (1 << UInt64(digit & 63)) != 0
            if occupied != (bucket.count > 0) { problems.append("bucket \(b): occupancy bit \(occupied) with \(bucket.count) entries") }
            if bucket.count == 0 {
                if bucket.head != -1 { problems.append("bucket \(b): empty with a chain") }
                continue
            }
            var n: Int32 = 0
            var minimum = UInt64.max
            var chunk = bucket.head
            var position = bucket.headPosition
            var links = 0
            while chunk >= 0 && links <= Int(chunksTouched) {
                claim(chunk, "bucket \(b)")
                guard chunk < chunksTouched else { break }
                let end = chunk == bucket.tail ? bucket.tailFill : Self.chunkSize
                while position < end {
                    let entry = storage[(Int(chunk) << Self.chunkShift) + Int(position)]
                    let key = UInt64(bitPattern: entry.time)
                    if Self.bucket(of: key, relativeTo: base) != b { problems.append("bucket \(b): entry at \(entry.time) filed under the wrong level or digit") }
                    if entry.time < last { problems.append("bucket \(b): entry at \(entry.time) before now \(last)") }
                    if key < bottomLimit && bottomHead < bottomEnd { problems.append("bucket \(b): entry at \(entry.time) inside the bottom run's range") }
                    minimum = min(minimum, key)
                    n += 1
                    position += 1
                }
                chunk = chunk == bucket.tail ? -1 : nextChunk[Int(chunk)]
                position = 0
                links += 1
            }
            if n != bucket.count { problems.append("bucket \(b): count \(bucket.count), chain holds \(n)") }
            if minimum != bucket.minTime { problems.append("bucket \(b): minTime \(bucket.minTime), smallest entry \(minimum)") }
            inRadix += Int(n)
        }
        for level in 0..<Self.levelCount {
            let words = occupancy + (level << 2)
            let any = words[0] | words[1] | words[2] | words[3] != 0
            if any != (levelMask & (1 << UInt64(level)) != 0) { problems.append("level \(level): levelMask disagrees with its occupancy bits") }
        }
        if inRadix != radixCount { problems.append("radixCount \(radixCount), buckets hold \(inRadix)") }
        if _count != radixCount + (bottomEnd - bottomHead) {
            problems.append("count \(_count) ≠ radix heap \(radixCount) + bottom run \(bottomEnd - bottomHead)")
        }
        // The chunk pool: every touched chunk is in a bucket or on the free list, once.
        var free = 0
        var chunk = freeChunk
        while chunk >= 0 && free <= Int(chunksTouched) {
            claim(chunk, "free list")
            guard chunk < chunksTouched else { break }
            free += 1
            chunk = nextChunk[Int(chunk)]
        }
        if free != Int(freeCount) { problems.append("freeCount \(freeCount), free list holds \(free)") }
        if chunksTouched > chunkCapacity { problems.append("\(chunksTouched) chunks touched of \(chunkCapacity)") }
        if let lost = chunkSeen.firstIndex(of: false) { problems.append("chunk \(lost) neither in a bucket nor free") }
        return problems
    }
}
