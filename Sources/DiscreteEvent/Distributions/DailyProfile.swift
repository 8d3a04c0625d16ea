/// How an activity's rate varies over the 24 hours of a day: one weight per hour,
/// normalised so the mean weight is 1 (so a daily rate keeps its meaning).
public struct DailyProfile: Hashable, Sendable {
    /// The 24 normalised hourly weights; their mean is 1.
    public let weights: [Double]

    /// Throws unless there are 24 non-negative finite weights, not all zero.
    public init(hourlyWeights: [Double]) throws {
        guard hourlyWeights.count == 24 else {
            throw DistributionError("a daily profile needs 24 hourly weights, found \(hourlyWeights.count)")
        }
        guard hourlyWeights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw DistributionError("hourly weights must be non-negative numbers")
        }
        let total = hourlyWeights.reduce(0, +)
        guard total > 0 else { throw DistributionError("hourly weights must not all be zero") }
        weights = hourlyWeights.map { $0 * 24 / total }
    }

    /// The same rate at every hour.
    public static let flat = try! DailyProfile(hourlyWeights: Array(repeating: 1, count: 24))

    /// An office day: quiet at night, peaks 08–10 and 13–16, a dip at lunch.
    public static let office = try! DailyProfile(hourlyWeights: [
        0.10, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 0.90, // 00–07
        2.20, 2.20, 1.60, 1.40, 0.80, 2.00, 2.00, 2.00, // 08–15
        1.40, 1.00, 0.70, 0.60, 0.50, 0.40, 0.30, 0.20, // 16–23
    ])
}

/// A non-homogeneous Poisson process whose rate is `perDay` shaped by a `DailyProfile`,
/// generated exactly by inverting its integrated rate hour by hour (no time step, no
/// thinning): the next arrival after t is the s with ∫ₜˢ λ = E, E ~ Exp(1).
///
/// A plain value with no references (its 24 rates are stored inline), so a model can keep
/// one per population in its event loop at no reference-counting cost.
public struct PoissonArrivals: Sendable, BitwiseCopyable {
    public let perDay: Double
    /// Arrivals per microsecond in each hour.
    @usableFromInline let hourlyRate: InlineArray<24, Double>

    public static let microsecondsPerHour: Int64 = 3_600_000_000
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    public init(perDay: Double, profile: DailyProfile) {
        precondition(perDay >= 0 && perDay.isFinite, "rate must be a non-negative number")
        self.perDay = perDay
        let weights = profile.weights
        hourlyRate = InlineArray { perDay * weights[$0] / Double(Self.microsecondsPerDay) }
    }

    /// The time of the next arrival after `time` (in microseconds), using one draw;
    /// `Int64.max` when the rate is zero.
    @inlinable
    public func next<R: RandomSource>(after time: Int64, _ random: inout R) -> Int64 {
        next(after: time, unitExponential: random.exponential(mean: 1))
    }

    /// The arrival after `time` for a given Exp(1) variate `e`.
    @inlinable
    public func next(after time: Int64, unitExponential e: Double) -> Int64 {
        var rates = hourlyRate
        return withUnsafeBytes(of: &rates) { raw in
            Self.next(after: time, unitExponential: e, perDay: perDay,
                      hourlyRates: raw.baseAddress!.assumingMemoryBound(to: Double.self))
        }
    }

    /// Arrivals per microsecond in each of the 24 hours.
    public var hourlyRates: [Double] { (0..<24).map { hourlyRate[$0] } }

    /// The arrival after `time` for an Exp(1) variate `e`, a daily rate and its 24 hourly
    /// rates per microsecond (as `hourlyRates` gives them). A model that keeps the rates in
    /// its own tables calls this, so nothing is copied per arrival.
    @inlinable
    public static func next(after time: Int64, unitExponential e: Double, perDay: Double,
                            hourlyRates rates: UnsafePointer<Double>) -> Int64 {
        if perDay <= 0 { return .max }
        var remaining = e
        var t = time
        // Whole days first: each contributes exactly `perDay` to the integrated rate.
        if remaining >= perDay {
            let days = Int64(remaining / perDay)
            remaining -= Double(days) * perDay
            t += days * microsecondsPerDay
        }
        while true {
            let hourOfDay = Int((t % microsecondsPerDay) / microsecondsPerHour)
            let hourEnd = (t / microsecondsPerHour + 1) * microsecondsPerHour
            let rate = rates[hourOfDay]
            if rate > 0 {
                let needed = remaining / rate
                if needed <= Double(hourEnd - t) {
                    let whole = Int64(needed)
                    return t + whole + (Double(whole) < needed ? 1 : 0)
                }
                remaining -= rate * Double(hourEnd - t)
            }
            t = hourEnd
        }
    }
}
