/// Z-Push's own log: the line it writes when a request ends,
///
///     01/03/2024 10:00:05 [12345] [INFO] [jdoe] cmd='Ping' memory='2.1 MiB/2.5 MiB' time='45.31s' devType='iPhone' devId='abc123' getUser='jdoe' from='10.0.0.5' idle='0s' version='2.7.1' method='POST' httpcode='200'
///
/// The stamp (`dd/mm/yyyy HH:MM:SS`, or `yyyy-mm-dd HH:MM:SS`) is the request's end, read as
/// UTC (Z-Push writes the server's local time and no offset); `time='…s'` is the duration in
/// seconds. Other Z-Push lines (debug, errors) are not requests. Every request line is an
/// ActiveSync request: Z-Push serves nothing else.
final class ZPushParser: LineParser {
    private let microsPerUnit: Int64
    private let scratch = Scratch()

    init(microsPerUnit: Int64) { self.microsPerUnit = microsPerUnit }

    /// The value of `key='…'` (the key includes `='`) after `from`; nil when absent.
    @inline(__always)
    private func value(_ key: StaticString, _ b: UnsafeRawBufferPointer, from: Int) -> (start: Int, end: Int)? {
        guard let at = Bytes.find(key, in: b, from: from, to: b.count) else { return nil }
        let start = at + key.utf8CodeUnitCount
        let end = Bytes.find(UInt8(ascii: "'"), in: b, from: start, to: b.count)
        return end < b.count ? (start, end) : nil
    }

    func parse(_ b: UnsafeRawBufferPointer, into r: inout ParsedRequest) -> LineOutcome {
        guard let cmd = value(" cmd='", b, from: 0) else { return .skipped(.malformed) }
        guard let code = value("httpcode='", b, from: cmd.end) else { return .skipped(.malformed) }
        guard let stamp = Self.stamp(b) else { return .skipped(.badTimeStamp) }
        guard let status = Bytes.integer(b, from: code.start, to: code.end), status >= 100 && status < 600 else { return .skipped(.badStatus) }
        guard let time = value("time='", b, from: cmd.end) else { return .skipped(.badDuration) }
        var timeEnd = time.end
        if timeEnd > time.start && b[timeEnd - 1] == UInt8(ascii: "s") { timeEnd -= 1 }
        guard let duration = Bytes.decimal(b, from: time.start, to: timeEnd, scale: microsPerUnit) else { return .skipped(.badDuration) }
        r = ParsedRequest()
        r.logTime = stamp
        r.duration = duration
        r.start = stamp - duration
        r.status = Int(status)
        r.utcOffsetMinutes = nil
        r.command = cmd.end > cmd.start ? ActiveSyncCommand(bytes: Bytes.slice(b, cmd.start, cmd.end)) : .other
        if let v = value("devType='", b, from: cmd.end) { r.deviceType = Bytes.slice(b, v.start, v.end) }
        if let v = value("devId='", b, from: cmd.end) { r.deviceID = Bytes.slice(b, v.start, v.end) }
        if let v = value("getUser='", b, from: cmd.end) { r.user = scratch.decoded(Bytes.slice(b, v.start, v.end), slot: 0) }
        if let v = value("method='", b, from: cmd.end) {
            r.isOptions = Bytes.equalsIgnoringCase(Bytes.slice(b, v.start, v.end), "OPTIONS")
            if r.isOptions && cmd.end == cmd.start { r.command = .options }
        }
        return .request
    }

    /// `dd/mm/yyyy HH:MM:SS` or `yyyy-mm-dd HH:MM:SS` at the line's start (µs, UTC).
    static func stamp(_ b: UnsafeRawBufferPointer) -> Int64? {
        guard b.count >= 19, b[10] == Bytes.space else { return nil }
        let day: Int64?
        if b[2] == UInt8(ascii: "/") && b[5] == UInt8(ascii: "/") {
            day = LogTime.days(year: Bytes.fourDigits(b, 6), month: Bytes.twoDigits(b, 3), day: Bytes.twoDigits(b, 0))
        } else {
            day = LogTime.isoDate(b, at: 0)
        }
        guard let d = day, let clock = LogTime.timeOfDay(b, from: 11, to: 19) else { return nil }
        return d * 86_400_000_000 + clock
    }
}
