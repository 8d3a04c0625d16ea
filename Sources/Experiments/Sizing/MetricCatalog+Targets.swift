import PushSim
import PushSimReports
import ScenarioFile

/// Checking `--target` and `--best` against the metric names of a scenario's summary
/// (`MetricCatalog(scenario:)`: the catalog's rows, overall, per population and per server
/// of a pool), so that every metric the summary writes (and only those) is accepted, with
/// no list to keep up to date.
extension MetricCatalog {
    /// Checks that every target names a number of the summary.
    ///
    /// - Throws: one line per unknown metric, with the closest known one when it is near:
    ///   `--target "pushLatency.p59 <= 60": unknown metric "pushLatency.p59"; did you mean "pushLatency.p95"?`
    public func check(_ targets: [MetricTarget], option: String = "--target") throws(SizingInputError) {
        var lines: [String] = []
        for target in targets where !contains(target.metric) {
            let hint = Suggestions.closest(to: target.metric, among: paths).map { "; did you mean \"\($0)\"?" }
                ?? "; a metric is the key path of a number in summary.json, such as threads.fullFraction, pushLatency.p95 or populations.<name>.battery.percentPerDay"
            lines.append("\(option) \"\(target.text)\": unknown metric \"\(target.metric)\" in summary.json\(hint)")
        }
        if !lines.isEmpty { throw SizingInputError(lines) }
    }
}
