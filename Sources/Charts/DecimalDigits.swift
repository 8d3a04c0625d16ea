/// The decimal digits of a Double's shortest round-trip representation (`Double.description`).
///
/// Rounding these digits, rather than the binary value, gives what a reader expects and is the
/// same on every platform: 0.9995 → "1.000" at three decimals and 1.005 → "1.01" at two, where
/// printf would give "0.999" and "1.00".
struct DecimalDigits: Equatable {
    /// Whether the value is below zero; always false for zero.
    private(set) var isNegative: Bool
    /// Significant digits without leading or trailing zeros; empty for zero.
    private(set) var digits: [UInt8]
    /// Value = 0.d₁d₂d₃… × 10^exponent.
    private(set) var exponent: Int

    static let zero = DecimalDigits(isNegative: false, digits: [], exponent: 0)

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var slice = digits[...]
        var e = exponent
        while let first = slice.first, first == 0 {
            slice = slice.dropFirst()
            e -= 1
        }
        while let last = slice.last, last == 0 { slice = slice.dropLast() }
        if slice.isEmpty {
            self.isNegative = false
            self.digits = []
            self.exponent = 0
        } else {
            self.isNegative = isNegative
            self.digits = Array(slice)
            self.exponent = e
        }
    }

    /// Nil for NaN and infinities.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        let text = value.magnitude.description // e.g. "1500.0", "0.9995", "1e-05", "2.5e+20"
        var mantissa = Substring(text)
        var power = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            power = Int(text[text.index(after: e)...]) ?? 0
        }
        var parsed: [UInt8] = []
        var integerCount = 0
        var afterPoint = false
        for ch in mantissa {
            if ch == "." {
                afterPoint = true
                continue
            }
            guard let v = ch.wholeNumberValue else { continue }
            parsed.append(UInt8(v))
            if !afterPoint { integerCount += 1 }
        }
        self.init(isNegative: value.sign == .minus, digits: parsed, exponent: integerCount + power)
    }

    var isZero: Bool { digits.isEmpty }

    /// Fraction digits needed to show the value exactly.
    var neededFractionDigits: Int { max(0, digits.count - exponent) }

    /// Rounds half away from zero, keeping `count` leading significant digits.
    func keeping(_ count: Int) -> DecimalDigits {
        if count >= digits.count { return self }
        if count < 0 { return .zero }
        var kept = Array(digits[0..<count])
        var e = exponent
        if digits[count] >= 5 {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 {
                    kept[i] = 0
                    i -= 1
                } else {
                    kept[i] += 1
                    break
                }
            }
            if i < 0 {
                kept.insert(1, at: 0)
                e += 1
            }
        }
        return DecimalDigits(isNegative: isNegative, digits: kept, exponent: e)
    }

    func rounded(fractionDigits n: Int) -> DecimalDigits { keeping(exponent + n) }

    func rounded(significantDigits n: Int) -> DecimalDigits { keeping(n) }

    /// Multiplies by 10^k exactly.
    func shifted(by k: Int) -> DecimalDigits {
        isZero ? self : DecimalDigits(isNegative: isNegative, digits: digits, exponent: exponent + k)
    }

    /// Renders with exactly `fractionDigits` decimals (rounding first), optionally with
    /// thousands separators. Never prints "-0".
    func render(fractionDigits: Int, grouping: Bool) -> String {
        let r = rounded(fractionDigits: fractionDigits)
        var integerPart = ""
        if r.exponent <= 0 {
            integerPart = "0"
        } else {
            for i in 0..<r.exponent { integerPart.append(r.character(at: i)) }
        }
        if grouping && integerPart.count > 3 {
            var grouped = ""
            let n = integerPart.count
            for (i, ch) in integerPart.enumerated() {
                if i > 0 && (n - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            integerPart = grouped
        }
        var out = r.isNegative ? "-" : ""
        out += integerPart
        if fractionDigits > 0 {
            out += "."
            for j in 0..<fractionDigits { out.append(r.character(at: r.exponent + j)) }
        }
        return out
    }

    private func character(at index: Int) -> Character {
        guard index >= 0 && index < digits.count else { return "0" }
        return Character(Unicode.Scalar(48 + digits[index]))
    }
}
