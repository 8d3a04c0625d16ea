import DiscreteEvent
import Foundation
import JSON5
import PushSim
import PushSimReports
import ScenarioFile

/// Runs a sweep into a folder (see `SweepPlan` for the layout of the work):
///
/// ```
/// OUT/sweep.json                         the plan
/// OUT/points/p007/r2/summary.json        point 7, replication 2
/// OUT/sweep.csv, OUT/sweep-summary.csv, OUT/report.html   once every item is there
/// ```
///
/// **Resumable**: an item whose summary exists is never run or written again, and each
/// summary is written atomically, so a killed sweep loses only the items in flight and a
/// rerun finishes the rest. **Sharded**: `shard` runs a deterministic slice of the items;
/// `SweepMerge` combines shard folders. **Parallel**: items run on `jobs` threads; each item
/// is a deterministic single-threaded run, so the results do not depend on `jobs`.
public enum SweepRunner {
    public struct Outcome: Sendable {
        public var ran: Int
        public var skipped: Int
        /// Items of the whole sweep present in the folder.
        public var present: Int
        public var total: Int
        public var complete: Bool { present == total }
        public var events: Int
    }

    /// The plan for `loaded` (its file `text` and the `overrides` applied) varying `parameters`.
    public static func plan(text: String, overrides: [ScenarioOverride], loaded: LoadedScenario,
                            parameters: [SweepParameter], replications: Int) -> SweepPlan {
        var identity = fnv1aHex(text)
        for o in overrides { identity += ";" + o.text }
        return SweepPlan(scenarioName: loaded.scenario.name, scenarioIdentity: identity, parameters: parameters,
                         replications: replications, seed: loaded.scenario.seed)
    }

    /// Runs the items of `shard` (all when nil) that are not done yet.
    public static func run(_ plan: SweepPlan, text: String, file: String, overrides: [ScenarioOverride],
                           folder: String, jobs: Int, shard: Shard? = nil,
                           progress: ProgressSink = .silent) throws -> Outcome {
        try claim(folder, for: plan)
        let mine = plan.items(inShard: shard)
        let todo = mine.filter { !AtomicFile.exists(folder + "/" + plan.summaryPath($0)) }
        let done = SerialCounter()
        let events = try parallelMap(count: todo.count, jobs: jobs) { k -> Int in
            let item = todo[k]
            let (point, replication) = plan.item(item)
            let result = try runPoint(plan, point: point, replication: replication, text: text, file: file, overrides: overrides)
            try AtomicFile.write(pointDescription(plan, point).rendered(), to: "\(folder)/\(plan.pointFolder(point))/point.json")
            try AtomicFile.write(result.summary.jsonText, to: folder + "/" + plan.summaryPath(item))
            progress.itemFinished(done.next(), todo.count, result.timing.events, result.summary.simulatedSeconds)
            return result.timing.events
        }
        let present = (0..<plan.itemCount).filter { AtomicFile.exists(folder + "/" + plan.summaryPath($0)) }.count
        let outcome = Outcome(ran: todo.count, skipped: mine.count - todo.count, present: present,
                              total: plan.itemCount, events: events.reduce(0, +))
        if outcome.complete { try finish(plan, folder: folder) }
        return outcome
    }

    /// One replication of one point: the scenario at the point, with the plan's seed. Every
    /// run of a sweep (and of `pushsim size`, which stores its values the same way) goes
    /// through here, so the same value and replication give the same summary in both.
    public static func runPoint(_ plan: SweepPlan, point: Int, replication: Int, text: String, file: String,
                                overrides: [ScenarioOverride]) throws -> RunResult {
        var scenario = try loadPoint(plan, point: point, text: text, file: file, overrides: overrides)
        scenario.seed = plan.seed
        return try Simulation.run(scenario, replication: replication)
    }

    /// The scenario at one point: the file with the sweep's --set overrides, then the
    /// point's values.
    public static func loadPoint(_ plan: SweepPlan, point: Int, text: String, file: String,
                          overrides: [ScenarioOverride]) throws -> Scenario {
        let values = zip(plan.parameters, plan.valueIndices(ofPoint: point)).map {
            ScenarioOverride(keyPath: $0.keyPath, value: $0.values[$1])
        }
        return try ScenarioLoader.load(text: text, file: file, overrides: overrides + values).scenario
    }

    static func pointDescription(_ plan: SweepPlan, _ point: Int) -> JSONText {
        .object([("point", .int(point)),
                 ("values", .object(zip(plan.parameters, plan.labels(ofPoint: point)).map { ($0.keyPath, .string($1)) }))])
    }

    /// Writes `sweep.json`, or checks that the folder's plan is this one.
    static func claim(_ folder: String, for plan: SweepPlan) throws {
        let path = folder + "/sweep.json"
        if let existing = AtomicFile.read(path) {
            guard let other = try? SweepPlan(jsonText: existing), other == plan else {
                throw SweepError("\(folder) holds results of a different sweep (another scenario text, --set, "
                                 + "--vary, --replications or --seed); choose another --out or remove it")
            }
            return
        }
        try AtomicFile.write(plan.json.rendered(), to: path)
    }

    /// `sweep.csv`, `sweep-summary.csv` and `report.html` from every item's summary.
    public static func finish(_ plan: SweepPlan, folder: String) throws {
        var figures: [Int: Figures] = [:]
        var scalars: [Int: SummaryScalarPaths] = [:]
        for item in 0..<plan.itemCount {
            let path = folder + "/" + plan.summaryPath(item)
            guard let text = AtomicFile.read(path) else { throw SweepError("missing \(path)") }
            figures[item] = try Summary(jsonText: text).overall
            scalars[item] = try SummaryScalarPaths(jsonText: text)
        }
        let values: (Int) -> [Double] = { figures[$0]?.scalars.map(\.value) ?? [] }
        let points = (0..<plan.pointCount).map { point in
            let summaries = (0..<plan.replications).compactMap { scalars[point * plan.replications + $0] }
            return SweepPoint(values: plan.labels(ofPoint: point),
                              replications: (0..<plan.replications).compactMap { figures[point * plan.replications + $0] },
                              summaries: summaries, used: SweepUsedValues.used(plan, point: point, summaries: summaries))
        }
        let table = SweepTable(title: plan.scenarioName, description: "", parameters: plan.parameters.map(\.keyPath), points: points,
                               bestRule: SweepBestFile.read(folder))
        try AtomicFile.writeAll([(folder + "/sweep.csv", SweepCSV.render(plan, scalars: values)),
                                 (folder + "/sweep-summary.csv", SweepCSV.renderSummary(plan, scalars: values)),
                                 (folder + "/report.html", SweepReport.html(table))])
    }
}

/// Combines shard folders of one sweep into `output` (which may be one of them): every
/// item summary is copied as is, and `sweep.csv` is rendered from them, so the result is
/// byte for byte what one machine would have written.
public enum SweepMerge {
    public static func merge(_ inputs: [String], into output: String) throws -> SweepRunner.Outcome {
        guard let first = inputs.first else { throw SweepError("nothing to merge") }
        var plan: SweepPlan?
        for folder in inputs {
            guard let text = AtomicFile.read(folder + "/sweep.json") else { throw SweepError("\(folder) has no sweep.json: not a sweep folder") }
            let p = try SweepPlan(jsonText: text)
            if let plan, plan != p { throw SweepError("\(folder) belongs to a different sweep than \(first)") }
            plan = p
        }
        guard let plan else { throw SweepError("nothing to merge") }
        try SweepRunner.claim(output, for: plan)
        var copied = 0
        for item in 0..<plan.itemCount {
            let relative = plan.summaryPath(item)
            if AtomicFile.exists(output + "/" + relative) { continue }
            for folder in inputs where folder != output {
                if let text = AtomicFile.read(folder + "/" + relative) {
                    try AtomicFile.write(text, to: output + "/" + relative)
                    let (point, _) = plan.item(item)
                    try AtomicFile.write(SweepRunner.pointDescription(plan, point).rendered(),
                                         to: "\(output)/\(plan.pointFolder(point))/point.json")
                    copied += 1
                    break
                }
            }
        }
        let present = (0..<plan.itemCount).filter { AtomicFile.exists(output + "/" + plan.summaryPath($0)) }.count
        let outcome = SweepRunner.Outcome(ran: 0, skipped: copied, present: present, total: plan.itemCount, events: 0)
        if outcome.complete { try SweepRunner.finish(plan, folder: output) }
        return outcome
    }
}

/// FNV-1a of a text, as 16 hex digits (an identity, not a security hash).
func fnv1aHex(_ text: String) -> String {
    let hex = String(StreamKey.fnv1a(text), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
