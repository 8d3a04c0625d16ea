/// Why a Sync was sent: it decides how the mail it delivers is counted.
enum SyncCause: UInt8 {
    case push = 0, userOpen, fetch, outbox
}

/// One device's state, kept in an array indexed by device. Times are microseconds;
/// `Int64.max` means "not set". Request slots are indices into `RequestTable`, −1 for none.
struct Device {
    // Activity timers.
    var nextMailAt: Int64 = .max
    var nextOpenAt: Int64 = .max
    var nextOutboxAt: Int64 = .max
    var notifyOpenAt: Int64 = .max
    var retryAt: Int64 = .max
    var fetchAt: Int64 = .max
    /// Time of the pending `deviceTimer` event, `.max` when none is pending.
    var timerAt: Int64 = .max
    /// Arrival time of the first undelivered mail (the replay cursor), `.max` when unknown.
    var mailCursorAt: Int64 = .max
    var lastPingLossAt: Int64 = .min
    /// Idle timeout of this device's firewall path.
    var firewallTimeout: Int64 = .max
    var heartbeat: Int64 = 0
    var lastGoodHeartbeat: Int64 = 0
    var radio = RadioMeter()
    // Mail: how many arrived, were handed to a Sync by the server, were delivered.
    var mailArrived: UInt32 = 0
    var mailHanded: UInt32 = 0
    var mailDelivered: UInt32 = 0
    // Random-stream counters (mail's counter is `mailArrived`).
    var opensCounter: UInt32 = 0
    var notifyCounter: UInt32 = 0
    var outboxCounter: UInt32 = 0
    var outboxOutcomeCounter: UInt32 = 0
    // Requests.
    var currentPing: Int32 = -1
    var currentSync: Int32 = -1
    /// Head of the list of this device's Pings waiting at the server.
    var serverPings: Int32 = -1
    var latestStartedSerial: UInt32 = 0
    var nextSerial: UInt32 = 0
    var timerGeneration: UInt32 = 0
    // Outbox: the device's items (a list in `OutboxTable`) and the earliest resend.
    var outboxFirst: Int32 = -1
    var outboxResendAt: Int64 = .max
    var population: UInt16 = 0
    var backoffLevel: UInt8 = 0
    /// What `retryAt` will send: 0 nothing, 1 a Ping, 2 a Sync.
    var retryKind: UInt8 = 0
    var retryCause: SyncCause = .push
    var heartbeatLocked: Bool = false
    /// Keeps a device at three cache lines (192 bytes): the device array starts on a line and
    /// `prefetchDevice` loads exactly three.
    private var padding: UInt64 = 0

    static let retryNothing: UInt8 = 0, retryPing: UInt8 = 1, retrySync: UInt8 = 2
}
