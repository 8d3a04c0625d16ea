/// What an event in the model's queue means. Packed with a slot index and a generation
/// into the queue's 8-byte payload, so an event is 16 bytes in all.
enum EventKind: UInt8 {
    /// A device's next activity is due: mail, a user open, an outbox item, a notify open,
    /// a retry or a fetch (the earliest of its timers).
    case deviceTimer
    /// A request reaches the server.
    case arrive
    /// A Ping's thread work is done: send its immediate answer, or park it.
    case pingWorkDone
    /// A waiting Ping's heartbeat ran out.
    case heartbeatDone
    /// A waiting Ping looks for new mail and for a newer request (`checkInterval`).
    case pingCheck
    /// A Sync's thread work is done.
    case syncDone
    /// A response reaches the device.
    case response
    /// The device gives up waiting for a response.
    case deviceTimeout
    /// Record a row of the time series.
    case sample
    /// A restart moves to its next phase.
    case restartPhase
}

/// `kind | generation << 8 | index << 32`.
struct EventPayload {
    @inline(__always) static func pack(_ kind: EventKind, index: Int, generation: UInt32) -> UInt64 {
        UInt64(kind.rawValue) | UInt64(generation & 0xFF_FFFF) << 8 | UInt64(UInt32(truncatingIfNeeded: index)) << 32
    }
    @inline(__always) static func kind(_ p: UInt64) -> EventKind { EventKind(rawValue: UInt8(truncatingIfNeeded: p)) ?? .sample }
    @inline(__always) static func generation(_ p: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: p >> 8) & 0xFF_FFFF }
    @inline(__always) static func index(_ p: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: p >> 32)) }
}
