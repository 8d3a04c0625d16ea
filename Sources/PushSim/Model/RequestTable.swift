import DiscreteEvent

/// A request's kind.
enum RequestKind: UInt8 { case ping = 0, sync }

/// Where a request is on the server.
enum RequestState: UInt8 {
    /// On its way to the server (or lost on the way).
    case travelling
    /// Waiting for a thread.
    case queued
    /// On a thread, its answer already decided (Status 5, Status 2 at once), or a Sync.
    case working
    /// A Ping waiting for mail or its heartbeat (on a thread, or parked).
    case waiting
    /// Answered, refused or reset: the server is done with it.
    case done
}

/// One HTTP request from a device, from the moment it is sent until both the server and
/// the device are done with it.
struct Request {
    var sentAt: Int64 = 0
    /// When it reached the server; when it started on a thread, once started.
    var serverAt: Int64 = 0
    /// A Ping's heartbeat (the bound, after Status 5).
    var heartbeat: Int64 = 0
    var device: Int32 = 0
    var generation: UInt32 = 0
    var serial: UInt32 = 0
    /// A Sync: the mail count handed to it; a Ping: the answer decided at start.
    var mailUpTo: UInt32 = 0
    /// Next in the device's list of waiting Pings, or in the free list.
    var next: Int32 = -1
    /// A Sync: the first of the outbox items it carries (`SyncBodies`), −1 for none.
    var body: Int32 = -1
    var kind: RequestKind = .ping
    var state: RequestState = .travelling
    var cause: SyncCause = .push
    /// HTTP answer sent to the device (200, 409, 503) with the Ping status in `pingStatus`.
    var httpStatus: UInt16 = 0
    var pingStatus: UInt8 = 0
    var holdsThread: Bool = false
    var serverFinished: Bool = false
    var deviceFinished: Bool = false
    var timeoutScheduled: Bool = false
    /// A Sync completed without an event (`LazyCompletions`): its response is on its way.
    var lazyCompletion: Bool = false
    /// A waiting Ping whose device started a newer request; with `checkInterval` it is
    /// answered at its next check.
    var superseded: Bool = false
    /// A waiting Ping has a check event pending (`checkInterval`).
    var checkPending: Bool = false
}

/// A slab of requests with a free list; a slot's generation changes when it is reused,
/// which is how events about a finished request are recognised and skipped.
struct RequestTable: ~Copyable {
    private(set) var slots: UnsafeMutablePointer<Request>
    private(set) var capacity: Int
    private var used = 0
    private var free: Int32 = -1

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        slots = Self.allocateSlots(self.capacity)
    }

    deinit { UnsafeMutableRawPointer(slots).deallocate() }

    /// Slots start on a cache line, so that a 64-byte request is one line, not two.
    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<Request> {
        LargeArray.allocate(Request.self, capacity: count, alignment: 64)
    }

    @inline(__always)
    mutating func allocate() -> Int {
        if free >= 0 {
            let slot = Int(free)
            free = slots[slot].next
            let generation = slots[slot].generation
            slots[slot] = Request()
            slots[slot].generation = generation
            return slot
        }
        if used == capacity { grow() }
        slots.advanced(by: used).initialize(to: Request())
        used &+= 1
        return used &- 1
    }

    @inline(__always)
    mutating func release(_ slot: Int) {
        slots[slot].generation = (slots[slot].generation &+ 1) & 0xFF_FFFF
        slots[slot].state = .done
        slots[slot].next = free
        free = Int32(slot)
    }

    private mutating func grow() {
        let bigger = Self.allocateSlots(capacity * 3 / 2)
        bigger.moveInitialize(from: slots, count: used)
        UnsafeMutableRawPointer(slots).deallocate()
        slots = bigger
        capacity = capacity * 3 / 2
    }

    var allocatedBytes: Int { capacity * MemoryLayout<Request>.stride }

    /// Slots ever handed out (each is in use or in the free list).
    var usedSlots: Int { used }
}
