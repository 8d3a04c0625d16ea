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

    public init(title: String, description: String = "", parameters: [String], points: [SweepPoint]) {
        self.title = title
        self.description = description
        self.parameters = parameters
        self.points = points
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

    public init(values: [String], replications: [Figures]) {
        self.values = values
        self.replications = replications
    }
}
