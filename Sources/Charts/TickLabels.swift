/// Labels for a whole set of ticks: on linear axes all labels share the decimals implied by the
/// step ("0.0, 0.5, 1.0"), and labels are always distinct.
enum TickLabels {
    static func make(_ ticks: [Double], step: Double, kind: ScaleKind, format: ValueFormat) -> [String] {
        var labels: [String]
        switch format {
        case .custom(let f):
            return ticks.map(f)
        case .number:
            labels = kind == .linear && step > 0 ? linearNumbers(ticks, step: step) : ticks.map { NumberFormat.compact($0) }
        case .percent:
            if kind == .linear && step > 0 {
                let decimals = decimalsFor(step: step * 100)
                labels = ticks.map { v in
                    v == 0 ? "0%" : NumberFormat.percent(v, decimals: decimals)
                }
            } else {
                labels = ticks.map { NumberFormat.percentTrimmed($0, maxDecimals: 6) }
            }
        case .duration:
            labels = ticks.map { v in
                if v == 0 { return "0" }
                return kind == .linear && step >= 1
                    ? NumberFormat.durationCompound(v, maxParts: 3)
                    : NumberFormat.duration(v, maxDecimals: 2)
            }
        }
        if !areDistinct(labels) {
            for digits in 3...15 {
                labels = ticks.map { NumberFormat.compact($0, significantDigits: digits) }
                if areDistinct(labels) { break }
            }
        }
        return labels
    }

    /// Number ticks: separators below 10,000, one shared SI suffix above.
    static func linearNumbers(_ ticks: [Double], step: Double) -> [String] {
        let largest = ticks.map(\.magnitude).max() ?? 0
        var tier = 0
        if largest >= 10_000, let d = DecimalDigits(largest) {
            tier = min((d.exponent - 1) / 3, NumberFormat.suffixes.count - 1)
        }
        let divisor = pow10(3 * tier)
        let decimals = decimalsFor(step: step / divisor)
        // Beyond the SI suffixes, or with very fine steps, fixed decimals get unreadably long;
        // compact switches to scientific notation there.
        if largest >= 1e15 || decimals > 6 { return ticks.map { NumberFormat.compact($0) } }
        return ticks.map { v in
            if v == 0 { return "0" }
            guard let d = DecimalDigits(v) else { return NumberFormat.missing }
            return d.shifted(by: -3 * tier).render(fractionDigits: decimals, grouping: true) + NumberFormat.suffixes[tier]
        }
    }

    /// Decimals needed to show multiples of a 1–2–5 step exactly (0.05 → 2, 0.5 → 1, 5 → 0).
    static func decimalsFor(step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return clamped(-Int((log10Value(step) + 1e-9).rounded(.down)), 0, 20)
    }

    static func areDistinct(_ labels: [String]) -> Bool {
        Set(labels).count == labels.count
    }
}
