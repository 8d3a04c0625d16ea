import Foundation

/// The mean of a few independent replications and its 95 % confidence interval, by
/// Student's t distribution (replications of a simulation are i.i.d. by construction).
public struct ConfidenceInterval: Hashable, Sendable {
    public let mean: Double
    /// Half the width of the 95 % interval: the true mean lies in mean ± halfWidth with 95 %
    /// confidence. Zero for a single replication (no estimate of spread).
    public let halfWidth: Double
    public let count: Int

    public init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else {
            mean = 0
            halfWidth = 0
            return
        }
        let m = values.reduce(0, +) / Double(values.count)
        mean = m
        guard values.count > 1 else {
            halfWidth = 0
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
        halfWidth = StudentT.quantile975(degreesOfFreedom: values.count - 1) * (variance / Double(values.count)).squareRoot()
    }
}

/// Quantiles of Student's t distribution.
public enum StudentT {
    /// t₀.₉₇₅ with `n` degrees of freedom: exact table values to 30, then Hill's (1970)
    /// expansion of the t quantile in terms of the normal one (error below 10⁻⁵).
    public static func quantile975(degreesOfFreedom n: Int) -> Double {
        precondition(n >= 1, "degrees of freedom must be at least 1")
        let table: [Double] = [12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836,
                               2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
                               2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546,
                               2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447,
                               2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553,
                               2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456]
        if n <= table.count { return table[n - 1] }
        let z = 1.959963984540054
        let v = Double(n)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92_160 * v * v * v * v)
    }
}
