import PushSim

/// What a sweep measured: one row per point, each with the overall figures of every
/// replication. The input of `SweepReport`.
public struct SweepTable: Sendable {
    public var title: String
    /// What question the sweep answers, shown under the title.
    public var description: String
    /// The varied key paths, in order, e.g. `["populations.iphone.heartbeat.fixed"]`. The
    /// first is the x axis of every chart; the others split the points into series.
    public var parameters: [String]
    public var points: [SweepPoint]
    /// How to pick the best point (`sweep --best`); nil for the default of the first
    /// parameter (see `SweepChoice`).
    public var bestRule: SweepBestRule?

    public init(title: String, description: String = "", parameters: [String], points: [SweepPoint],
                bestRule: SweepBestRule? = nil) {
        self.title = title
        self.description = description
        self.parameters = parameters
        self.points = points
        self.bestRule = bestRule
    }
}

/// One point of a sweep.
public struct SweepPoint: Sendable {
    /// Display text of each parameter's value at this point, in `SweepTable.parameters`
    /// order, e.g. `["15m"]`. Durations ("5m", "350s", "1h30m") and plain numbers are placed
    /// on a numeric axis; anything else is treated as a category, in order of appearance.
    public var values: [String]
    /// Overall figures of each replication.
    public var replications: [Figures]
    /// Every scalar of each replication's summary.json by key path, for `--best` targets on
    /// any metric (populations, servers); when empty, targets read the overall figures.
    public var summaries: [SummaryScalarPaths]
    /// Per parameter, the value the server actually used when it differs from the one
    /// written (a heartbeat beyond the server's bounds: "15m"); nil where it is as written.
    public var used: [String?]

    public init(values: [String], replications: [Figures], summaries: [SummaryScalarPaths] = [], used: [String?] = []) {
        self.values = values
        self.replications = replications
        self.summaries = summaries
        self.used = used
    }

    /// Whether the server replaced any of the point's values.
    public var isClamped: Bool { used.contains { $0 != nil } }
}
