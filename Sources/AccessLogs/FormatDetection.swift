/// Which format a log is, from its first lines, with the reason in words:
///
/// 1. an IIS directive (`#Software: Microsoft Internet Information Services`, `#Fields:`) → iis;
/// 2. a Z-Push request line (`cmd='…'` and `httpcode='…'`) → zpush;
/// 3. a combined line (`… [date] "request" status bytes "referer" "agent" N`): N with a
///    decimal point → nginx (`$request_time`, seconds); a whole number → domino when the URI is
///    Traveler's (`/servlet/traveler/`) or more fields follow N (Domino's extended log), else
///    apache (`%D`, µs).
///
/// The first line that decides wins; nil when none of the first lines does.
public enum FormatDetection {
    public static let linesExamined = 50

    public static func detect(_ lines: [[UInt8]], file: String) -> (format: LogFormat, reason: String)? {
        for (k, bytes) in lines.enumerated() {
            let where_ = "line \(k + 1) of \(file == "-" ? "standard input" : file)"
            let found: (LogFormat, String)? = bytes.withUnsafeBytes { b in
                if Bytes.matches("#Fields:", in: b, at: 0) { return (.iis, "an IIS #Fields: header on \(where_)") }
                if Bytes.matches("#Software: Microsoft Internet Information Services", in: b, at: 0) {
                    return (.iis, "an IIS #Software: directive on \(where_)")
                }
                if Bytes.find(" cmd='", in: b, from: 0, to: b.count) != nil && Bytes.find("httpcode='", in: b, from: 0, to: b.count) != nil {
                    return (.zpush, "a Z-Push request line (cmd='…' … httpcode='…') on \(where_)")
                }
                var f = CombinedLayout()
                guard CombinedLayout.split(b, into: &f) == nil, f.durationEnd > f.durationStart else { return nil }
                let token = Bytes.slice(b, f.durationStart, f.durationEnd)
                if token.contains(UInt8(ascii: ".")), Bytes.decimal(b, from: f.durationStart, to: f.durationEnd, scale: 1_000) != nil {
                    return (.nginx, "a combined line ending in a decimal number (nginx's $request_time, seconds) on \(where_)")
                }
                guard Bytes.integer(b, from: f.durationStart, to: f.durationEnd) != nil else { return nil }
                if Bytes.find("/servlet/traveler", in: b, from: f.uriStart, to: f.uriEnd) != nil {
                    return (.domino, "a combined line with a Traveler URI (/servlet/traveler/) and a whole number after the agent (Domino's ms) on \(where_)")
                }
                if f.hasMoreFields {
                    return (.domino, "a combined line with more fields after the whole number that follows the agent (Domino's extended log, ms) on \(where_)")
                }
                return (.apache, "a combined line ending in a whole number (Apache's %D, µs) on \(where_)")
            }
            if let found { return found }
        }
        return nil
    }
}
