/// Exact conversions from validated digit sequences.
enum NumberConversion {
    /// Largest exponent magnitude worth tracking: beyond it every value is 0 or infinite anyway.
    static let exponentLimit = 100_000

    static func saturatedExponent(_ digits: ArraySlice<UInt8>, isNegative: Bool) -> Int {
        var value = 0
        for digit in digits where value < exponentLimit {
            value = value * 10 + Int(digit - ASCII.zero)
        }
        value = min(value, exponentLimit)
        return isNegative ? -value : value
    }

    /// The value of `integer.fraction × 10^exponent` when it is a whole number within Int64.
    static func exactInteger(
        integerDigits: ArraySlice<UInt8>,
        fractionDigits: ArraySlice<UInt8>,
        exponent: Int,
        isNegative: Bool
    ) -> Int64? {
        if fractionDigits.isEmpty && exponent == 0 && integerDigits.count <= 18 {
            // The common case: at most 18 digits cannot overflow, so no checks are needed.
            var magnitude: UInt64 = 0
            for digit in integerDigits {
                magnitude = magnitude * 10 + UInt64(digit &- ASCII.zero)
            }
            return signed(magnitude, isNegative: isNegative)
        }
        var digits = Array(integerDigits)
        digits.append(contentsOf: fractionDigits)
        var scale = exponent - fractionDigits.count
        guard let first = digits.firstIndex(where: { $0 != ASCII.zero }) else {
            return 0
        }
        var end = digits.count
        while digits[end - 1] == ASCII.zero {
            end -= 1
            scale += 1
        }
        // 19 digits is the most Int64 can hold; anything with more is out of range.
        guard scale >= 0, end - first + scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in digits[first..<end] {
            magnitude = magnitude * 10 + UInt64(digit - ASCII.zero)
        }
        for _ in 0..<scale {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            magnitude = product
        }
        return signed(magnitude, isNegative: isNegative)
    }

    /// A hexadecimal integer literal; doubles beyond 64 bits are rounded correctly.
    static func hexadecimal(text: String, digits: ArraySlice<UInt8>, isNegative: Bool) -> JSON5Number {
        let significant = digits.drop(while: { $0 == ASCII.zero })
        var magnitude: UInt64 = 0
        for digit in significant.prefix(16) {
            magnitude = magnitude << 4 | UInt64(ASCII.hexValue(digit) ?? 0)
        }
        let sign: FloatingPointSign = isNegative ? .minus : .plus
        if significant.count <= 16 {
            return JSON5Number(
                text: text,
                double: Double(sign: sign, exponent: 0, significand: Double(magnitude)),
                integer: signed(magnitude, isNegative: isNegative)
            )
        }
        // The 16 leading digits hold at least 61 bits, so bit 0 lies below the rounding
        // position and can stand in for every nonzero digit that was cut off.
        if significant.dropFirst(16).contains(where: { $0 != ASCII.zero }) {
            magnitude |= 1
        }
        let shift = 4 * (significant.count - 16)
        return JSON5Number(text: text, double: Double(sign: sign, exponent: shift, significand: Double(magnitude)), integer: nil)
    }

    private static func signed(_ magnitude: UInt64, isNegative: Bool) -> Int64? {
        if isNegative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}
