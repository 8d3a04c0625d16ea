import DiscreteEvent

/// Everything a run needs: the time span, the workload profile, the server(s) and the
/// device populations. Every field has the default of MODEL.md §2.
///
/// Build one in code, or load a JSON5 scenario file. `validate()` lists what is wrong;
/// `Simulation.run` refuses an invalid scenario with those problems.
public struct Scenario: Hashable, Sendable {
    public var name: String
    /// What question the scenario answers, for reports.
    public var description: String = ""
    public var seed: UInt64 = 1
    /// Simulated time, from 00:00 of day 0.
    public var duration: SimTime = .days(1)
    /// Metrics count only what happens after this.
    public var warmup: SimTime = .hours(1)
    /// Time-of-day shape of mail arrivals, user opens and outbox items.
    public var profile: DailyProfile = .flat
    /// The name of the profile, for reports (`flat`, `office`, or `custom`).
    public var profileName: String = "flat"
    /// Interval of `timeseries.csv`.
    public var sampleInterval: SimTime = .minutes(1)
    /// One server, or several (a pool).
    public var servers: [ServerConfig] = [ServerConfig()]
    public var populations: [Population]

    public init(name: String, populations: [Population]) {
        self.name = name
        self.populations = populations
    }

    /// The server, when there is one (a convenience for single-server scenarios).
    public var server: ServerConfig {
        get { servers[0] }
        set { servers[0] = newValue }
    }

    /// Total devices over all populations.
    public var deviceCount: Int { populations.reduce(0) { $0 + $1.count } }
}
