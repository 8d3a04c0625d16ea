import CPrefetch

/// The chunk pool: every bucket is a chain of 16-entry chunks taken from one pool with a free
/// list, so memory follows the pending entries and the steady state allocates nothing.
extension EventQueue {
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
}
