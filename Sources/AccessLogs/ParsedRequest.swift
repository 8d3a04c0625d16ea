/// One request line as a parser sees it: numbers, and byte slices that point into the
/// reader's buffer (or the parser's scratch space). Valid only until the same source reads
/// its next line; `record` copies it out as plain values.
public struct ParsedRequest {
    /// The time stamp the line carries (µs since the epoch, UTC): the request's end for iis,
    /// nginx and zpush, its start for apache and domino. Files are merged by it.
    public var logTime: Int64 = 0
    /// When the server received the request (µs since the epoch, UTC).
    public var start: Int64 = 0
    /// How long the server held it (µs).
    public var duration: Int64 = 0
    public var status: Int = 0
    public var command: ActiveSyncCommand = .other
    public var user = UnsafeRawBufferPointer(start: nil, count: 0)
    public var deviceID = UnsafeRawBufferPointer(start: nil, count: 0)
    public var deviceType = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The `Hb` log token in seconds, or -1.
    public var heartbeatSeconds: Int32 = -1
    /// Exchange's `Error:PingCollisionDetected` log token.
    public var pingCollision = false
    /// The HTTP method was OPTIONS.
    public var isOptions = false
    /// The time stamp's UTC offset in minutes where the line carries one, else nil.
    public var utcOffsetMinutes: Int? = nil

    public init() {}

    /// A Ping answered 409, or 200 with the collision token.
    @inlinable public var superseded: Bool {
        command == .ping && (status == 409 || (status == 200 && pingCollision))
    }

    /// The request as plain values (allocates Strings: not for the hot path).
    public var record: AccessLogRecord {
        AccessLogRecord(start: start, duration: duration, command: command, status: status,
                        user: Bytes.string(user), deviceID: Bytes.string(deviceID), deviceType: Bytes.string(deviceType),
                        heartbeatSeconds: heartbeatSeconds >= 0 ? Int(heartbeatSeconds) : nil,
                        pingCollision: pingCollision, method: isOptions ? "OPTIONS" : "POST")
    }
}

/// Why a line is not a request; one counter per case, and the first few examples shown.
public enum SkipReason: Int, CaseIterable, Sendable {
    case notActiveSync
    case directive
    case noFieldsHeader
    case tooFewFields
    case badTimeStamp
    case badStatus
    case badDuration
    case malformed
    case truncatedLastLine
    case outsideTimeWindow
    case emptyLine

    public var text: String {
        switch self {
        case .notActiveSync: return "not an ActiveSync request (path without Microsoft-Server-ActiveSync)"
        case .directive: return "IIS directive line (#…)"
        case .noFieldsHeader: return "no usable IIS #Fields: header (date, time, cs-uri-stem, sc-status, time-taken) before this line"
        case .tooFewFields: return "fewer fields than the layout needs"
        case .badTimeStamp: return "time stamp not readable (or outside 1990–2099)"
        case .badStatus: return "HTTP status not a number from 100 to 599"
        case .badDuration: return "duration not a non-negative number"
        case .malformed: return "not a line of this format"
        case .truncatedLastLine: return "truncated last line (no line end, not a whole request)"
        case .outsideTimeWindow: return "outside --from/--to"
        case .emptyLine: return "empty line"
        }
    }

    /// Short key for logs.json's `skippedByReason`.
    public var key: String {
        switch self {
        case .notActiveSync: return "notActiveSync"
        case .directive: return "directive"
        case .noFieldsHeader: return "noFieldsHeader"
        case .tooFewFields: return "tooFewFields"
        case .badTimeStamp: return "badTimeStamp"
        case .badStatus: return "badStatus"
        case .badDuration: return "badDuration"
        case .malformed: return "malformed"
        case .truncatedLastLine: return "truncatedLastLine"
        case .outsideTimeWindow: return "outsideTimeWindow"
        case .emptyLine: return "emptyLine"
        }
    }
}

/// What a parser made of one line.
public enum LineOutcome: Equatable {
    case request
    case skipped(SkipReason)
}
