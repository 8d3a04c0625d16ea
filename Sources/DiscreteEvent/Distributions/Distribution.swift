import Foundation

/// A distribution of non-negative values, sampled by inversion from any `RandomSource`.
///
/// The unit of the values is the caller's (the model uses microseconds). Every sample
/// uses at most one draw, and `constant` uses none.
public enum Distribution: Hashable, Sendable {
    /// Always the same value.
    case constant(Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Lognormal, described by its median and 95th percentile.
    case lognormal(LogNormal)
    /// One of a list of values, each with a weight.
    case choice(WeightedChoice)

    /// One sample.
    @inlinable
    public func sample<R: RandomSource>(_ random: inout R) -> Double {
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return random.exponential(mean: mean)
        case .uniform(let low, let high): return low + (high - low) * random.nextUnit()
        case .lognormal(let lognormal): return lognormal.sample(&random)
        case .choice(let choice): return choice.sample(&random)
        }
    }

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return mean
        case .uniform(let low, let high): return (low + high) / 2
        case .lognormal(let l): return exp(l.mu + l.sigma * l.sigma / 2)
        case .choice(let c): return c.mean
        }
    }

    /// The quantile at probability `p` (for the discrete `choice`, the smallest value whose
    /// cumulative weight reaches `p`).
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return -mean * log(1 - p)
        case .uniform(let low, let high): return low + (high - low) * p
        case .lognormal(let l): return exp(l.mu + l.sigma * NormalQuantile.of(p))
        case .choice(let c):
            let target = p * c.totalWeight
            let i = c.cumulative.firstIndex(where: { $0 >= target }) ?? c.values.count - 1
            return c.values[i]
        }
    }

    /// The smallest and largest values it can produce (the upper bound of an unbounded
    /// distribution is +∞).
    public var support: ClosedRange<Double> {
        switch self {
        case .constant(let value): return value...value
        case .exponential: return 0...Double.infinity
        case .uniform(let low, let high): return low...high
        case .lognormal: return 0...Double.infinity
        case .choice(let c): return c.values.min()!...c.values.max()!
        }
    }
}

/// Why a distribution's parameters are not acceptable.
public struct DistributionError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A lognormal distribution given by its median and 95th percentile, the way service times
/// are usually reported: μ = ln(median), σ = (ln(p95) − μ) / Φ⁻¹(0.95).
public struct LogNormal: Hashable, Sendable {
    public let median: Double
    public let p95: Double
    public let mu: Double
    public let sigma: Double

    /// Throws unless 0 < median ≤ p95.
    public init(median: Double, p95: Double) throws {
        guard median > 0, median.isFinite else { throw DistributionError("the median must be positive") }
        guard p95 >= median, p95.isFinite else { throw DistributionError("p95 must be at least the median") }
        self.median = median
        self.p95 = p95
        mu = log(median)
        sigma = (log(p95) - mu) / NormalQuantile.p95
    }

    @inlinable
    public func sample<R: RandomSource>(_ random: inout R) -> Double {
        exp(mu + sigma * NormalQuantile.of(random.nextOpenUnit()))
    }
}

/// A finite distribution: `values[i]` with probability `weights[i] / Σ weights`.
public struct WeightedChoice: Hashable, Sendable {
    public let values: [Double]
    public let weights: [Double]
    @usableFromInline let cumulative: [Double]
    @usableFromInline let totalWeight: Double

    /// Throws unless there is at least one value, weights are non-negative and not all zero.
    public init(_ pairs: [(value: Double, weight: Double)]) throws {
        guard !pairs.isEmpty else { throw DistributionError("a choice needs at least one value") }
        guard pairs.allSatisfy({ $0.weight >= 0 && $0.weight.isFinite }) else {
            throw DistributionError("weights must be non-negative numbers")
        }
        values = pairs.map(\.value)
        weights = pairs.map(\.weight)
        var running = 0.0
        cumulative = pairs.map { running += $0.weight; return running }
        totalWeight = running
        guard totalWeight > 0 else { throw DistributionError("weights must not all be zero") }
    }

    public var mean: Double { zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight }

    @inlinable
    public func sample<R: RandomSource>(_ random: inout R) -> Double {
        let target = random.nextUnit() * totalWeight
        for i in cumulative.indices where target < cumulative[i] { return values[i] }
        return values[values.count - 1]
    }
}
