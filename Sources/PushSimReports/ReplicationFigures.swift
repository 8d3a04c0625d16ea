import Charts
import DiscreteEvent
import PushSim

/// The key metrics of a run across its replications, with the mean and its 95 % confidence
/// interval (Student's t over the replications, which are independent by construction).
enum ReplicationFigures {
    struct Metric: Sendable {
        var name: String
        /// The name inside a sentence, or nil to leave the metric out of the finding.
        var inSentence: String? = nil
        var value: @Sendable (Summary) -> Double
        var format: @Sendable (Double) -> String
    }

    static let metrics: [Metric] = [
        Metric(name: "409 share", inSentence: "409 share", value: { $0.overall.pings.share409 ?? .nan }, format: ReportText.share),
        Metric(name: "Threads held, mean", value: { $0.overall.threads.mean }, format: { ReportText.number($0) }),
        Metric(name: "Threads held, p99", inSentence: "threads p99", value: { $0.overall.threads.p99 ?? .nan }, format: { ReportText.number($0) }),
        Metric(name: "Threads held, max", value: { $0.overall.threads.max.map(Double.init) ?? .nan }, format: { ReportText.number($0) }),
        Metric(name: "Pool full (share of time)", value: { $0.overall.threads.fullFraction }, format: ReportText.share),
        Metric(name: "Refused (503)", value: { Double($0.overall.refused) }, format: { ReportText.number($0, decimals: 0) }),
        Metric(name: "Lost Pings", value: { Double($0.overall.pings.lost) }, format: { ReportText.number($0, decimals: 0) }),
        Metric(name: "Lost Pings (share)", value: { $0.overall.lostShare }, format: ReportText.share),
        Metric(name: "Push latency p50", value: { $0.overall.pushLatency.p50 ?? .nan }, format: ReportText.duration),
        Metric(name: "Push latency p95", inSentence: "push latency p95", value: { $0.overall.pushLatency.p95 ?? .nan }, format: ReportText.duration),
        Metric(name: "Battery per day", inSentence: "battery", value: { $0.overall.battery.percentPerDay ?? .nan }, format: ReportText.percentValue),
        Metric(name: "Joules per device-day", value: { $0.overall.battery.joulesPerDeviceDay ?? .nan }, format: { ReportText.number($0, decimals: 0) }),
        Metric(name: "Syncs", value: { Double($0.overall.syncs.total) }, format: { ReportText.number($0, decimals: 0) }),
    ]

    /// Replications are listed one per column up to this many; beyond it only min and max.
    static let maxColumns = 6

    static func interval(_ metric: Metric, _ replications: [Summary]) -> ConfidenceInterval {
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
