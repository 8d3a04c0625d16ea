/// Short, deterministic, locale-independent labels for numbers, shares and durations.
///
/// Rounding is half away from zero on the shortest decimal representation of the Double
/// (0.9995 → "1.000" at three decimals), never on the binary value, and no locale is consulted:
/// the decimal point is always ".", the thousands separator always ",", and "-0" never appears.
/// Non-finite values print as "—" (NaN), "∞" or "-∞".
///
/// Style chosen for plain numbers (`compact`): below 10,000 numbers are written out with a
/// thousands separator ("1,500"); from 10,000 on they get an SI suffix k, M, G, T ("12.3k",
/// "2.5M"), because the planner reads magnitudes there and digits only add noise.
public enum NumberFormat {
    /// Label for NaN.
    public static let missing = "—"

    static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return missing }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        return nil
    }

    /// Exactly `decimals` fraction digits: `fixed(0.9995, decimals: 3)` → "1.000",
    /// `fixed(1234.5, decimals: 0, grouping: true)` → "1,235".
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        guard let d = DecimalDigits(value) else { return nonFinite(value) ?? missing }
        return d.render(fractionDigits: clamped(decimals, 0, 20), grouping: grouping)
    }

    /// Table-cell style: thousands separators, at most `maxFractionDigits` decimals, trailing
    /// zeros dropped. `grouped(1500)` → "1,500", `grouped(0.125)` → "0.13".
    public static func grouped(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard let d = DecimalDigits(value) else { return nonFinite(value) ?? missing }
        let r = d.rounded(fractionDigits: clamped(maxFractionDigits, 0, 20))
        return r.render(fractionDigits: r.neededFractionDigits, grouping: true)
    }

    static let suffixes = ["", "k", "M", "G", "T"]

    /// Short label with about `significantDigits` significant digits (integer digits are never
    /// dropped below 10,000): 0.05 → "0.05", 1500 → "1,500", 12345 → "12.3k",
    /// 2_500_000 → "2.5M", 999_950 → "1M", 0.9995 → "1", 0.00002 → "2e-5".
    /// Magnitudes below 0.0001 or from 10^15 on use scientific notation.
    public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
        guard let d = DecimalDigits(value) else { return nonFinite(value) ?? missing }
        if d.isZero { return "0" }
        let sig = clamped(significantDigits, 1, 15)
        if d.exponent <= -4 { return scientific(d, significantDigits: sig) }
        var tier = d.exponent <= 4 ? 0 : min((d.exponent - 1) / 3, suffixes.count - 1)
        while true {
            let scaled = d.shifted(by: -3 * tier)
            let r = scaled.rounded(fractionDigits: max(0, sig - scaled.exponent))
            // Rounding can carry into the next tier (9,999.6 → "10,000" → "10k").
            let overflowExponent = tier == 0 ? 5 : 4
            if r.exponent >= overflowExponent {
                if tier < suffixes.count - 1 {
                    tier += 1
                    continue
                }
                return scientific(d, significantDigits: sig)
            }
            return r.render(fractionDigits: r.neededFractionDigits, grouping: tier == 0) + suffixes[tier]
        }
    }

    static func scientific(_ d: DecimalDigits, significantDigits: Int) -> String {
        let r = d.rounded(significantDigits: significantDigits)
        let power = r.exponent - 1
        let mantissa = r.shifted(by: -power)
        return mantissa.render(fractionDigits: mantissa.neededFractionDigits, grouping: false) + "e" + String(power)
    }

    /// A fraction as a percentage with exactly `decimals` decimals: 0.384 → "38.4%",
    /// 0.5 → "50.0%". The ×100 is done on decimal digits, so no binary noise appears.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        guard let d = DecimalDigits(fraction) else { return nonFinite(fraction) ?? missing }
        return d.shifted(by: 2).render(fractionDigits: clamped(decimals, 0, 20), grouping: true) + "%"
    }

    /// Percentage with trailing zeros dropped: 0.5 → "50%", 0.0015 → "0.15%".
    static func percentTrimmed(_ fraction: Double, maxDecimals: Int) -> String {
        guard let d = DecimalDigits(fraction) else { return nonFinite(fraction) ?? missing }
        let r = d.shifted(by: 2).rounded(fractionDigits: maxDecimals)
        return r.render(fractionDigits: r.neededFractionDigits, grouping: true) + "%"
    }

    static let durationUnits: [(name: String, seconds: Double)] = [
        ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1), ("ms", 0.001), ("µs", 0.000_001),
    ]

    /// Seconds as one unit, the largest the value reaches, with at most `maxDecimals` decimals:
    /// 0.05 → "50ms", 5 → "5s", 57 → "57s", 90 → "1.5m", 900 → "15m", 7200 → "2h",
    /// 129_600 → "1.5d", 0 → "0s". When rounding reaches the next unit it moves up
    /// (59.97 → "1m", not "60s"). Units: µs, ms, s, m (minutes), h, d.
    public static func duration(_ seconds: Double, maxDecimals: Int = 1) -> String {
        if let text = nonFinite(seconds) { return text }
        let sign = seconds < 0 ? "-" : ""
        let magnitude = seconds.magnitude
        let decimals = clamped(maxDecimals, 0, 6)
        let units = durationUnits
        var index = units.firstIndex { magnitude >= $0.seconds } ?? units.count - 1
        func rounded(_ i: Int) -> DecimalDigits {
            (DecimalDigits(magnitude / units[i].seconds) ?? .zero).rounded(fractionDigits: decimals)
        }
        var r = rounded(index)
        if index > 0 {
            let ratio = units[index - 1].seconds / units[index].seconds
            let shown = Double(r.render(fractionDigits: decimals, grouping: false)) ?? 0
            if shown >= ratio * (1 - 1e-12) {
                index -= 1
                r = rounded(index)
            }
        }
        if r.isZero { return "0s" }
        return sign + r.render(fractionDigits: r.neededFractionDigits, grouping: true) + units[index].name
    }

    /// Seconds as up to `maxParts` whole units starting at the largest, rounded to the last
    /// unit shown: 108_000 → "1d 6h", 5_400 → "1h 30m", 86_399.9 → "1d", 45 → "45s".
    /// Below one second it falls back to `duration` ("250ms").
    public static func durationCompound(_ seconds: Double, maxParts: Int = 2) -> String {
        if let text = nonFinite(seconds) { return text }
        let magnitude = seconds.magnitude
        if magnitude < 1 || magnitude > 1e15 { return duration(seconds) }
        let sizes = [86_400, 3_600, 60, 1]
        let names = ["d", "h", "m", "s"]
        let first = sizes.firstIndex { magnitude >= Double($0) } ?? sizes.count - 1
        let last = min(first + max(maxParts, 1) - 1, sizes.count - 1)
        var remaining = Int((magnitude / Double(sizes[last])).rounded(.toNearestOrAwayFromZero)) * sizes[last]
        var parts: [String] = []
        for i in 0...last {
            let count = remaining / sizes[i]
            remaining -= count * sizes[i]
            if count > 0 { parts.append("\(count)\(names[i])") }
        }
        return (seconds < 0 ? "-" : "") + parts.joined(separator: " ")
    }
}
