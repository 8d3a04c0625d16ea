/// One request as an access log records it, in plain values: what the writers turn into a
/// line and what `AccessLogParser.record(_:)` gives back. Simulation runs (which write
/// synthetic logs) and tests (which generate logs with known truth) both speak in it.
///
/// Times are whole microseconds since 1970-01-01 00:00 UTC, so every format's resolution
/// (seconds, milliseconds, microseconds) is exact in it.
public struct AccessLogRecord: Hashable, Sendable {
    /// When the server received the request (µs since the Unix epoch, UTC).
    public var start: Int64
    /// How long the server held it (µs).
    public var duration: Int64
    public var command: ActiveSyncCommand
    /// The HTTP status of the answer (200, 409, 503, …).
    public var status: Int
    public var user: String
    public var deviceID: String
    public var deviceType: String
    /// The heartbeat the client asked for, in seconds, where the log carries it (Exchange's
    /// `Hb` log token); nil otherwise.
    public var heartbeatSeconds: Int?
    /// Exchange's `Error:PingCollisionDetected` log token: a newer request from the same
    /// device ended this Ping (logged with status 200).
    public var pingCollision: Bool
    /// The HTTP method ("POST" for every command but OPTIONS).
    public var method: String

    public init(start: Int64, duration: Int64, command: ActiveSyncCommand, status: Int, user: String, deviceID: String,
                deviceType: String, heartbeatSeconds: Int? = nil, pingCollision: Bool = false, method: String? = nil) {
        self.start = start
        self.duration = duration
        self.command = command
        self.status = status
        self.user = user
        self.deviceID = deviceID
        self.deviceType = deviceType
        self.heartbeatSeconds = heartbeatSeconds
        self.pingCollision = pingCollision
        self.method = method ?? (command == .options ? "OPTIONS" : "POST")
    }

    /// When the answer was sent (µs since the epoch).
    public var end: Int64 { start + duration }

    /// A Ping that a newer request from the same device ended: answered 409, or 200 with
    /// Exchange's collision token (MODEL.md's "superseded").
    public var superseded: Bool { command == .ping && (status == 409 || (status == 200 && pingCollision)) }
}
