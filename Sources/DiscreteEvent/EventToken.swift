/// Lazy cancellation: an event carries a token, and is ignored when it comes due if its
/// slot has moved on since it was scheduled.
///
/// Removing an event from a queue costs a search; bumping a counter costs nothing. A model
/// gives each entity (a device, a request) a slot, stamps every event it schedules with the
/// slot's current generation, and calls `cancel` to make all of that slot's pending events
/// stale at once. Stale events still pass through the queue, so this suits timers that are
/// usually cancelled rarely, or that can be skipped when they are not needed at all.
public struct EventToken: Hashable, Sendable, BitwiseCopyable {
    public var slot: UInt32
    public var generation: UInt32
    @inlinable public init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}

/// The current generation of each slot. See `EventToken`.
public struct CancellationSlots: Sendable {
    @usableFromInline var generations: [UInt32]

    /// `count` slots, each at generation 0.
    public init(count: Int) { generations = Array(repeating: 0, count: count) }

    /// A token for an event of `slot` that stays current until `cancel(slot)`.
    @inlinable public func token(for slot: Int) -> EventToken {
        EventToken(slot: UInt32(slot), generation: generations[slot])
    }

    /// Makes every token issued so far for `slot` stale.
    @inlinable public mutating func cancel(_ slot: Int) { generations[slot] &+= 1 }

    /// True when `token` has not been cancelled.
    @inlinable public func isCurrent(_ token: EventToken) -> Bool {
        generations[Int(token.slot)] == token.generation
    }
}
