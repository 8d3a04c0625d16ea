import Charts
import DiscreteEvent
import PushSim

/// The key metrics of a run across its replications, with the mean and its 95 % confidence
/// interval (Student's t over the replications, which are independent by construction).
///
/// Each row is a catalog path (or a derived figure's, ``DerivedMetrics``): its name is the
/// catalog's label, its value read from the summary, its format chosen by its unit.
enum ReplicationFigures {
    struct Row: Sendable {
        var metric: ReportMetric
        /// The name inside a sentence, or nil to leave the metric out of the finding.
        var inSentence: String?

        var name: String { metric.label }

        /// The overall figure of one replication; NaN when it does not exist (a hole the
        /// interval skips over, "—" in the table).
        func value(_ s: Summary) -> Double { metric.value(in: s.overall) ?? .nan }

        func format(_ x: Double) -> String { ReportText.format(x, unit: metric.unit) }
    }

    /// The rows: catalog (or derived) paths, and the name in the finding's sentence.
    static let paths: [(path: String, inSentence: String?)] = [
        ("pings.share409", "409 share"),
        ("threads.mean", nil),
        ("threads.p99", "threads p99"),
        ("threads.max", nil),
        ("threads.fullFraction", nil),
        ("refused", nil),
        ("pings.lost", nil),
        ("pings.lostShare", nil),
        ("pushLatency.p50", nil),
        ("pushLatency.p95", "push latency p95"),
        ("battery.percentPerDay", "battery"),
        ("battery.joulesPerDeviceDay", nil),
        ("syncs.total", nil),
    ]

    static let metrics: [Row] = paths.compactMap { p in ReportMetric.named(p.path).map { Row(metric: $0, inSentence: p.inSentence) } }

    /// Replications are listed one per column up to this many; beyond it only min and max.
    static let maxColumns = 6

    static func interval(_ metric: Row, _ replications: [Summary]) -> ConfidenceInterval {
        ConfidenceInterval(replications.map(metric.value))
    }

    /// The table, when there is more than one replication.
    static func table(_ replications: [Summary]) -> HTMLTable? {
        guard replications.count > 1 else { return nil }
        let perColumn = replications.count <= maxColumns
        var header = ["Metric"]
        header += perColumn ? replications.map { "Rep. \($0.replication)" } : ["Min", "Max"]
        header.append("Mean ± 95% CI")
        let rows = metrics.map { metric -> [String] in
            let values = replications.map(metric.value)
            var row = [metric.name]
            row += perColumn ? values.map(metric.format) : [metric.format(values.min() ?? 0), metric.format(values.max() ?? 0)]
            row.append(ReportText.withInterval(ConfidenceInterval(values), metric.format))
            return row
        }
        return HTMLTable(header: header, rows: rows,
                         caption: "\(replications.count) replications of the same scenario with independent random numbers; the interval is Student's t at 95%.",
                         alignments: [.left] + Array(repeating: .right, count: header.count - 1))
    }

    /// One sentence with the spread of the headline metrics.
    static func finding(_ replications: [Summary]) -> String? {
        guard replications.count > 1 else { return nil }
        let parts = metrics.compactMap { m in m.inSentence.map { "\($0) \(ReportText.withInterval(interval(m, replications), m.format))" } }
        return "Across \(replications.count) replications (mean ± 95% confidence interval): " + ReportText.list(parts) + "."
    }
}
