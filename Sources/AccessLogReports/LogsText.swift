import AccessLogs
import Charts

/// Words and numbers shared by the terminal summary and the report.
public enum LogsText {
    public static func count(_ n: Int) -> String { NumberFormat.grouped(Double(n), maxFractionDigits: 0) }
    static func share(_ x: Double?) -> String { x.map { NumberFormat.percent($0, decimals: 1) } ?? "—" }
    static func seconds(_ x: Double?) -> String { x.map { NumberFormat.grouped($0, maxFractionDigits: $0 < 10 ? 3 : 1) + " s" } ?? "—" }
    static func number(_ x: Double?, _ decimals: Int = 2) -> String { x.map { NumberFormat.grouped($0, maxFractionDigits: decimals) } ?? "—" }
    static func time(_ seconds: Double?) -> String { seconds.map { LogTime.text(Int64(($0 * 1e6).rounded(.down))) + " UTC" } ?? "—" }
    static func span(_ seconds: Double) -> String { NumberFormat.durationCompound(seconds) }
    public static func plural(_ n: Int, _ word: String) -> String { "\(count(n)) \(word)\(n == 1 ? "" : "s")" }
}

/// The short summary `pushsim logs` prints.
public enum LogsSummary {
    public static func text(_ f: LogFigures) -> String {
        var lines: [String] = []
        lines.append("format       \(f.format.rawValue): \(f.formatReason)")
        lines.append("lines        \(LogsText.count(f.lines)), of which \(LogsText.count(f.skipped)) skipped")
        if let start = f.spanStart, let end = f.spanEnd {
            lines.append("requests     \(LogsText.count(f.requests)) from \(LogsText.plural(f.devices.count, "device")) of \(LogsText.plural(f.users, "user")), \(LogsText.time(start)) to \(LogsText.time(end)) (\(LogsText.span(f.spanSeconds)))")
        } else {
            lines.append("requests     0")
        }
        let ping = f.commands.first { $0.command == .ping }
        if f.pings.total > 0 {
            let hb = f.pings.heartbeatSeconds.map { ", heartbeat \(NumberFormat.grouped($0, maxFractionDigits: 0)) s (\(f.pings.heartbeatSource ?? ""))" } ?? ""
            lines.append("Pings        \(LogsText.count(f.pings.total)): 409 share \(LogsText.share(f.pings.share409)), superseded \(LogsText.share(f.pings.shareSuperseded)), mean \(LogsText.seconds(ping?.duration.mean))\(hb)")
        } else {
            lines.append("Pings        none")
        }
        if let sync = f.commands.first(where: { $0.command == .sync }) {
            lines.append("Syncs        \(LogsText.count(sync.count)): mean \(LogsText.seconds(sync.duration.mean)), p95 \(LogsText.seconds(sync.duration.p95))")
        }
        lines.append("concurrency  mean \(LogsText.number(f.concurrency.mean)), p99 \(LogsText.number(f.concurrency.p99, 0)), max \(f.concurrency.max.map(LogsText.count) ?? "—") requests in progress")
        var text = lines.joined(separator: "\n") + "\n"
        if !f.skippedExamples.isEmpty {
            let shown = f.skippedExamples.prefix(5)
            text += "skipped lines (the first \(shown.count); logs.json counts them by reason and lists \(f.skippedExamples.count)):\n"
            for e in shown { text += "  \(e.file):\(e.line): \(e.reason)\n" }
        }
        if f.concurrency.lateChanges > 0 {
            text += "note: \(LogsText.count(f.concurrency.lateChanges)) request starts or ends were more than 2 h out of time order; they were counted at the sweep's position\n"
        }
        return text
    }
}
