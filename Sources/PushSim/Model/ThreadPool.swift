/// A server's HTTP worker threads and the FIFO queue of requests waiting for one.
/// Beyond `queueLimit` waiting requests, a new request is refused (503) at once.
struct ThreadPool: ~Copyable {
    let capacity: Int
    let queueLimit: Int
    private(set) var held = 0
    private var ring: UnsafeMutablePointer<Int32>
    private var head = 0
    private(set) var queued = 0

    init(capacity: Int, queueLimit: Int) {
        self.capacity = capacity
        self.queueLimit = queueLimit
        ring = .allocate(capacity: max(1, queueLimit))
    }

    deinit { ring.deallocate() }

    var hasFreeThread: Bool { held < capacity }
    var queueIsFull: Bool { queued >= queueLimit }

    @inline(__always) mutating func acquire() { held &+= 1 }
    @inline(__always) mutating func release() { held &-= 1 }

    mutating func enqueue(_ slot: Int) {
        ring[(head &+ queued) % queueLimit] = Int32(slot)
        queued &+= 1
    }

    mutating func dequeue() -> Int? {
        if queued == 0 { return nil }
        let slot = Int(ring[head])
        head = (head &+ 1) % queueLimit
        queued &-= 1
        return slot
    }
}
