import DiscreteEvent
import PushSim
import PushSimReports
import ScenarioFile

/// `pushsim size`: the value of one parameter that meets every target, found by search
/// (`SizingSearch`) over runs stored like sweep points (`SizingStore`), written as
/// `size.json` and `report.html` into the folder.
public enum Sizing {
    /// What to search, already checked (`SizingParameter.resolve`, `MetricCatalog.check`).
    public struct Request: Sendable {
        public var text: String
        public var file: String
        public var overrides: [ScenarioOverride]
        public var loaded: LoadedScenario
        public var parameter: SizingParameter
        public var targets: [MetricTarget]
        public var direction: SizingDirection
        public var replications: Int
        public var jobs: Int
        public var folder: String
        /// Why the runs of one round cannot fit in memory (the largest value's estimate, run
        /// `concurrent` at a time), or nil when they fit; nil: no limit. Checked before each
        /// round runs anything, so a search that climbs out of memory stops with a sentence.
        public var memoryRefusal: (@Sendable (_ largest: MemoryEstimate, _ concurrent: Int) -> String?)?

        public init(text: String, file: String, overrides: [ScenarioOverride], loaded: LoadedScenario,
                    parameter: SizingParameter, targets: [MetricTarget], direction: SizingDirection,
                    replications: Int, jobs: Int, folder: String,
                    memoryRefusal: (@Sendable (_ largest: MemoryEstimate, _ concurrent: Int) -> String?)? = nil) {
            self.memoryRefusal = memoryRefusal
            self.text = text
            self.file = file
            self.overrides = overrides
            self.loaded = loaded
            self.parameter = parameter
            self.targets = targets
            self.direction = direction
            self.replications = max(1, replications)
            self.jobs = max(1, jobs)
            self.folder = folder
        }
    }

    public struct Outcome: Sendable {
        public var table: SizeTable
        /// Simulations run by this invocation (0 when every value was on disk).
        public var ran: Int
        public var found: Bool { table.answer != nil }
        /// The terminal line (or the no-value sentence).
        public var line: String { SizeFindings.line(table) }
    }

    /// Runs the search; writes `size.json` and `report.html` whole at the end.
    public static func run(_ r: Request, progress: ProgressSink = .silent) throws -> Outcome {
        let store = SizingStore(folder: r.folder, text: r.text, file: r.file, overrides: r.overrides,
                                loaded: r.loaded, parameter: r.parameter)
        try store.claim()
        var results: [Int: [SummaryScalarPaths]] = [:]
        var ran = 0
        let search = SizingSearch(last: r.parameter.lastIndex, direction: r.direction, width: r.jobs)
        let outcome = try search.run { indices in
            let (scalars, count) = try store.evaluate(indices.map(r.parameter.value(atIndex:)), replications: r.replications,
                                                      jobs: r.jobs, memoryRefusal: r.memoryRefusal, progress: progress)
            ran += count
            for (i, s) in zip(indices, scalars) { results[i] = s }
            return scalars.map { s in r.targets.allSatisfy { $0.isMet(by: figure($0.metric, s)?.mean) } }
        }
        let order = Dictionary(outcome.evaluated.enumerated().map { ($0.element.index, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let indices = results.keys.sorted()
        let points = indices.map { i -> SizePoint in
            let v = r.parameter.value(atIndex: i)
            let figures = r.targets.map { figure($0.metric, results[i]!) }
            return SizePoint(value: r.parameter.number(v), label: r.parameter.label(v), figures: figures,
                             meets: zip(r.targets, figures).map { $0.isMet(by: $1?.mean) }, order: order[i] ?? 0)
        }
        let position = Dictionary(indices.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let label = { (i: Int) in r.parameter.label(r.parameter.value(atIndex: i)) }
        let rules = RulesOfThumb.rules(r.parameter, loaded: r.loaded,
                                       points: indices.map { (r.parameter.value(atIndex: $0), results[$0]!) })
        let p = r.parameter
        let table = SizeTable(
            title: r.loaded.scenario.name, description: r.loaded.scenario.description, parameter: p.keyPath,
            isDuration: p.kind == .duration, direction: r.direction.rawValue, targets: r.targets, replications: r.replications,
            rangeLabels: (p.label(p.low), p.label(p.high)), resolutionLabel: p.label(p.step), points: points,
            answer: outcome.answer.flatMap { position[$0] }, next: outcome.next.flatMap { position[$0] },
            contradictions: outcome.contradictions.map { (label($0.meets), label($0.fails)) },
            scanned: outcome.scanned.map { "\(label($0.lowerBound)) to \(label($0.upperBound))" },
            scanSkipped: outcome.scanSkipped.map { "\(label($0.lowerBound)) to \(label($0.upperBound))" },
            rules: rules, clampNote: p.clampNote)
        try AtomicFile.writeAll([(r.folder + "/size.json", SizeJSON.render(table, parameter: p)),
                                 (r.folder + "/report.html", SizeReport.html(table))])
        return Outcome(table: table, ran: ran)
    }

    /// The mean and interval of `metric` over the replications; nil when any lacks it.
    static func figure(_ metric: String, _ replications: [SummaryScalarPaths]) -> ConfidenceInterval? {
        let values = replications.compactMap { $0.value(metric) }
        guard values.count == replications.count, !values.isEmpty else { return nil }
        return ConfidenceInterval(values)
    }
}
