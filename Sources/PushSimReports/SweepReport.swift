import Charts

/// The report of a sweep: a self-contained page that shows in a minute which setting to
/// choose (lowest battery while lost Pings stay under 1 %) and how many threads to give
/// (10 % headroom at p99), with every metric's mean and 95 % confidence interval.
public enum SweepReport {
    /// The page for `table`. The same table gives the same bytes.
    public static func html(_ table: SweepTable) -> String {
        let d = SweepData(table)
        let best = SweepFindings.best(d)
        let replications = d.stats.map(\.replications)
        var page = HTMLDocument(title: table.title.isEmpty ? "PushSim sweep" : table.title, subtitle: subtitle(d),
                                footer: "PushSim sweep report · \(ReportText.plural(d.stats.count, "point")) · \(ReportText.plural(replications.reduce(0, +), "run")). Means over replications with 95% confidence intervals (Student's t).")
        if !table.description.isEmpty { page.paragraph(table.description) }
        page.keyFindings(SweepFindings.sentences(d))
        page.cards(cards(d, best: best))

        let shown = metrics(d)
        if !d.stats.isEmpty {
            page.section("Choosing the setting")
            page.paragraph("Each chart shows a metric's mean over the replications at every point, against \(d.xName)\(d.series.count > 1 ? ", one line per " + ReportText.list(Array(d.names.dropFirst())) : ""). The shaded band is the 95% confidence interval; where it is narrow, the difference between neighbouring points is real, not noise.")
            if !d.axis.isNumeric { page.note("The values of \(d.xName) are not numbers or durations, so the charts show bars in the order the sweep ran them, without confidence bands; the tables give the intervals.") }
            for metric in shown {
                page.figure(SweepCharts.chart(metric, d, best: best), height: 300, caption: caption(metric))
            }
            page.section("All points")
            let half = (shown.count + 1) / 2
            page.table(pointsTable(d, Array(shown.prefix(half)), best: best))
            page.table(pointsTable(d, Array(shown.dropFirst(half)), best: best))
        } else {
            page.note("The sweep has no points, so there is nothing to chart.")
        }
        ReportGlossary.add(to: &page, names: ["Heartbeat", "HTTP 409", "Lost Ping", "HTTP 503", "Held thread", "p50 / p95 / p99",
                                              "Push latency", "409 share", "Push latency p95", "Mail late after a lost Ping",
                                              "Battery per day", "95% confidence interval"])
        return page.render()
    }

    /// Every key metric, plus refusals and late mail when any point has them.
    static func metrics(_ d: SweepData) -> [SweepMetric] {
        SweepMetric.all.filter { metric in
            switch metric.key {
            case .refused, .lateMail: return d.stats.contains { ($0.mean(metric.key)) > 0 }
            default: return true
            }
        }
    }

    static func subtitle(_ d: SweepData) -> String {
        var parts: [String] = []
        if !d.table.parameters.isEmpty {
            parts.append("Varied: " + ReportText.list(zip(d.names, d.table.parameters).map { $0 == $1 ? $0 : "\($0) (\($1))" }))
        }
        let counts = Set(d.stats.map(\.replications)).sorted()
        let reps = counts.count == 1 ? ReportText.plural(counts[0], "replication") : "\(counts.first ?? 0)–\(counts.last ?? 0) replications"
        parts.append("\(ReportText.plural(d.stats.count, "point")) × \(reps)")
        return parts.joined(separator: " · ")
    }

    static func cards(_ d: SweepData, best: SweepPointStats?) -> [HTMLCard] {
        guard let best else {
            return [HTMLCard("Best point", value: NumberFormat.missing, detail: SweepChoice.rule(for: d.table).noneText),
                    HTMLCard("Points × replications", value: "\(d.stats.count) × \(d.stats.map(\.replications).max() ?? 0)")]
        }
        let rest = d.names.indices.dropFirst().map { "\(d.names[$0]) \(SweepData.value(best, $0))" }
        return [
            HTMLCard("Best \(d.xName)", value: d.names.isEmpty ? "point \(best.index + 1)" : d.xText(best),
                     detail: rest.isEmpty ? SweepChoice.rule(for: d.table).short : ReportText.list(rest)),
            HTMLCard("Battery there", value: ReportText.share(best.mean(.battery)), detail: "per device-day"),
            HTMLCard("Lost Pings there", value: ReportText.share(best.mean(.lostShare)), detail: "of Pings"),
            HTMLCard("Push latency p95 there", value: ReportText.duration(best.mean(.latencyP95)),
                     detail: "threads p99 \(ReportText.number(best.mean(.threadsP99), decimals: 0)) of \(ReportText.count(best.capacity))"),
        ]
    }

    static func caption(_ metric: SweepMetric) -> String {
        switch metric.key {
        case .battery: return "Radio energy per device and day as a share of battery capacity: fewer heartbeats, fewer radio wake-ups."
        case .lostShare: return "Pings that got no answer by heartbeat plus grace, as a share of Pings; the dashed line is the 1% limit of the best-point rule."
        case .latencyP95: return "Mail arrival to delivery, 95th percentile: lost Pings leave mail waiting until the device notices."
        case .lateMail: return "Share of mail delivered only after a lost Ping."
        case .share409: return "Pings answered 409 because the device abandoned them for a Sync, as a share of Pings."
        case .threadsP99: return "Threads held at the 99th percentile of time; size the pool with 10% headroom above it."
        case .threadsMean: return "Time-weighted mean of threads held."
        case .refused: return "Requests refused with 503 because no thread or queue place was free."
        case .syncs: return "Syncs sent by all devices in the measured window."
        }
    }

    /// Parameters, then each metric's mean ± 95 % CI, and which point the rule picks.
    static func pointsTable(_ d: SweepData, _ metrics: [SweepMetric], best: SweepPointStats?) -> HTMLTable {
        let header = (d.names.isEmpty ? ["Point"] : d.names) + metrics.map(\.title) + ["Runs", ""]
        let ordered = d.series.flatMap(\.points)
        let rows = ordered.map { p -> [String] in
            let values = d.names.isEmpty ? ["\(p.index + 1)"] : d.names.indices.map { SweepData.shown(p, $0) }
            return values + metrics.map { p.text($0) } + [String(p.replications), best?.index == p.index ? "◀ best" : ""]
        }
        let parameterColumns = max(d.names.count, 1)
        let alignments: [HTMLTable.Alignment] = Array(repeating: d.axis.isNumeric ? .right : .left, count: parameterColumns)
            + Array(repeating: .right, count: metrics.count + 1) + [.left]
        return HTMLTable(header: header, rows: rows, caption: "Mean ± 95% confidence interval over the replications of each point.",
                         alignments: alignments)
    }
}
