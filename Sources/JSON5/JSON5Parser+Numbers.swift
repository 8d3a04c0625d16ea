extension JSON5Parser {
    /// Reads a number: optional sign, then a decimal literal, `0x` hex digits, `Infinity` or `NaN`.
    mutating func readNumber() throws(JSON5SyntaxError) -> JSON5Number {
        let start = index
        var isNegative = false
        if let sign = current, sign == ASCII.plus || sign == ASCII.minus {
            isNegative = sign == ASCII.minus
            index += 1
            if let named = try readSignedName(start: start, isNegative: isNegative) {
                return named
            }
        }
        if current == ASCII.zero, let letter = peek(at: index + 1), letter | 0x20 == UInt8(ascii: "x") {
            index += 2
            let digitsStart = index
            let bytes = self.bytes
            while index < bytes.count, ASCII.hexValue(bytes[index]) != nil {
                index += 1
            }
            if index == digitsStart {
                throw error("invalid number '\(snippet(at: start))': expected hexadecimal digits after '0\(Character(Unicode.Scalar(letter)))'", at: start)
            }
            try checkNumberEnd(start: start)
            return NumberConversion.hexadecimal(text: source(start..<index), digits: bytes[digitsStart..<index], isNegative: isNegative)
        }

        let integerDigits = skipDigits()
        if integerDigits.count > 1 && bytes[integerDigits.lowerBound] == ASCII.zero {
            throw error("invalid number '\(snippet(at: start))': leading zeros are not allowed", at: start)
        }
        var fractionDigits = index..<index
        if current == ASCII.dot {
            index += 1
            fractionDigits = skipDigits()
        }
        if integerDigits.isEmpty && fractionDigits.isEmpty {
            throw error("invalid number '\(snippet(at: start))': expected a digit before or after '.'", at: start)
        }
        var exponent = 0
        if let letter = current, letter | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentIsNegative = false
            if let sign = current, sign == ASCII.plus || sign == ASCII.minus {
                exponentIsNegative = sign == ASCII.minus
                index += 1
            }
            let exponentDigits = skipDigits()
            if exponentDigits.isEmpty {
                throw error("invalid number '\(snippet(at: start))': expected digits in the exponent", at: start)
            }
            exponent = NumberConversion.saturatedExponent(bytes[exponentDigits], isNegative: exponentIsNegative)
        }
        try checkNumberEnd(start: start)
        let text = source(start..<index)
        let integer = NumberConversion.exactInteger(
            integerDigits: bytes[integerDigits],
            fractionDigits: bytes[fractionDigits],
            exponent: exponent,
            isNegative: isNegative
        )
        // Double(String) rounds correctly and maps overflow to ±infinity, as JSON5 (ECMAScript) requires.
        let double = Double(text) ?? .nan
        return JSON5Number(text: text, double: double, integer: integer)
    }

    /// After a sign, reads `Infinity` or `NaN` if present; nil when digits follow instead.
    private mutating func readSignedName(start: Int, isNegative: Bool) throws(JSON5SyntaxError) -> JSON5Number? {
        let afterSign = index
        if let byte = current, ASCII.isDigit(byte) || byte == ASCII.dot {
            return nil
        }
        let word = readWord()
        if current != ASCII.backslash {
            switch word {
            case "Infinity":
                return JSON5Number(text: source(start..<index), double: isNegative ? -.infinity : .infinity, integer: nil)
            case "NaN":
                return JSON5Number(text: source(start..<index), double: .nan, integer: nil)
            default:
                break
            }
        }
        index = afterSign
        let sign = isNegative ? "-" : "+"
        throw error("expected a number after '\(sign)', found \(foundDescription(at: afterSign))", at: afterSign)
    }

    /// ECMAScript forbids a number running straight into an identifier or digit (`1a`, `0x1G`).
    private mutating func checkNumberEnd(start: Int) throws(JSON5SyntaxError) {
        guard let byte = current else { return }
        if byte == ASCII.backslash || ASCII.isDigit(byte) || startsIdentifier(byte) {
            throw error("invalid number '\(snippet(at: start))': unexpected \(foundDescription(at: index)) after the number", at: start)
        }
    }

    private mutating func skipDigits() -> Range<Int> {
        let bytes = self.bytes
        let start = index
        while index < bytes.count, ASCII.isDigit(bytes[index]) {
            index += 1
        }
        return start..<index
    }

    private func source(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
