import DiscreteEvent

/// How a device talks to the server.
public enum ClientKind: String, Hashable, Sendable, CaseIterable {
    /// One HTTP request at a time (Apple): a Sync abandons the pending Ping.
    case single
    /// Ping and Sync on separate connections (most Android clients): a Sync never
    /// abandons the Ping.
    case dual
}

/// How a device learns about new mail.
public enum SyncMode: String, Hashable, Sendable, CaseIterable {
    /// A Ping loop (MODEL.md §3.2).
    case push
    /// A Sync every `fetchInterval` and on every user open, no Pings.
    case fetch
}

/// What an adaptive heartbeat does after a lost Ping (MODEL.md §3.4).
public enum HeartbeatFailurePolicy: String, Hashable, Sendable, CaseIterable {
    /// H − step, not below min; may grow again [Android 4.4+].
    case stepDown
    /// H − step, and never grows again [Android ≤ 4.3].
    case stepDownAndLock
    /// Back to the last H that succeeded, or to min [Windows Mobile Direct Push].
    case revert
}

/// The heartbeat H a device asks for in its Pings.
public enum HeartbeatPolicy: Hashable, Sendable {
    /// Always H.
    case fixed(SimTime)
    /// Grows by `step` after each Ping that ends Status 1, up to `max`; after a lost Ping
    /// applies `onFailure`.
    case adaptive(initial: SimTime, min: SimTime, max: SimTime, step: SimTime, onFailure: HeartbeatFailurePolicy)

    /// The H of a device's first Ping.
    public var initial: SimTime {
        switch self {
        case .fixed(let h): return h
        case .adaptive(let initial, _, _, _, _): return initial
        }
    }
}

/// Message sizes and link rates for the radio's transfer times (MODEL.md §3.6).
public struct TrafficSizes: Hashable, Sendable {
    public var pingRequestBytes: Int = 500
    public var pingResponseBytes: Int = 300
    public var syncRequestBytes: Int = 600
    public var syncResponseBytes: Int = 1_500
    public var bytesPerMailItem: Int = 10_000
    public var bytesPerOutboxItem: Int = 10_000
    public var uplinkMbps: Double = 1
    public var downlinkMbps: Double = 5
    public init() {}
}

/// The device outbox (MODEL.md §3.7).
public struct OutboxConfig: Hashable, Sendable {
    /// Items the device sends per day, under the time-of-day profile.
    public var perDay: Double = 30
    /// Chance the server rejects an item as a conflict (the server wins).
    public var conflictProbability: Double = 0.01
    /// Chance the server rejects an item permanently.
    public var permanentErrorProbability: Double = 0.001
    /// Chance the user resends an item that ended in a conflict.
    public var resendProbability: Double = 0.5
    /// How long the user takes to resend.
    public var resendDelay: DurationDistribution = .exponential(mean: .minutes(10))
    /// The server recognises an item it already accepted and does not deliver it again.
    public var serverDeduplicates: Bool = false
    public init() {}
}

/// A group of devices with one profile (MODEL.md §2, "Population").
public struct Population: Hashable, Sendable {
    public var name: String
    public var count: Int
    public var client: ClientKind = .single
    public var mode: SyncMode = .push
    /// Time between Syncs in fetch mode (15, 30 or 60 min on iOS).
    public var fetchInterval: SimTime = .minutes(15)
    public var heartbeat: HeartbeatPolicy = .fixed(.minutes(15))
    /// The device gives up on a Ping at H + grace [Android EasPing: 5 s].
    public var pingGrace: SimTime = .seconds(5)
    /// The device gives up on a Sync after this.
    public var syncTimeout: SimTime = .seconds(60)
    /// Mail received per user per day [Exchange 2003 "average" profile].
    public var mailPerDay: Double = 75
    /// Spontaneous opens of the Mail app per day, each a Sync.
    public var userOpensPerDay: Double = 20
    /// Chance that a pushed mail makes the user open Mail, and after how long.
    public var afterNotifyProbability: Double = 0.3
    public var afterNotifyDelay: DurationDistribution = .exponential(mean: .minutes(2))
    public var outbox = OutboxConfig()
    /// The idle timeout of each device's firewall/NAT path, drawn once per device.
    /// `nil` means no idle timeout.
    public var firewallIdleTimeout: DurationDistribution? = .constant(.minutes(30))
    /// One-way network delay, drawn per message.
    public var networkDelay: DurationDistribution = .constant(.milliseconds(50))
    /// Chance that any one request or response is lost in transit.
    public var lossProbability: Double = 0
    public var radio: RadioModel = .lte
    public var traffic = TrafficSizes()
    public var batteryMilliampHours: Double = 3000
    public var batteryVolts: Double = 3.85
    /// The server this population uses, by name, in a pool; `nil` spreads it by `share`.
    public var server: String? = nil

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }

    /// Battery capacity in joules: mAh × V × 3.6.
    public var batteryJoules: Double { batteryMilliampHours * batteryVolts * 3.6 }
}
