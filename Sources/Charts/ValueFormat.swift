/// How values on an axis, in value labels and in hover titles are written.
public enum ValueFormat: Sendable {
    /// Plain numbers: "0.05", "1,500", "12.3k", "2.5M" (see `NumberFormat.compact`).
    case number
    /// Values are fractions shown as percentages: 0.384 → "38.4%".
    case percent
    /// Values are seconds: "50ms", "15m"; linear time axes get ticks on whole
    /// seconds/minutes/hours/days labelled "6h", "1d 6h".
    case duration
    /// Caller-supplied formatter; it must be deterministic.
    case custom(@Sendable (Double) -> String)

    /// Short label for a single value (bar value labels).
    public func label(_ value: Double) -> String {
        switch self {
        case .number: return NumberFormat.compact(value)
        case .percent: return NumberFormat.percent(value, decimals: 1)
        case .duration: return NumberFormat.duration(value)
        case .custom(let format): return format(value)
        }
    }

    /// More precise text for hover titles, where the planner wants the exact figure.
    public func detail(_ value: Double) -> String {
        switch self {
        case .number:
            return value.magnitude >= 1
                ? NumberFormat.grouped(value, maxFractionDigits: 3)
                : NumberFormat.compact(value, significantDigits: 4)
        case .percent: return NumberFormat.percent(value, decimals: 2)
        case .duration:
            return value.magnitude >= 60
                ? NumberFormat.durationCompound(value, maxParts: 3)
                : NumberFormat.duration(value, maxDecimals: 2)
        case .custom(let format): return format(value)
        }
    }
}
