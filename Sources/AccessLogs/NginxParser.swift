/// nginx's combined layout with `$request_time` appended: the stamp (`$time_local`) is when
/// the answer was logged, so the request's end; the duration is in seconds with ms resolution.
final class NginxParser: LineParser {
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
        r.start = f.stamp - duration
        return .request
    }
}
