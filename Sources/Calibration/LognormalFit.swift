import Foundation

/// A lognormal fitted to durations by its moments in log space: the median e^m and the
/// 95th percentile e^(m + 1.645 s), with m and s² the mean and (population) variance of
/// ln(seconds). The one fit behind every Sync-work estimate, per device type and fleet-wide.
struct LognormalFit {
    var median: Double
    var p95: Double

    /// The fit of `count` durations whose logs sum to `logSum` and whose squared logs sum to
    /// `logSquares`; nil without any duration.
    init?(count: Int, logSum: Double, logSquares: Double) {
        guard count > 0 else { return nil }
        let mean = logSum / Double(count)
        let variance = max(0, logSquares / Double(count) - mean * mean)
        median = exp(mean)
        p95 = exp(mean + 1.6448536269514722 * variance.squareRoot())
    }
}
