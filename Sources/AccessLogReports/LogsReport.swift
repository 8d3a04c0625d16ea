import AccessLogs
import Charts

/// `report.html` of a log, built like a run's report: headline cards, the Ping duration
/// histogram, concurrency over time, the 409 share by hour, the devices with the highest 409
/// share, and the per-command table. Same figures, same bytes.
public enum LogsReport {
    static let pingColor = "#0072B2", conflictColor = "#E69F00", levelColor = "#009E73", maxColor = "#D55E00"

    public static func html(_ f: LogFigures, files: [String], anonymizer: Anonymizer) -> String {
        var page = HTMLDocument(title: "Access log: " + (files.first.map { NSStringLike(text: $0).lastComponent } ?? "log"),
                                subtitle: "\(f.format.rawValue) · \(LogsText.count(f.requests)) ActiveSync requests · \(LogsText.time(f.spanStart)) to \(LogsText.time(f.spanEnd))",
                                footer: "PushSim log report · \(files.count) file\(files.count == 1 ? "" : "s") · format \(f.format.rawValue) (\(f.formatReason)). Times are the log's, in UTC.")
        let ping = f.commands.first { $0.command == .ping }
        page.cards([
            HTMLCard("409 share", value: LogsText.share(f.pings.share409), detail: "\(LogsText.count(f.pings.conflict409)) of \(LogsText.count(f.pings.total)) Pings"),
            HTMLCard("Ping mean", value: LogsText.seconds(ping?.duration.mean), detail: "p95 \(LogsText.seconds(ping?.duration.p95)) · max \(LogsText.seconds(ping?.duration.max))"),
            HTMLCard("Concurrency p99 / max", value: "\(LogsText.number(f.concurrency.p99, 0)) / \(f.concurrency.max.map(String.init) ?? "—")",
                     detail: "mean \(LogsText.number(f.concurrency.mean)) requests in progress"),
        ])
        page.cards([
            HTMLCard("Devices", value: LogsText.count(f.devices.count), detail: LogsText.plural(f.users, "user")),
            HTMLCard("Heartbeat", value: f.pings.heartbeatSeconds.map { NumberFormat.duration($0) } ?? "—", detail: f.pings.heartbeatSource ?? "not detected"),
            HTMLCard("Lines skipped", value: LogsText.count(f.skipped), detail: "of \(LogsText.count(f.lines)) lines"),
        ])

        page.section("How long Pings are held")
        if let ping, !ping.histogram.isEmpty {
            let total = Double(ping.count)
            let short = ping.histogram.filter { $0.high <= 0.001 }.reduce(0) { $0 + $1.count }
            page.figure(HistogramChart(title: "Ping duration", summary: "Distribution of Ping durations at the server.",
                                       bins: ping.histogram.filter { $0.high > 0.001 }.map { (max($0.low, 0.001), $0.high, Double($0.count) / total) },
                                       xAxis: Axis("time held", scale: .log10, format: .duration), yAxis: Axis("share of Pings", format: .percent),
                                       markers: [ReferenceLine(ping.duration.p50, label: "p50"), ReferenceLine(ping.duration.p95, label: "p95")], color: pingColor),
                        height: 320, caption: "Every Ping's duration, from the log's start and duration fields, on a log scale" + (short > 0 ? "; \(LogsText.plural(short, "Ping")) shorter than 1 ms not drawn." : "."))
        } else {
            page.note("The log holds no Ping.")
        }

        page.section("Requests in progress")
        page.paragraph("Each request is in progress from its start to its end; on a thread-per-request server (Notes Traveler, IIS with synchronous handlers) that is a thread held. The p99 and max are the threads this server needed.")
        if f.concurrency.series.count >= 2 {
            let s = f.concurrency.series
            let last = s[s.count - 1]
            let maxPoints = s.map { (x: $0.time, y: Double($0.max)) } + [(x: last.time + f.concurrency.binSeconds, y: Double(last.max))]
            let meanPoints = s.map { (x: $0.time, y: $0.mean) } + [(x: last.time + f.concurrency.binSeconds, y: last.mean)]
            let origin = s[0].time
            page.figure(LineChart(title: "Requests in progress", summary: "Maximum and mean requests in progress per interval.",
                                  xAxis: Axis("time since the log's start", format: .duration), yAxis: Axis("requests", includesZero: true),
                                  series: [.init("max in interval", points: maxPoints.map { ($0.x - origin, $0.y) }, interpolation: .stepAfter, color: maxColor),
                                           .init("mean in interval", points: meanPoints.map { ($0.x - origin, $0.y) }, interpolation: .stepAfter, color: levelColor)],
                                  showsLegend: true),
                        height: 320, caption: "Per \(NumberFormat.duration(f.concurrency.binSeconds)) interval, from \(LogsText.time(origin)).")
        } else {
            page.note("The log is too short for a chart over time.")
        }

        page.section("409 share by hour of day")
        let hours = f.hourly.filter { $0.pings > 0 }
        if !hours.isEmpty {
            page.figure(BarChart(title: "409 share by hour of day", summary: "Share of Pings answered 409, per hour of day.",
                                 // Two-digit hours under an axis title: 24 labels of "00:00" do not fit side by side.
                                 categories: f.hourly.map { String(format2($0.hour)) },
                                 series: [BarChart.Series("409 share", values: f.hourly.map { $0.share409 ?? 0 }, color: conflictColor)],
                                 valueAxis: Axis("409 share", format: .percent, includesZero: true), categoryAxisLabel: "hour of day",
                                 showsLegend: false),
                        height: 300, caption: "Hours \(f.utcOffsetMinutes == 0 ? "in UTC" : "at UTC\(offsetText(f.utcOffsetMinutes)), the log's own time zone"); all days of the log added together.")
        } else {
            page.note("No Ping, so no 409 share.")
        }
        page.table(HTMLTable(header: ["hour", "requests", "Pings", "409", "409 share", "concurrency mean", "concurrency max"],
                             rows: f.hourly.map { h in
                                 [format2(h.hour) + ":00", LogsText.count(h.requests), LogsText.count(h.pings), LogsText.count(h.conflict409),
                                  LogsText.share(h.share409), LogsText.number(h.concurrencyMean), h.concurrencyMax.map(String.init) ?? "—"]
                             }))

        page.section("Devices with the highest 409 share")
        let top = f.devices.filter { $0.pings > 0 }.sorted { ($0.share409 ?? 0, $0.pings) > ($1.share409 ?? 0, $1.pings) }.prefix(20)
        if !top.isEmpty {
            page.figure(BarChart(title: "409 share, top devices", summary: "The devices whose Pings end 409 most often.",
                                 categories: top.map { "\(anonymizer.device($0.deviceID)) (\($0.deviceType))" },
                                 series: [BarChart.Series("409 share", values: top.map { $0.share409 ?? 0 }, color: conflictColor)],
                                 orientation: .horizontal, valueAxis: Axis("409 share", format: .percent, maximum: 1), showsValueLabels: true, showsLegend: false),
                        height: 110 + 30 * top.count, caption: "Up to 20 devices with Pings, by 409 share. All devices are in devices.csv.")
            page.table(HTMLTable(header: ["user", "device", "type", "Pings", "409", "409 share", "Ping mean", "Syncs"],
                                 rows: top.map { d in
                                     [anonymizer.user(d.user), anonymizer.device(d.deviceID), d.deviceType, LogsText.count(d.pings), LogsText.count(d.conflict409),
                                      LogsText.share(d.share409), LogsText.seconds(d.pingMeanSeconds), LogsText.count(d.syncs)]
                                 }))
        } else {
            page.note("No device sent a Ping.")
        }

        page.section("Commands")
        page.table(HTMLTable(header: ["command", "count", "by status", "mean", "p50", "p95", "max"],
                             rows: f.commands.map { c in
                                 [c.command.name, LogsText.count(c.count), c.byStatus.map { "\($0.status): \(LogsText.count($0.count))" }.joined(separator: " · "),
                                  LogsText.seconds(c.duration.mean), LogsText.seconds(c.duration.p50), LogsText.seconds(c.duration.p95), LogsText.seconds(c.duration.max)]
                             }, caption: "Durations from the log; p50 and p95 within 0.8 %."))
        if !f.skippedExamples.isEmpty {
            page.section("Skipped lines")
            page.paragraph("\(LogsText.count(f.skipped)) of \(LogsText.count(f.lines)) lines are not ActiveSync requests and were skipped.")
            page.table(HTMLTable(header: ["file", "line", "reason"], rows: f.skippedExamples.map { [$0.file, String($0.line), $0.reason] }))
        }
        return page.render()
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func offsetText(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "−" : "+"
        let m = abs(minutes)
        return "\(sign)\(format2(m / 60)):\(format2(m % 60))"
    }
}

/// The last path component of a file name, without Foundation.
struct NSStringLike {
    let text: String
    var lastComponent: String { text.split(separator: "/").last.map(String.init) ?? text }
}
