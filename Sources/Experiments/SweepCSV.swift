import DiscreteEvent
import JSON5
import PushSimReports
import PushSim

/// The tables of a sweep, written so that `pandas.read_csv` or R's `read.csv` give one type
/// per column with no filtering:
///
/// - `sweep.csv`: one row per point and replication: `point` and `replication` (integers),
///   each varied parameter as a number (durations in seconds, like every other time; text
///   only when its values are not all numbers or all durations), its value as written in a
///   `<key>.label` column, then every scalar metric.
/// - `sweep-summary.csv`: one row per point: `point`, `replications`, the parameters as
///   above, then `<metric>.mean` and `<metric>.ci95` (the half-width of the 95 % Student-t
///   interval across replications; empty with one replication).
///
/// The metric columns are `MetricCatalog.sweepColumns`, in their column order. A figure
/// that does not exist (`null` in summary.json) is an empty cell, never a fake 0: pandas
/// and R read it as NaN / NA and keep the column numeric.
///
/// Both are pure functions of the plan and the item summaries, so one machine, N shards
/// merged, or an interrupted run resumed all give the same bytes.
public enum SweepCSV {
    /// The metric columns, in order (the overall figures' scalars).
    public static let metricNames: [String] = MetricCatalog.sweepColumns.map(\.path)

    /// A metric's cell: the number as summary.json writes it, empty where it does not exist.
    static func cell(_ x: Double) -> String { x.isFinite ? JSONText.format(x) : "" }

    /// `sweep.csv`; `scalars(item)` gives an item's metric values in `metricNames` order.
    public static func render(_ plan: SweepPlan, scalars: (Int) throws -> [Double]) rethrows -> String {
        var out = header(["point", "replication"] + parameterHeader(plan) + metricNames)
        for point in 0..<plan.pointCount {
            let parameters = parameterFields(plan, point: point)
            for replication in 0..<plan.replications {
                let values = try scalars(point * plan.replications + replication)
                out += ([String(point), String(replication)] + parameters + values.map(cell)).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// `sweep-summary.csv`: per point, the mean and 95 % half-width of every metric.
    public static func renderSummary(_ plan: SweepPlan, scalars: (Int) throws -> [Double]) rethrows -> String {
        var out = header(["point", "replications"] + parameterHeader(plan) + metricNames.flatMap { ["\($0).mean", "\($0).ci95"] })
        for point in 0..<plan.pointCount {
            var columns: [[Double]] = Array(repeating: [], count: metricNames.count)
            for replication in 0..<plan.replications {
                let values = try scalars(point * plan.replications + replication)
                for (i, v) in values.enumerated() where i < columns.count { columns[i].append(v) }
            }
            let intervals = columns.map { ConfidenceInterval($0) }
            let figures = intervals.flatMap { [cell($0.mean), halfWidth($0)] }
            out += ([String(point), String(plan.replications)] + parameterFields(plan, point: point) + figures).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `replications.csv` of `pushsim run --replications R`: one row per replication.
    public static func renderReplications(_ scalars: [[Double]]) -> String {
        var out = header(["replication"] + metricNames)
        for (r, values) in scalars.enumerated() {
            out += ([String(r)] + values.map(cell)).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `replications-summary.csv`: one row, the mean and 95 % half-width of every metric.
    public static func renderReplicationSummary(_ scalars: [[Double]]) -> String {
        let intervals = metricNames.indices.map { i in ConfidenceInterval(scalars.compactMap { i < $0.count ? $0[i] : nil }) }
        return header(["replications"] + metricNames.flatMap { ["\($0).mean", "\($0).ci95"] })
            + ([String(scalars.count)] + intervals.flatMap { [cell($0.mean), halfWidth($0)] }).joined(separator: ",") + "\n"
    }

    /// Empty where there is no spread to estimate (one replication), never a fake 0.
    static func halfWidth(_ interval: ConfidenceInterval) -> String {
        interval.count > 1 ? cell(interval.halfWidth) : ""
    }

    static func header(_ names: [String]) -> String { names.map(CSVField.quoted).joined(separator: ",") + "\n" }

    /// `<key>, <key>.label` for every parameter.
    static func parameterHeader(_ plan: SweepPlan) -> [String] {
        plan.parameters.flatMap { [$0.keyPath, $0.keyPath + ".label"] }
    }

    static func parameterFields(_ plan: SweepPlan, point: Int) -> [String] {
        zip(plan.parameters, plan.valueIndices(ofPoint: point)).flatMap { parameter, index in
            [parameterValues(parameter)[index], CSVField.quoted(parameter.labels[index])]
        }
    }

    /// Each value of `parameter` as its numeric column shows it: numbers as written,
    /// durations in seconds, when every value is one kind; else each label (quoted), so
    /// that the column keeps one type.
    static func parameterValues(_ parameter: SweepParameter) -> [String] {
        let numbers = parameter.values.map { value -> String? in
            guard case .number(let n) = value, n.double.isFinite else { return nil }
            return n.integer.map { String($0) } ?? JSONText.format(n.double)
        }
        if numbers.allSatisfy({ $0 != nil }) { return numbers.map { $0! } }
        let durations = parameter.values.map { value -> String? in
            guard case .string(let text) = value, let t = try? SimTime(parsing: text) else { return nil }
            return JSONText.format(t.seconds)
        }
        if durations.allSatisfy({ $0 != nil }) { return durations.map { $0! } }
        return parameter.labels.map(CSVField.quoted)
    }
}
