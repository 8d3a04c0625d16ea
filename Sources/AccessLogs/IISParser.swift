/// W3C extended log (IIS, Exchange): columns named by the `#Fields:` header, in any order; a
/// new header (after a restart, or a changed configuration) applies from the next line on.
/// Uses `date`, `time` (UTC, the request's end), `cs-method`, `cs-uri-stem`, `cs-uri-query`,
/// `cs-username`, `sc-status` and `time-taken` (ms unless told otherwise). IIS writes spaces
/// inside a field as `+`, so fields are separated by single spaces.
final class IISParser: LineParser {
    private let microsPerUnit: Int64
    private let scratch = Scratch()
    /// Column of each field we use, -1 when the header lacks it.
    private var date = -1, time = -1, method = -1, stem = -1, query = -1, username = -1, status = -1, timeTaken = -1
    private var hasHeader = false
    /// The highest column we need + 1: splitting stops there.
    private var needed = 0
    /// Field boundaries of the current line (fixed storage: no exclusivity checks, no
    /// bounds checks on the hot path; a header with more columns is refused).
    private static let maxColumns = 64
    private let starts = UnsafeMutablePointer<Int>.allocate(capacity: maxColumns)
    private let ends = UnsafeMutablePointer<Int>.allocate(capacity: maxColumns)

    init(microsPerUnit: Int64) { self.microsPerUnit = microsPerUnit }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    func parse(_ b: UnsafeRawBufferPointer, into r: inout ParsedRequest) -> LineOutcome {
        let n = b.count
        if n > 0 && b[0] == UInt8(ascii: "#") {
            if Bytes.matches("#Fields:", in: b, at: 0) { header(b) }
            return .skipped(.directive)
        }
        guard hasHeader else { return .skipped(.noFieldsHeader) }
        // Split into space-separated fields up to the last one we use.
        var count = 0
        var i = 0
        while count < needed && i <= n {
            let e = Bytes.find(Bytes.space, in: b, from: i, to: n)
            starts[count] = i
            ends[count] = e
            count += 1
            i = e + 1
        }
        guard count == needed else { return .skipped(.tooFewFields) }
        guard ActiveSyncQuery.isActiveSyncPath(b, from: starts[stem], to: ends[stem]) else { return .skipped(.notActiveSync) }
        guard let day = LogTime.isoDate(b, at: starts[date]), ends[date] - starts[date] == 10,
              let clock = LogTime.timeOfDay(b, from: starts[time], to: ends[time]) else { return .skipped(.badTimeStamp) }
        guard let code = Bytes.integer(b, from: starts[status], to: ends[status]), code >= 100 && code < 600 else { return .skipped(.badStatus) }
        guard let taken = Bytes.integer(b, from: starts[timeTaken], to: ends[timeTaken]), taken < 1_000_000_000_000 / microsPerUnit else {
            return .skipped(.badDuration)
        }
        r = ParsedRequest()
        r.logTime = day * 86_400_000_000 + clock
        r.duration = taken * microsPerUnit
        r.start = r.logTime - r.duration
        r.status = Int(code)
        r.utcOffsetMinutes = 0
        if method >= 0 { r.isOptions = Bytes.equalsIgnoringCase(Bytes.slice(b, starts[method], ends[method]), "OPTIONS") }
        if username >= 0, ends[username] - starts[username] != 1 || b[starts[username]] != UInt8(ascii: "-") {
            r.user = Bytes.slice(b, starts[username], ends[username])
        }
        if query >= 0, ends[query] - starts[query] != 1 || b[starts[query]] != UInt8(ascii: "-") {
            ActiveSyncQuery.parse(b, from: starts[query], to: ends[query], into: &r, scratch: scratch)
        } else {
            r.command = .other
        }
        if r.isOptions && r.command == .other { r.command = .options }
        return .request
    }

    /// Reads `#Fields: date time ...` into column indices.
    private func header(_ b: UnsafeRawBufferPointer) {
        date = -1; time = -1; method = -1; stem = -1; query = -1; username = -1; status = -1; timeTaken = -1
        var column = 0
        var i = 8
        let n = b.count
        while i < n {
            while i < n && b[i] == Bytes.space { i += 1 }
            guard i < n else { break }
            let e = Bytes.find(Bytes.space, in: b, from: i, to: n)
            let name = Bytes.slice(b, i, e)
            if Bytes.equalsIgnoringCase(name, "date") { date = column }
            else if Bytes.equalsIgnoringCase(name, "time") { time = column }
            else if Bytes.equalsIgnoringCase(name, "cs-method") { method = column }
            else if Bytes.equalsIgnoringCase(name, "cs-uri-stem") { stem = column }
            else if Bytes.equalsIgnoringCase(name, "cs-uri-query") { query = column }
            else if Bytes.equalsIgnoringCase(name, "cs-username") { username = column }
            else if Bytes.equalsIgnoringCase(name, "sc-status") { status = column }
            else if Bytes.equalsIgnoringCase(name, "time-taken") { timeTaken = column }
            column += 1
            i = e + 1
        }
        hasHeader = date >= 0 && time >= 0 && stem >= 0 && status >= 0 && timeTaken >= 0 && column <= Self.maxColumns
        needed = ([date, time, method, stem, query, username, status, timeTaken].max() ?? -1) + 1
    }
}
