import DiscreteEvent

/// `sweep --best 'METRIC OP VALUE' … [--prefer smallest|largest]`: the best point is the
/// smallest (or largest) value of the first parameter whose means meet every target.
public struct SweepBestRule: Sendable {
    public enum Preference: String, Sendable, CaseIterable {
        case smallest, largest
    }

    public var targets: [MetricTarget]
    public var prefer: Preference

    public init(targets: [MetricTarget], prefer: Preference = .smallest) {
        self.targets = targets
        self.prefer = prefer
    }
}

/// How a sweep report picks its best point, and says so on the page.
///
/// - `--best` targets, or for a thread-count sweep the default "smallest meeting
///   threads.fullFraction <= 0.01": the preferred end among the points that meet them;
/// - a heartbeat sweep: the lowest battery among points whose p95 push latency is within
///   1.5× the lowest p95 of the sweep and that lose under 1 % of their Pings (a p95 hides
///   lost Pings when only a few mails wait for one, and a lost Ping is a wasted wake-up);
/// - anything else: the lowest battery among points that lose under 1 % of their Pings.
///
/// In every case a point whose value the server replaced (a heartbeat beyond its bounds) is
/// judged as what the server used and never chosen: the bound itself is the setting to give.
enum SweepChoice {
    case targets(SweepBestRule, stated: Bool)
    case latencyThenBattery
    case lostThenBattery

    static let latencyFactor = 1.5

    var isLostRule: Bool {
        if case .lostThenBattery = self { return true }
        return false
    }

    static func rule(for table: SweepTable) -> SweepChoice {
        if let rule = table.bestRule { return .targets(rule, stated: true) }
        guard let first = table.parameters.first else { return .lostThenBattery }
        let parts = first.split(separator: ".").map(String.init)
        if parts.last == "threads" {
            return .targets(SweepBestRule(targets: [MetricTarget(metric: "threads.fullFraction", relation: .atMost, value: 0.01)]), stated: false)
        }
        if parts.contains("heartbeat") { return .latencyThenBattery }
        return .lostThenBattery
    }

    /// The sentence that states the rule on the page.
    var statement: String {
        switch self {
        case .targets(let rule, let stated):
            let targets = ReportText.list(rule.targets.map(\.text))
            return "Rule for the best point\(stated ? " (--best)" : " (the default for a thread count)"): the \(rule.prefer.rawValue) value whose means over the replications meet \(targets)."
                + " A value the server replaces (a heartbeat beyond its bounds) is never chosen."
        case .latencyThenBattery:
            return "Rule for the best point (the default for a heartbeat): the lowest battery use among the points whose push latency p95 is within 1.5× the lowest of the sweep and whose lost-Ping share stays under 1%. A heartbeat beyond the server's bounds is judged as the bound the server uses, and never recommended over it."
        case .lostThenBattery:
            return "Rule for the best point: among the points whose lost-Ping share stays under 1%, the one with the lowest battery use per day. A lost Ping costs a radio wake-up and delays mail until the device notices, so a heartbeat that saves battery by losing Pings is a false saving."
        }
    }

    /// Short, for the card under the best value.
    var short: String {
        switch self {
        case .targets(let rule, _): return "\(rule.prefer.rawValue) meeting \(ReportText.list(rule.targets.map(\.text)))"
        case .latencyThenBattery: return "lowest battery, push latency p95 within 1.5× the best, lost Pings under 1%"
        case .lostThenBattery: return "lowest battery, lost Pings under 1%"
        }
    }

    var noneText: String {
        switch self {
        case .targets(let rule, _): return "no point meets \(ReportText.list(rule.targets.map(\.text)))"
        case .latencyThenBattery: return "no point has push latency p95 within 1.5× the best with lost Pings under 1%"
        case .lostThenBattery: return "no point keeps lost Pings under 1%"
        }
    }

    /// The best point, or nil when none qualifies.
    func best(_ d: SweepData) -> SweepPointStats? {
        let measured = d.stats.filter { $0.replications > 0 && !$0.point.isClamped }
        switch self {
        case .targets(let rule, _):
            let meeting = measured.filter { p in rule.targets.allSatisfy { $0.isMet(by: Self.mean($0.metric, p)) } }
            let ordered = meeting.sorted { (d.x($0) ?? Double($0.index), $0.index) < (d.x($1) ?? Double($1.index), $1.index) }
            return rule.prefer == .smallest ? ordered.first : ordered.last
        case .latencyThenBattery:
            guard let fastest = Self.lowestLatency(d) else { return nil }
            return measured.filter { $0.mean(.latencyP95) <= Self.latencyFactor * fastest && $0.mean(.battery).isFinite
                && $0.mean(.lostShare) < SweepFindings.lostLimit }
                .min { ($0.mean(.battery), $0.index) < ($1.mean(.battery), $1.index) }
        case .lostThenBattery:
            return measured.filter { $0.mean(.lostShare) < SweepFindings.lostLimit && $0.mean(.battery).isFinite }
                .min { ($0.mean(.battery), $0.index) < ($1.mean(.battery), $1.index) }
        }
    }

    /// The lowest push latency p95 among the points the server ran as written.
    static func lowestLatency(_ d: SweepData) -> Double? {
        d.stats.filter { $0.replications > 0 && !$0.point.isClamped && $0.mean(.latencyP95).isFinite }.map { $0.mean(.latencyP95) }.min()
    }

    /// The mean of `metric` over the point's replications: from the summaries when the
    /// table has them, else from the overall figures; nil when a replication lacks it.
    static func mean(_ metric: String, _ p: SweepPointStats) -> Double? {
        interval(metric, p)?.mean
    }

    static func interval(_ metric: String, _ p: SweepPointStats) -> ConfidenceInterval? {
        let values: [Double?]
        if !p.point.summaries.isEmpty {
            values = p.point.summaries.map { $0.value(metric) }
        } else {
            values = p.point.replications.map { f in f.scalars.first { $0.name == metric }?.value }
        }
        let present = values.compactMap { $0 }
        guard !present.isEmpty, present.count == values.count else { return nil }
        return ConfidenceInterval(present)
    }
}
