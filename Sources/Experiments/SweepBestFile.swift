import DiscreteEvent
import Foundation
import JSON5
import PushSim
import PushSimReports

/// `best.json` in a sweep folder: the `--best` rule of the last `pushsim sweep`, so that
/// `pushsim report` and `pushsim merge` rebuild the report the sweep wrote. Absent when the
/// sweep used the default rule.
public enum SweepBestFile {
    static func path(_ folder: String) -> String { folder + "/best.json" }

    /// Writes the rule, or removes a stale one when `rule` is nil.
    public static func write(_ rule: SweepBestRule?, to folder: String) throws {
        guard let rule else {
            if AtomicFile.exists(path(folder)) { try FileManager.default.removeItem(atPath: path(folder)) }
            return
        }
        try AtomicFile.write(JSONText.object([
            ("targets", .array(rule.targets.map { .string($0.text) })),
            ("prefer", .string(rule.prefer.rawValue)),
        ]).rendered(), to: path(folder))
    }

    /// The rule in `folder`, or nil when there is none (or it cannot be read).
    public static func read(_ folder: String) -> SweepBestRule? {
        guard let text = AtomicFile.read(path(folder)), let root = try? JSON5.parse(text),
              let targets = root["targets"]?.value.arrayElements else { return nil }
        let parsed = targets.compactMap { $0.value.stringValue.flatMap { try? MetricTarget(parsing: $0) } }
        guard parsed.count == targets.count, !parsed.isEmpty else { return nil }
        let prefer = root["prefer"]?.value.stringValue.flatMap(SweepBestRule.Preference.init(rawValue:)) ?? .smallest
        return SweepBestRule(targets: parsed, prefer: prefer)
    }
}

/// What the server used at a sweep point, when it is not what the point wrote: a fixed
/// heartbeat beyond the server's bounds is answered Status 5 with the bound, and the
/// devices use the bound. Read from the summaries themselves (the heartbeats the devices
/// ended with), so it holds for whatever bounds the point's servers had.
enum SweepUsedValues {
    static func used(_ plan: SweepPlan, point: Int, summaries: [SummaryScalarPaths]) -> [String?] {
        guard let summary = summaries.first else { return [] }
        return zip(plan.parameters, plan.labels(ofPoint: point)).map { parameter, label -> String? in
            let parts = parameter.keyPath.split(separator: ".").map(String.init)
            guard parts.count == 4, parts[0] == "populations", parts[2] == "heartbeat", parts[3] == "fixed",
                  let written = try? SimTime(parsing: label) else { return nil }
            let prefix = "populations.\(parts[1]).heartbeat.final."
            let finals = summary.paths.filter { $0.hasPrefix(prefix) }.compactMap { Double($0.dropFirst(prefix.count)) }
            guard finals.count == 1, let seconds = finals.first else { return nil }
            let used = SimTime(microseconds: Int64((seconds * 1e6).rounded()))
            return used == written ? nil : used.durationText
        }
    }
}
