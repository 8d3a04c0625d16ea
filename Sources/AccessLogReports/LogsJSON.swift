import AccessLogs
import JSON5

/// `logs.json`: the log's figures under stable names, as `summary.json` writes a run's
/// (times in seconds, shares in 0…1, `null` where a figure does not exist).
public enum LogsJSON {
    public static func json(_ f: LogFigures) -> JSONText {
        func number(_ x: Double?) -> JSONText { x.map { .number($0) } ?? .null }
        func int(_ x: Int?) -> JSONText { x.map { .int($0) } ?? .null }
        let commands: [(String, JSONText)] = f.commands.map { c in
            (c.command.name, .object([
                ("count", .int(c.count)),
                ("byStatus", .object(c.byStatus.map { (String($0.status), .int($0.count)) })),
                ("duration", .object([("mean", .number(c.duration.mean)), ("p50", .number(c.duration.p50)),
                                      ("p95", .number(c.duration.p95)), ("max", .number(c.duration.max)),
                                      ("min", .number(c.duration.min))])),
            ]))
        }
        let hourly: [JSONText] = f.hourly.map { h in
            .object([("hour", .int(h.hour)), ("requests", .int(h.requests)), ("pings", .int(h.pings)),
                     ("conflict409", .int(h.conflict409)), ("superseded", .int(h.superseded)), ("share409", number(h.share409)),
                     ("observedSeconds", .number(h.observedSeconds)),
                     ("concurrencyMean", number(h.concurrencyMean)), ("concurrencyMax", int(h.concurrencyMax))])
        }
        return .object([
            ("format", .string(f.format.rawValue)),
            ("formatReason", .string(f.formatReason)),
            ("lines", .int(f.lines)),
            ("requests", .int(f.requests)),
            ("skipped", .int(f.skipped)),
            ("skippedByReason", .object(f.skippedByReason.map { ($0.reason.key, .int($0.count)) })),
            ("skippedExamples", .array(f.skippedExamples.map { .object([("file", .string($0.file)), ("line", .int($0.line)), ("reason", .string($0.reason))]) })),
            ("span", .object([("start", number(f.spanStart)), ("end", number(f.spanEnd)), ("seconds", f.spanStart == nil ? .null : .number(f.spanSeconds))])),
            ("hourUtcOffsetMinutes", .int(f.utcOffsetMinutes)),
            ("devices", .int(f.devices.count)),
            ("users", .int(f.users)),
            ("commands", .object(commands)),
            ("pings", .object([
                ("total", .int(f.pings.total)), ("conflict409", .int(f.pings.conflict409)), ("superseded", .int(f.pings.superseded)),
                ("share409", number(f.pings.share409)), ("shareSuperseded", number(f.pings.shareSuperseded)),
                ("heartbeatSeconds", number(f.pings.heartbeatSeconds)),
                ("heartbeatSource", f.pings.heartbeatSource.map { .string($0) } ?? .null),
            ])),
            ("concurrency", .object([("mean", number(f.concurrency.mean)), ("p99", number(f.concurrency.p99)),
                                     ("max", int(f.concurrency.max)), ("lateChanges", .int(f.concurrency.lateChanges))])),
            ("hourly", .array(hourly)),
        ])
    }
}
