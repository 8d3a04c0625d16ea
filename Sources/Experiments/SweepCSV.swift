import DiscreteEvent
import PushSimReports
import PushSim

/// `sweep.csv`: one row per point and replication with every scalar metric, then a `mean`
/// and a `ci95` row per point (the half-width of the 95 % confidence interval across
/// replications). It is a pure function of the plan and the item summaries, so one machine,
/// N shards merged, or an interrupted run resumed all give the same bytes.
public enum SweepCSV {
    /// The metric columns, in order (the overall figures' scalars).
    public static let metricNames: [String] = Figures().scalars.map(\.name)

    /// Renders the table; `scalars(item)` gives an item's metric values in `metricNames` order.
    public static func render(_ plan: SweepPlan, scalars: (Int) throws -> [Double]) rethrows -> String {
        var out = (["point", "replication"] + plan.parameters.map(\.keyPath) + metricNames).map(CSVField.quoted).joined(separator: ",") + "\n"
        for point in 0..<plan.pointCount {
            let labels = plan.labels(ofPoint: point).map(CSVField.quoted)
            var columns: [[Double]] = Array(repeating: [], count: metricNames.count)
            for replication in 0..<plan.replications {
                let values = try scalars(point * plan.replications + replication)
                for (i, v) in values.enumerated() where i < columns.count { columns[i].append(v) }
                out += ([String(point), String(replication)] + labels + values.map(JSONText.format)).joined(separator: ",") + "\n"
            }
            let intervals = columns.map { ConfidenceInterval($0) }
            out += ([String(point), "mean"] + labels + intervals.map { JSONText.format($0.mean) }).joined(separator: ",") + "\n"
            out += ([String(point), "ci95"] + labels + intervals.map { JSONText.format($0.halfWidth) }).joined(separator: ",") + "\n"
        }
        return out
    }
}
