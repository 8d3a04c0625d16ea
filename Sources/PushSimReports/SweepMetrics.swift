import Charts
import DiscreteEvent
import PushSim

/// A metric a sweep report charts and tabulates, read from a replication's scalars
/// (`Figures.scalars`, the same names as the columns of sweep.csv).
struct SweepMetric: Sendable {
    enum Key: Sendable, Hashable {
        case share409, threadsP99, threadsMean, lostShare, latencyP95, battery, syncs, refused, lateMail
    }

    let key: Key
    let title: String
    let axisLabel: String
    let format: ValueFormat
    /// Text for tables and findings.
    let text: @Sendable (Double) -> String
    let value: @Sendable (_ scalars: [String: Double]) -> Double

    /// Battery is read as a fraction so that it formats like every other share.
    static let all: [SweepMetric] = [
        SweepMetric(key: .battery, title: ReportGlossary.label("battery.percentPerDay"), axisLabel: "battery per device-day", format: .percent,
                    text: ReportText.share, value: { ($0["battery.percentPerDay"] ?? .nan) / 100 }),
        SweepMetric(key: .lostShare, title: "Lost Pings", axisLabel: "share of Pings lost", format: .percent,
                    text: ReportText.share, value: { ReportText.ratio($0["pings.lost"] ?? .nan, $0["pings.total"] ?? .nan) }),
        SweepMetric(key: .latencyP95, title: ReportGlossary.label("pushLatency.p95"), axisLabel: "push latency p95", format: .duration,
                    text: ReportText.duration, value: { $0["pushLatency.p95"] ?? .nan }),
        SweepMetric(key: .lateMail, title: ReportGlossary.label("pushLatency.afterLostPing"), axisLabel: "share of mail", format: .percent,
                    text: ReportText.share, value: { $0["pushLatency.afterLostPing"] ?? .nan }),
        SweepMetric(key: .share409, title: ReportGlossary.label("pings.share409"), axisLabel: "share of Pings", format: .percent,
                    text: ReportText.share, value: { $0["pings.share409"] ?? .nan }),
        SweepMetric(key: .threadsP99, title: ReportGlossary.label("threads.p99"), axisLabel: "threads", format: .number,
                    text: { ReportText.number($0) }, value: { $0["threads.p99"] ?? .nan }),
        SweepMetric(key: .threadsMean, title: ReportGlossary.label("threads.mean"), axisLabel: "threads", format: .number,
                    text: { ReportText.number($0) }, value: { $0["threads.mean"] ?? .nan }),
        SweepMetric(key: .refused, title: "Refused (503)", axisLabel: "requests", format: .number,
                    text: { ReportText.number($0) }, value: { ($0["pings.rejected503"] ?? .nan) + ($0["syncs.rejected503"] ?? .nan) }),
        SweepMetric(key: .syncs, title: ReportGlossary.label("syncs.total"), axisLabel: "Syncs", format: .number,
                    text: { ReportText.number($0, decimals: 0) }, value: { $0["syncs.total"] ?? .nan }),
    ]

    static func metric(_ key: Key) -> SweepMetric { all.first { $0.key == key }! }
}

/// One point's statistics: per metric, the mean and 95 % confidence interval over its
/// replications (nil when it has none).
struct SweepPointStats {
    let index: Int
    let values: [String]
    let replications: Int
    /// Pool size of the first replication (every replication of a point has the same).
    let capacity: Int
    /// The point as the table holds it (its summaries, the values the server used).
    let point: SweepPoint
    private let intervals: [SweepMetric.Key: ConfidenceInterval]

    init(index: Int, point: SweepPoint) {
        self.index = index
        self.point = point
        values = point.values
        replications = point.replications.count
        capacity = point.replications.first?.threads.capacity ?? 0
        let scalars = point.replications.map { Dictionary($0.scalars.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }) }
        var intervals: [SweepMetric.Key: ConfidenceInterval] = [:]
        if !scalars.isEmpty {
            for metric in SweepMetric.all { intervals[metric.key] = ConfidenceInterval(scalars.map(metric.value)) }
        }
        self.intervals = intervals
    }

    func interval(_ key: SweepMetric.Key) -> ConfidenceInterval? { intervals[key] }

    /// The mean, or NaN for a point without replications.
    func mean(_ key: SweepMetric.Key) -> Double { intervals[key]?.mean ?? .nan }

    /// "24.3% ± 0.2%", or "—" without replications.
    func text(_ metric: SweepMetric) -> String {
        guard let ci = intervals[metric.key], ci.mean.isFinite else { return NumberFormat.missing }
        return ReportText.withInterval(ci, metric.text)
    }
}
