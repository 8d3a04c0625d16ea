/// Apache httpd with `%D` appended to the combined layout (`LogFormat "%h %l %u %t \"%r\" %>s %b
/// \"%{Referer}i\" \"%{User-Agent}i\" %D"`): the stamp is when the request was received, the
/// duration a whole number of µs (`--time-unit` overrides).
final class ApacheParser: LineParser {
    private let microsPerUnit: Int64
    private let scratch = Scratch()
    private var f = CombinedLayout()

    init(microsPerUnit: Int64) { self.microsPerUnit = microsPerUnit }

    func parse(_ b: UnsafeRawBufferPointer, into r: inout ParsedRequest) -> LineOutcome {
        if let reason = CombinedLayout.split(b, into: &f) { return .skipped(reason) }
        guard let duration = Bytes.decimal(b, from: f.durationStart, to: f.durationEnd, scale: microsPerUnit) else { return .skipped(.badDuration) }
        guard f.fill(b, into: &r, scratch: scratch) else { return .skipped(.notActiveSync) }
        r.logTime = f.stamp
        r.duration = duration
        r.start = f.stamp
        return .request
    }
}
