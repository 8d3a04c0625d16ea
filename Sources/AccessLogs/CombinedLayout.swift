/// The NCSA combined layout with a trailing duration, shared by apache, nginx and domino:
///
///     host ident user [dd/Mon/yyyy:HH:MM:SS ±hhmm] "METHOD URI HTTP/1.1" status bytes "referer" "agent" DURATION …
///
/// The user is whatever lies between the ident and the `[` (Domino user names may hold
/// spaces); quoted fields may hold `\"`. Anything after the duration is ignored.
struct CombinedLayout {
    var stamp: Int64 = 0
    var offsetMinutes = 0
    var user = UnsafeRawBufferPointer(start: nil, count: 0)
    var methodStart = 0, methodEnd = 0
    var uriStart = 0, uriEnd = 0
    var status = 0
    var durationStart = 0, durationEnd = 0
    /// Whether more fields follow the duration.
    var hasMoreFields = false

    /// The end of the quoted field whose opening quote is at `open`: the index of the closing
    /// quote, or nil.
    @inline(__always)
    static func closingQuote(_ b: UnsafeRawBufferPointer, after open: Int) -> Int? {
        var i = open + 1
        let n = b.count
        while true {
            i = Bytes.find(Bytes.quote, in: b, from: i, to: n)
            if i >= n { return nil }
            if b[i - 1] != UInt8(ascii: "\\") { return i }
            i += 1
        }
    }

    /// Splits `b`; on failure, the reason. Only the URI test and the numbers are checked here;
    /// each format reads the duration in its own unit.
    static func split(_ b: UnsafeRawBufferPointer, into f: inout CombinedLayout) -> SkipReason? {
        let n = b.count
        let hostEnd = Bytes.find(Bytes.space, in: b, from: 0, to: n)
        let open = Bytes.find(UInt8(ascii: "["), in: b, from: hostEnd, to: n)
        guard hostEnd < n, open < n, open > hostEnd + 1 else { return .malformed }
        let identEnd = Bytes.find(Bytes.space, in: b, from: hostEnd + 1, to: open)
        if identEnd + 1 < open - 1 {
            let u = Bytes.slice(b, identEnd + 1, open - 1)
            if !(u.count == 1 && u[0] == UInt8(ascii: "-")) { f.user = u } else { f.user = UnsafeRawBufferPointer(start: nil, count: 0) }
        } else {
            f.user = UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let close = Bytes.find(UInt8(ascii: "]"), in: b, from: open, to: n)
        guard close < n else { return .malformed }
        guard let t = LogTime.commonLog(b, at: open + 1, to: close) else { return .badTimeStamp }
        f.stamp = t.micros
        f.offsetMinutes = t.offsetMinutes
        let requestOpen = close + 2
        guard requestOpen < n, b[requestOpen] == Bytes.quote, let requestClose = closingQuote(b, after: requestOpen) else { return .malformed }
        f.methodStart = requestOpen + 1
        f.methodEnd = Bytes.find(Bytes.space, in: b, from: f.methodStart, to: requestClose)
        f.uriStart = min(f.methodEnd + 1, requestClose)
        f.uriEnd = Bytes.find(Bytes.space, in: b, from: f.uriStart, to: requestClose)
        // Status and bytes.
        let statusStart = requestClose + 2
        let statusEnd = Bytes.find(Bytes.space, in: b, from: statusStart, to: n)
        guard statusStart < n else { return .tooFewFields }
        guard let code = Bytes.integer(b, from: statusStart, to: statusEnd), code >= 100 && code < 600 else {
            return statusEnd - statusStart == 3 || statusStart >= n ? .badStatus : .malformed
        }
        f.status = Int(code)
        let bytesEnd = Bytes.find(Bytes.space, in: b, from: statusEnd + 1, to: n)
        // Referer and agent.
        var i = bytesEnd + 1
        for _ in 0..<2 {
            guard i < n, b[i] == Bytes.quote, let q = closingQuote(b, after: i) else { return .tooFewFields }
            i = q + 2
        }
        guard i < n else { return .tooFewFields }
        f.durationStart = i
        f.durationEnd = Bytes.find(Bytes.space, in: b, from: i, to: n)
        f.hasMoreFields = f.durationEnd < n
        return nil
    }

    /// Fills the request fields that all three formats share; the caller sets times.
    func fill(_ b: UnsafeRawBufferPointer, into r: inout ParsedRequest, scratch: Scratch) -> Bool {
        guard ActiveSyncQuery.isActiveSyncPath(b, from: uriStart, to: uriEnd) else { return false }
        r = ParsedRequest()
        r.status = status
        r.user = user
        r.utcOffsetMinutes = offsetMinutes
        r.isOptions = Bytes.equalsIgnoringCase(Bytes.slice(b, methodStart, methodEnd), "OPTIONS")
        let q = Bytes.find(UInt8(ascii: "?"), in: b, from: uriStart, to: uriEnd)
        if q < uriEnd { ActiveSyncQuery.parse(b, from: q + 1, to: uriEnd, into: &r, scratch: scratch) }
        if r.isOptions && r.command == .other { r.command = .options }
        return true
    }
}
