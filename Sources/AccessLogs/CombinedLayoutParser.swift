/// The three formats built on the NCSA combined layout with a duration appended, which differ
/// only in what their time stamp marks and in the duration's unit (`LogFormat.stampsEnd`,
/// `LogFormat.defaultMicrosPerDurationUnit`):
/// - Apache httpd with `%D` (`LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\"
///   \"%{User-Agent}i\" %D"`): stamped when the request was received; whole µs.
/// - nginx with `$request_time`: `$time_local` is when the answer was logged, so the request's
///   end; seconds with ms resolution.
/// - Domino HTTP's extended common text log: the processing time in whole ms after the agent
///   (more fields may follow); stamped when the request was received.
/// `--time-unit` overrides the unit.
final class CombinedLayoutParser: LineParser {
    private let microsPerUnit: Int64
    private let stampIsEnd: Bool
    private let scratch = Scratch()
    private var f = CombinedLayout()

    init(microsPerUnit: Int64, stampIsEnd: Bool) {
        self.microsPerUnit = microsPerUnit
        self.stampIsEnd = stampIsEnd
    }

    func parse(_ b: UnsafeRawBufferPointer, into r: inout ParsedRequest) -> LineOutcome {
        if let reason = CombinedLayout.split(b, into: &f) { return .skipped(reason) }
        guard let duration = Bytes.decimal(b, from: f.durationStart, to: f.durationEnd, scale: microsPerUnit) else { return .skipped(.badDuration) }
        guard f.fill(b, into: &r, scratch: scratch) else { return .skipped(.notActiveSync) }
        r.logTime = f.stamp
        r.duration = duration
        r.start = stampIsEnd ? f.stamp - duration : f.stamp
        return .request
    }
}
