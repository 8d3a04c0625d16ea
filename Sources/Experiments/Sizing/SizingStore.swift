import Foundation
import JSON5
import PushSim
import PushSimReports
import ScenarioFile

/// Where `pushsim size` keeps the values it has evaluated, laid out like sweep points:
///
/// ```
/// DIR/size-points.json               what the points belong to (scenario, --set, key, seed)
/// DIR/points/612/point.json          the value
/// DIR/points/612/r2/summary.json     replication 2 of server.threads = 612
/// ```
///
/// Each run is the sweep's own (`SweepRunner.runPoint`: the file, its --set overrides, then
/// the value; the scenario's seed; replication r), so a sweep over the same values gives
/// byte-identical summaries. A summary on disk is never run or written again, which makes an
/// interrupted or repeated search resume for free — even with other targets, another range
/// or more replications, since none of those changes what a run computes.
public struct SizingStore: Sendable {
    public var folder: String
    public var text: String
    public var file: String
    public var overrides: [ScenarioOverride]
    public var parameter: SizingParameter
    public var scenarioName: String
    public var identity: String
    public var seed: UInt64

    public init(folder: String, text: String, file: String, overrides: [ScenarioOverride], loaded: LoadedScenario,
                parameter: SizingParameter) {
        self.folder = folder
        self.text = text
        self.file = file
        self.overrides = overrides
        self.parameter = parameter
        scenarioName = loaded.scenario.name
        seed = loaded.scenario.seed
        identity = SweepRunner.plan(text: text, overrides: overrides, loaded: loaded, parameters: [], replications: 1).scenarioIdentity
    }

    var identityJSON: JSONText {
        .object([("scenario", .string(scenarioName)), ("identity", .string(identity)),
                 ("seed", .int(Int(truncatingIfNeeded: seed))), ("keyPath", .string(parameter.keyPath))])
    }

    /// Writes `size-points.json`, or checks that the folder's points are this search's. It is
    /// the first thing written, so an unwritable folder is found before any work.
    public func claim() throws {
        let path = folder + "/size-points.json"
        let mine = identityJSON.rendered()
        if let existing = AtomicFile.read(path) {
            guard existing == mine else {
                throw SweepError("\(folder) holds points of another search (another scenario text, --set, --seed or --find); choose another --out or remove it")
            }
            return
        }
        if AtomicFile.exists(folder + "/sweep.json") {
            throw SweepError("\(folder) holds a sweep; choose another --out for size")
        }
        try AtomicFile.write(mine, to: path)
    }

    public func summaryPath(_ value: Int64, replication: Int) -> String {
        "\(folder)/points/\(parameter.label(value))/r\(replication)/summary.json"
    }

    /// The summaries of `values`, replications 0 ..< `replications` each, running on up to
    /// `jobs` threads the runs that are not on disk yet. Returns each value's scalars per
    /// replication and how many runs it made.
    public func evaluate(_ values: [Int64], replications: Int, jobs: Int,
                         memoryRefusal: (@Sendable (MemoryEstimate, Int) -> String?)? = nil,
                         progress: ProgressSink = .silent) throws -> (scalars: [[SummaryScalarPaths]], ran: Int) {
        let plan = SweepPlan(scenarioName: scenarioName, scenarioIdentity: identity,
                             parameters: [SweepParameter(keyPath: parameter.keyPath, values: values.map(parameter.json5),
                                                         labels: values.map(parameter.label))],
                             replications: replications, seed: seed)
        let todo = (0..<plan.itemCount).filter {
            let (point, r) = plan.item($0)
            return !AtomicFile.exists(summaryPath(values[point], replication: r))
        }
        if let memoryRefusal, !todo.isEmpty {
            let waiting = Set(todo.map { plan.item($0).point })
            var largest: (estimate: MemoryEstimate, value: Int64)?
            for point in waiting.sorted() {
                let estimate = try SweepRunner.loadPoint(plan, point: point, text: text, file: file, overrides: overrides).memoryEstimate
                if largest.map({ estimate.bytes > $0.estimate.bytes }) ?? true { largest = (estimate, values[point]) }
            }
            if let largest, let sentence = memoryRefusal(largest.estimate, min(jobs, todo.count)) {
                throw SweepError("\(parameter.keyPath) = \(parameter.label(largest.value)) \(sentence); the search stopped before running it "
                                 + "(the values evaluated so far stay in \(folder)/points): give --range with a smaller top, fewer --jobs or --max-memory")
            }
        }
        let done = SerialCounter()
        _ = try parallelMap(count: todo.count, jobs: jobs) { [self] k -> Int in
            let (point, r) = plan.item(todo[k])
            let result = try SweepRunner.runPoint(plan, point: point, replication: r, text: text, file: file, overrides: overrides)
            let value = values[point]
            try AtomicFile.write(JSONText.object([("values", .object([(parameter.keyPath, .string(parameter.label(value)))]))]).rendered(),
                                 to: "\(folder)/points/\(parameter.label(value))/point.json")
            try AtomicFile.write(result.summary.jsonText, to: summaryPath(value, replication: r))
            progress.itemFinished(done.next(), todo.count, result.timing.events, result.summary.simulatedSeconds)
            return result.timing.events
        }
        let scalars = try values.map { value in
            try (0..<replications).map { r -> SummaryScalarPaths in
                let path = summaryPath(value, replication: r)
                guard let text = AtomicFile.read(path) else { throw SweepError("missing \(path)") }
                return try SummaryScalarPaths(jsonText: text)
            }
        }
        return (scalars, todo.count)
    }
}
