import AccessLogs
import ScenarioFile

/// The options that say how to read an access log, shared by `pushsim logs` and
/// `pushsim calibrate` so that a log is read the same way by both.
enum LogReaderArguments {
    static let options: [OptionSpec] = [
        .value("format", "F", help: "iis, apache, nginx, domino or zpush (default: detected)."),
        .value("time-unit", "U", help: "Unit of the logged duration: ms, us or s (default: the format's)."),
        .value("from", "TIME", help: "Only requests starting at or after TIME (UTC)."),
        .value("to", "TIME", help: "Only requests starting before TIME (UTC)."),
    ]

    /// `--format`, `--time-unit`, `--from` and `--to` as reader options.
    static func parse(_ a: ParsedArguments) throws(UsageError) -> LogReader.Options {
        var options = LogReader.Options()
        if let f = a.value("format") {
            guard let format = LogFormat(rawValue: f) else {
                let hint = Suggestions.closest(to: f, among: LogFormat.allCases.map(\.rawValue)).map { "; did you mean \"\($0)\"?" } ?? ""
                throw UsageError("--format expects iis, apache, nginx, domino or zpush, found \"\(f)\"\(hint)")
            }
            options.format = format
        }
        if let u = a.value("time-unit") {
            switch u {
            case "ms": options.microsPerUnit = 1_000
            case "us", "µs": options.microsPerUnit = 1
            case "s": options.microsPerUnit = 1_000_000
            default: throw UsageError("--time-unit expects ms, us or s, found \"\(u)\"")
            }
        }
        for key in ["from", "to"] {
            guard let text = a.value(key) else { continue }
            guard let t = LogTime.parse(text) else {
                throw UsageError("--\(key) expects a UTC time such as 2024-03-01, 2024-03-01T12:00:00Z or seconds since 1970, found \"\(text)\"")
            }
            if key == "from" { options.from = t } else { options.to = t }
        }
        if let f = options.from, let t = options.to, t <= f { throw UsageError("--to must be later than --from") }
        return options
    }
}
