import DiscreteEvent
import PushSim
import PushSimReports
import ScenarioFile

/// The metrics a target may name for a scenario: the scalar key paths of a summary that
/// the model itself produces for it, so that every metric the model writes (and only
/// those) is accepted, with no list to keep up to date.
///
/// The summary comes from a run of a miniature of the scenario: the same populations and
/// servers (which decide the summary's blocks), one simulated second after the warmup,
/// a device or so per server, no restarts. It takes milliseconds.
public struct MetricCatalog: Sendable {
    public let scalars: SummaryScalarPaths

    public init(scenario: Scenario) throws {
        var miniature = scenario
        for i in miniature.populations.indices { miniature.populations[i].count = max(1, scenario.servers.count) }
        for i in miniature.servers.indices { miniature.servers[i].restarts = [] }
        miniature.duration = scenario.warmup + .seconds(1)
        let summary = try Simulation.run(miniature, replication: 0).summary
        scalars = try SummaryScalarPaths(jsonText: summary.jsonText)
    }

    /// Checks that every target names a scalar of the summary.
    ///
    /// - Throws: one line per unknown metric, with the closest known one when it is near:
    ///   `--target "pushLatency.p59 <= 60": unknown metric "pushLatency.p59"; did you mean "pushLatency.p95"?`
    public func check(_ targets: [MetricTarget], option: String = "--target") throws(SizingInputError) {
        var lines: [String] = []
        for target in targets where !scalars.contains(target.metric) {
            let hint = Suggestions.closest(to: target.metric, among: scalars.paths).map { "; did you mean \"\($0)\"?" }
                ?? "; a metric is the key path of a number in summary.json, such as threads.fullFraction, pushLatency.p95 or populations.<name>.battery.percentPerDay"
            lines.append("\(option) \"\(target.text)\": unknown metric \"\(target.metric)\" in summary.json\(hint)")
        }
        if !lines.isEmpty { throw SizingInputError(lines) }
    }
}
