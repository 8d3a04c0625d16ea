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
}

extension SimulationProbe {
    @inlinable @inline(__always) public mutating func userOpened(device: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func outboxDelivered(device: Int, createdAt: Int64, copy: Int, at time: Int64) {}
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
