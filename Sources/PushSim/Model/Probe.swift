/// How a request ended at the server, or why it never got there.
public enum RequestEnd: Sendable, Hashable {
    /// Answered: HTTP status, and for a Ping 200 its ActiveSync status (1, 2 or 5).
    case answered(httpStatus: Int, pingStatus: Int)
    /// Lost on the way to the server.
    case lostInTransit
    /// Reached a server that was down: no answer.
    case unanswered
    /// Reset by a restart.
    case reset
}

/// Hooks into a run, for tests and tracing. A run is generic over its probe, so the
/// default `NoProbe` costs nothing: every call is inlined away.
public protocol SimulationProbe {
    /// An event is about to be processed at `time`.
    mutating func willProcessEvent(at time: Int64)
    /// A device sent request `id` (unique within the run).
    mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64)
    /// Request `id` ended at the server, or never reached it.
    mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64)
    /// The number of threads held changed.
    mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64)
    /// Mail number `index` (1-based) of `device` was delivered.
    mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64)
    /// Mail number `index` of `device` arrived in its mailbox.
    mutating func mailArrived(device: Int, index: UInt32, at time: Int64)
    /// The user of `device` opened Mail of their own accord (not after a notification).
    mutating func userOpened(device: Int, at time: Int64)
    /// The server delivered an outbox item of `device` created at `createdAt` (`copy` is 1
    /// for its first delivery, more for duplicates).
    mutating func outboxDelivered(device: Int, createdAt: Int64, copy: Int, at time: Int64)
    /// The server finished a request and answered it (200, 409 or 503): one line of the
    /// server's access log. Called in the order the server finishes requests, which is time
    /// order (`answer.finishedAt` never goes back within a server).
    mutating func requestAnswered(_ answer: ServerAnswer)
    /// Request `id` reached the server at `time` and must wait for a thread (only then: a
    /// request that starts at once arrived at its `ServerAnswer.startedAt`).
    mutating func requestQueued(id: UInt64, at time: Int64)
    /// Server `index` of the scenario (named `name`) is about to run; a probed run simulates
    /// a pool's servers one after the other, each from time 0.
    mutating func serverBegins(index: Int, name: String)
}

extension SimulationProbe {
    @inlinable @inline(__always) public mutating func userOpened(device: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func outboxDelivered(device: Int, createdAt: Int64, copy: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func requestAnswered(_ answer: ServerAnswer) {}
    @inlinable @inline(__always) public mutating func requestQueued(id: UInt64, at time: Int64) {}
    @inlinable @inline(__always) public mutating func serverBegins(index: Int, name: String) {}
}

/// A request the server answered, with what an access log line needs (`SimulationProbe
/// .requestAnswered`). Times are µs of simulated time from the run's start.
public struct ServerAnswer: Sendable, Hashable {
    /// The request (as in `requestSent`, `requestQueued`).
    public var id: UInt64
    /// The device's index among the devices of its population on this server (0-based).
    public var device: Int
    /// The index of its population in `Scenario.populations`.
    public var population: Int
    public var isPing: Bool
    /// When it got a thread; for a request that never did (refused with 503, or a Ping
    /// superseded before it started), when it reached the server. A request that waited for a
    /// thread reached the server earlier, at its `requestQueued` time: an access log's
    /// duration (IIS `time-taken`) runs from that arrival to `finishedAt`.
    public var startedAt: Int64
    /// When the server sent the answer.
    public var finishedAt: Int64
    /// 200, 409 or 503.
    public var httpStatus: Int
    /// A Ping's ActiveSync status (1 heartbeat or superseded, 2 mail, 5 heartbeat out of
    /// bounds); 0 for Syncs and refused requests.
    public var pingStatus: Int
    /// A Ping's heartbeat (µs), 0 for a Sync.
    public var heartbeat: Int64
    /// A Ping that a newer request of its device ended (answered 409 under `conflict409`,
    /// 200 under `expire200`).
    public var superseded: Bool

    public init(id: UInt64, device: Int, population: Int, isPing: Bool, startedAt: Int64, finishedAt: Int64,
                httpStatus: Int, pingStatus: Int, heartbeat: Int64, superseded: Bool) {
        self.id = id
        self.device = device
        self.population = population
        self.isPing = isPing
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.httpStatus = httpStatus
        self.pingStatus = pingStatus
        self.heartbeat = heartbeat
        self.superseded = superseded
    }
}

/// The probe of normal runs: does nothing.
public struct NoProbe: SimulationProbe {
    public init() {}
    @inlinable @inline(__always) public mutating func willProcessEvent(at time: Int64) {}
    @inlinable @inline(__always) public mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64) {}
    @inlinable @inline(__always) public mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64) {}
    @inlinable @inline(__always) public mutating func mailArrived(device: Int, index: UInt32, at time: Int64) {}
}
