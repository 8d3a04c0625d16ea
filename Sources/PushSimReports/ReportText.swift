import Charts
import DiscreteEvent
import PushSim

/// How numbers read in the reports' sentences, cards and tables. Built on the Charts kit's
/// `NumberFormat`, so the text is locale-independent and deterministic.
enum ReportText {
    /// A figure as the reports write a figure of its unit ("—" when it does not exist): the
    /// one choice of format by unit, for cards and tables whose rows come from the catalog.
    /// Shares as percentages, seconds as durations, battery in percent, counts and joules
    /// whole, threads and queue lengths with one decimal.
    static func format(_ value: Double?, unit: MetricUnit) -> String {
        switch unit {
        case .share: share(value)
        case .seconds, .secondsPerDay: duration(value)
        case .percentPerDay: percentValue(value)
        case .count, .joulesPerDay: number(value, decimals: 0)
        case .threads, .requests: number(value)
        }
    }

    /// A share (0…1) as a percentage: one decimal, two below 1 % so that small shares do not
    /// all print as "0.0%", and "0%" for exactly zero.
    static func share(_ fraction: Double) -> String {
        guard fraction.isFinite else { return NumberFormat.missing }
        if fraction == 0 { return "0%" }
        return NumberFormat.percent(fraction, decimals: abs(fraction) < 0.01 ? 2 : 1)
    }

    /// A share that may not exist ("—" when it does not).
    static func share(_ fraction: Double?) -> String { share(fraction ?? .nan) }

    /// A duration that may not exist ("—" when it does not).
    static func duration(_ seconds: Double?) -> String { duration(seconds ?? .nan) }

    /// A value already in percent (battery %/day): two decimals below 1, one above.
    static func percentValue(_ percent: Double) -> String {
        guard percent.isFinite else { return NumberFormat.missing }
        if percent == 0 { return "0%" }
        return NumberFormat.fixed(percent, decimals: abs(percent) < 1 ? 2 : 1) + "%"
    }

    /// A value in percent that may not exist ("—" when it does not).
    static func percentValue(_ percent: Double?) -> String { percentValue(percent ?? .nan) }

    /// A count with thousands separators: "1,234".
    static func count(_ n: Int) -> String { NumberFormat.grouped(Double(n), maxFractionDigits: 0) }

    /// A count that may not exist ("—" when it does not).
    static func count(_ n: Int?) -> String { n.map { count($0) } ?? NumberFormat.missing }

    /// A quantity that may not exist ("—" when it does not).
    static func number(_ x: Double?, decimals: Int = 1) -> String { number(x ?? .nan, decimals: decimals) }

    /// A measured quantity with thousands separators and at most `decimals` decimals.
    static func number(_ x: Double, decimals: Int = 1) -> String { NumberFormat.grouped(x, maxFractionDigits: decimals) }

    /// Seconds for people: "0s", "452ms", "12.3s", "1m 30s", "15m", "1h 30m", "1d 6h".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return NumberFormat.missing }
        if seconds == 0 { return "0s" }
        if abs(seconds) < 1 { return NumberFormat.duration(seconds, maxDecimals: 0) }
        if abs(seconds) < 60 { return NumberFormat.duration(seconds, maxDecimals: 1) }
        return NumberFormat.durationCompound(seconds, maxParts: 2)
    }

    /// `part` of `whole` as a share, 0 when `whole` is 0.
    static func ratio(_ part: Double, _ whole: Double) -> Double { whole > 0 ? part / whole : 0 }

    /// "mean ± half-width" with the value's own formatter; only the mean for one replication
    /// or when the replications agree exactly (a "± 0" is noise on the page).
    static func withInterval(_ ci: ConfidenceInterval, _ format: (Double) -> String) -> String {
        guard ci.count > 1, ci.halfWidth > 0 else { return format(ci.mean) }
        return format(ci.mean) + " ± " + format(ci.halfWidth)
    }

    /// The text with its first letter capitalised, to start a sentence with a label.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// "1 restart", "2 restarts".
    static func plural(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        count(n) + " " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
