import AccessLogs

/// What a line of each format is made of, field by field, in `AccessLogWriter.line`'s order:
/// text that is the same on every line of a population and command (the names but the device
/// number, the command, the URL, the constant columns) and the fields that vary per request.
/// `LineBytes` merges adjacent texts into one run of bytes, so that a line is a few copies of
/// precomputed runs and the numbers between them.
enum LineField: Equatable {
    /// Bytes the same on every line of the population and command.
    case text(String)
    /// The stamp of the request's start or end (`LineBytes.putStamp`).
    case stamp(end: Bool)
    /// The device's number within its population (the `<k>` of its names).
    case number
    /// The HTTP status.
    case status
    /// The duration in µs (apache), in whole ms rounded down (iis, domino), or in seconds
    /// with three decimals rounded to the ms (nginx, zpush).
    case micros, millis, seconds
    /// Exchange's `&Log=V161_Hb<s>_Error:PingCollisionDetected_` tokens (iis), when any.
    case iisTokens
}

/// The names of a population's devices on one server, each followed on a line by the
/// device's number: `user` "iphone." (user `iphone.12`), `deviceID` "PS0x0x", `deviceType`
/// "iphone" (no number). ASCII needing no escapes (`LogNames.safe`).
struct LineNames: Equatable {
    var user: String
    var deviceID: String
    var deviceType: String
}

enum LineLayout {
    /// The fields of a line of `format` for a device of `names` sending `command` (Ping,
    /// Sync). Texts are not merged here; `merged` does that.
    static func fields(_ format: LogFormat, _ names: LineNames, command: String) -> [LineField] {
        let (user, id, type) = (names.user, names.deviceID, names.deviceType)
        switch format {
        case .iis:
            return [.stamp(end: true), .text(" 10.0.0.1 POST /Microsoft-Server-ActiveSync/default.eas User=" + user), .number,
                    .text("&DeviceId=" + id), .number, .text("&DeviceType=" + type + "&Cmd=" + command), .iisTokens,
                    .text(" 443 " + user), .number, .text(" 192.0.2.10 Apple-iPhone/1402.100 "), .status, .text(" 0 0 "), .millis]
        case .apache, .nginx, .domino:
            let path = format == .domino ? "/servlet/traveler/Microsoft-Server-ActiveSync" : "/Microsoft-Server-ActiveSync"
            let duration: LineField = format == .apache ? .micros : format == .nginx ? .seconds : .millis
            return [.text("192.0.2.10 - " + user), .number, .text(" ["), .stamp(end: format == .nginx),
                    .text("] \"POST " + path + "?User=" + user), .number, .text("&DeviceId=" + id), .number,
                    .text("&DeviceType=" + type + "&Cmd=" + command + " HTTP/1.1\" "), .status,
                    .text(" 512 \"-\" \"Apple-iPhone/1402.100\" "), duration]
        case .zpush:
            return [.stamp(end: true), .text(" [4242] [INFO] [" + user), .number,
                    .text("] cmd='" + command + "' memory='2.10 MiB/2.50 MiB' time='"), .seconds,
                    .text("s' devType='" + type + "' devId='" + id), .number, .text("' getUser='" + user), .number,
                    .text("' from='192.0.2.10' idle='0s' version='2.7.1' method='POST' httpcode='"), .status, .text("'")]
        }
    }

    /// `fields` with adjacent texts joined and empty ones dropped.
    static func merged(_ fields: [LineField]) -> [LineField] {
        var out: [LineField] = []
        for f in fields {
            if case .text(let t) = f {
                if t.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + t)
                    continue
                }
            }
            out.append(f)
        }
        return out
    }
}
