/// Writes requests as lines of one log format: what `pushsim logs` reads back with the same
/// values, to the format's resolution. Each line is what the real server writes:
///
/// - iis: Exchange's W3C layout (`fieldsHeader` names the columns); stamp = the end in whole
///   seconds, `time-taken` in ms; `Log=` holds `Hb<seconds>` and `Error:PingCollisionDetected`.
/// - apache: combined + `%D`; stamp = the start in whole seconds, duration in µs.
/// - nginx: combined + `$request_time`; stamp = the end in whole seconds, duration in s (ms).
/// - domino: Traveler's request line (`/servlet/traveler/Microsoft-Server-ActiveSync?User=…`)
///   in the combined layout + ms; stamp = the start in whole seconds.
/// - zpush: Z-Push's request line; stamp = the end in whole seconds, `time='…s'` (ms).
///
/// A round trip is exact when starts (apache, domino) or ends (the others) fall on whole
/// seconds and durations on the format's unit. Lines have no line end.
public struct AccessLogWriter: Sendable {
    public var format: LogFormat
    /// Write the query in MS-ASHTTP's base64 form (as iOS sends it) instead of plain text.
    public var base64Query: Bool

    public init(format: LogFormat, base64Query: Bool = false) {
        self.format = format
        self.base64Query = base64Query
    }

    /// The IIS columns the writer fills, in order.
    public static let iisFields = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken"

    /// The lines that open a log (IIS directives ending with `#Fields:`), each without a line
    /// end; empty for formats without a header. `start` goes into `#Date:`.
    public func header(start: Int64) -> [String] {
        guard format == .iis else { return [] }
        return ["#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0",
                "#Date: \(LogTime.text(start))", "#Fields: \(Self.iisFields)"]
    }

    /// One request as a line of the format.
    public func line(_ r: AccessLogRecord) -> String {
        switch format {
        case .iis:
            let end = LogTime.text(r.end)
            let query = self.query(r, withLog: true)
            return "\(end) 10.0.0.1 \(r.method) /Microsoft-Server-ActiveSync/default.eas \(query.isEmpty ? "-" : query) 443 "
                + "\(r.user.isEmpty ? "-" : Self.escaped(r.user)) 192.0.2.10 Apple-iPhone/1402.100 \(r.status) 0 0 \(r.duration / 1_000)"
        case .apache:
            return combined(r, stamp: r.start, path: "/Microsoft-Server-ActiveSync") + " \(r.duration)"
        case .nginx:
            return combined(r, stamp: r.end, path: "/Microsoft-Server-ActiveSync") + " " + Self.seconds(r.duration)
        case .domino:
            return combined(r, stamp: r.start, path: "/servlet/traveler/Microsoft-Server-ActiveSync") + " \(r.duration / 1_000)"
        case .zpush:
            let c = LogTime.civil(r.end)
            let stamp = "\(LogTime.pad(c.day))/\(LogTime.pad(c.month))/\(c.year) \(LogTime.pad(c.hour)):\(LogTime.pad(c.minute)):\(LogTime.pad(c.second))"
            let cmd = r.command == .options ? "" : r.command.name
            return "\(stamp) [4242] [INFO] [\(r.user)] cmd='\(cmd)' memory='2.10 MiB/2.50 MiB' time='\(Self.seconds(r.duration))s' "
                + "devType='\(r.deviceType)' devId='\(r.deviceID)' getUser='\(r.user)' from='192.0.2.10' idle='0s' "
                + "version='2.7.1' method='\(r.method)' httpcode='\(r.status)'"
        }
    }

    private func combined(_ r: AccessLogRecord, stamp: Int64, path: String) -> String {
        let c = LogTime.civil(stamp)
        let month = LogTime.monthNames[c.month - 1].description
        let time = "\(LogTime.pad(c.day))/\(month)/\(c.year):\(LogTime.pad(c.hour)):\(LogTime.pad(c.minute)):\(LogTime.pad(c.second)) +0000"
        let query = self.query(r, withLog: false)
        let uri = query.isEmpty ? path : path + "?" + query
        let user = r.user.isEmpty ? "-" : r.user
        return "192.0.2.10 - \(user) [\(time)] \"\(r.method) \(uri) HTTP/1.1\" \(r.status) 512 \"-\" \"Apple-iPhone/1402.100\""
    }

    /// The query: base64 or `User=…&DeviceId=…&DeviceType=…&Cmd=…` (no `Cmd` for OPTIONS, as
    /// iOS sends it), then Exchange's `Log=`.
    func query(_ r: AccessLogRecord, withLog: Bool) -> String {
        var q: String
        if base64Query && r.command.code < 23 {
            q = Self.base64(r)
        } else {
            q = "User=\(Self.escaped(r.user))&DeviceId=\(Self.escaped(r.deviceID))&DeviceType=\(Self.escaped(r.deviceType))"
            if r.command != .options { q += "&Cmd=\(r.command.name)" }
        }
        if withLog && (r.heartbeatSeconds != nil || r.pingCollision) {
            var tokens = ["V161"]
            if let h = r.heartbeatSeconds { tokens.append("Hb\(h)") }
            if r.pingCollision { tokens.append("Error:PingCollisionDetected") }
            q += (q.isEmpty ? "" : "&") + "Log=" + tokens.joined(separator: "_") + "_"
        }
        return q
    }

    /// The base64-encoded query of MS-ASHTTP §2.2.1.1.1.1 for `r`: version 16.1, command
    /// code, locale 0x0409, device ID, no policy key, device type, and the User parameter.
    public static func base64(_ r: AccessLogRecord) -> String {
        let id = Array(r.deviceID.utf8.prefix(255)), type = Array(r.deviceType.utf8.prefix(255)), user = Array(r.user.utf8.prefix(255))
        var bytes: [UInt8] = [161, r.command.code, 0x09, 0x04, UInt8(id.count)] + id + [0, UInt8(type.count)] + type
        if !user.isEmpty { bytes += [8, UInt8(user.count)] + user }
        return Base64.encode(bytes)
    }

    /// Percent-escapes what a query value or an IIS field cannot hold as is.
    static func escaped(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "@"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// µs as seconds with three decimals ("45.310").
    static func seconds(_ micros: Int64) -> String {
        let ms = (micros + 500) / 1_000
        let frac = ms % 1_000
        return "\(ms / 1_000)." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + "\(frac)"
    }
}
