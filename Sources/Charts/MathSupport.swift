import Foundation

// Free functions so that type members named `log…` (e.g. `ScaleKind.log10`) can never shadow them.

/// Base-10 logarithm.
func log10Value(_ x: Double) -> Double { log10(x) }

/// 10^k; negative powers are computed as a division so that 10^-3 is the double nearest 0.001.
func pow10(_ k: Int) -> Double {
    k >= 0 ? pow(10.0, Double(k)) : 1.0 / pow(10.0, Double(-k))
}

/// x^y.
func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

func clamped<T: Comparable>(_ value: T, _ lower: T, _ upper: T) -> T {
    min(max(value, lower), upper)
}
