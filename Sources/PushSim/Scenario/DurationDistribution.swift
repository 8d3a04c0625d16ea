import DiscreteEvent

/// A distribution of durations: a constant, or one of the engine's distributions with
/// values in microseconds. Written in scenario files as `"50ms"` or as an object such as
/// `{exponential: {mean: "2m"}}`.
public struct DurationDistribution: Hashable, Sendable, CustomStringConvertible {
    /// The underlying distribution, in microseconds.
    public let distribution: Distribution

    public init(_ distribution: Distribution) { self.distribution = distribution }

    /// Always `value`.
    public static func constant(_ value: SimTime) -> DurationDistribution {
        DurationDistribution(.constant(Double(value.microseconds)))
    }
    /// Exponential with mean `mean`.
    public static func exponential(mean: SimTime) -> DurationDistribution {
        DurationDistribution(.exponential(mean: Double(mean.microseconds)))
    }
    /// Uniform between `min` and `max`.
    public static func uniform(min: SimTime, max: SimTime) -> DurationDistribution {
        DurationDistribution(.uniform(min: Double(min.microseconds), max: Double(max.microseconds)))
    }
    /// Lognormal with the given median and 95th percentile.
    public static func lognormal(median: SimTime, p95: SimTime) throws -> DurationDistribution {
        DurationDistribution(.lognormal(try LogNormal(median: Double(median.microseconds), p95: Double(p95.microseconds))))
    }
    /// One of several durations with weights (e.g. a mix of firewall timeouts).
    public static func choice(_ pairs: [(SimTime, Double)]) throws -> DurationDistribution {
        DurationDistribution(.choice(try WeightedChoice(pairs.map { (Double($0.0.microseconds), $0.1) })))
    }

    /// The mean duration.
    public var mean: SimTime { SimTime(microseconds: Int64(distribution.mean.rounded())) }

    public var description: String {
        func t(_ v: Double) -> String { SimTime(microseconds: Int64(v.rounded())).durationText }
        switch distribution {
        case .constant(let v): return t(v)
        case .exponential(let m): return "exponential(mean \(t(m)))"
        case .uniform(let a, let b): return "uniform(\(t(a))…\(t(b)))"
        case .lognormal(let l): return "lognormal(median \(t(l.median)), p95 \(t(l.p95)))"
        case .choice(let c): return "choice(" + zip(c.values, c.weights).map { "\(t($0)) × \($1)" }.joined(separator: ", ") + ")"
        }
    }
}
