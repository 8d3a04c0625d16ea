extension JSON5Parser {
    /// Reads a single- or double-quoted string starting at the current position.
    mutating func readString() throws(JSON5SyntaxError) -> String {
        let bytes = self.bytes
        let start = index
        let quote = bytes[start]
        index += 1
        // Plain runs are copied in one go; the buffer is only needed once an escape appears.
        var buffer: [UInt8] = []
        var hasEscapes = false
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                let text: String
                if hasEscapes {
                    buffer.append(contentsOf: bytes[runStart..<index])
                    text = String(decoding: buffer, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[runStart..<index], as: UTF8.self)
                }
                index += 1
                return text
            }
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                throw unterminatedString(at: start, quote: quote, beforeLineBreak: true)
            }
            if byte == ASCII.backslash {
                buffer.append(contentsOf: bytes[runStart..<index])
                hasEscapes = true
                try readEscape(into: &buffer, stringStart: start, quote: quote)
                runStart = index
            } else {
                index += 1
            }
        }
        throw unterminatedString(at: start, quote: quote, beforeLineBreak: false)
    }

    private mutating func unterminatedString(at start: Int, quote: UInt8, beforeLineBreak: Bool) -> JSON5SyntaxError {
        let quoteText = quote == ASCII.doubleQuote ? "\"" : "'"
        let end = beforeLineBreak ? "the end of the line (escape line breaks as \\n)" : "the end of the file"
        return error("unterminated string: no closing \(quoteText) before \(end)", at: start)
    }

    /// Reads the escape sequence at the current backslash and appends what it stands for.
    private mutating func readEscape(into buffer: inout [UInt8], stringStart: Int, quote: UInt8) throws(JSON5SyntaxError) {
        let escapeStart = index
        index += 1
        guard let byte = current else {
            throw unterminatedString(at: stringStart, quote: quote, beforeLineBreak: false)
        }
        switch byte {
        case UInt8(ascii: "b"): buffer.append(0x08); index += 1
        case UInt8(ascii: "f"): buffer.append(0x0C); index += 1
        case UInt8(ascii: "n"): buffer.append(0x0A); index += 1
        case UInt8(ascii: "r"): buffer.append(0x0D); index += 1
        case UInt8(ascii: "t"): buffer.append(0x09); index += 1
        case UInt8(ascii: "v"): buffer.append(0x0B); index += 1
        case ASCII.zero:
            if let next = peek(at: index + 1), ASCII.isDigit(next) {
                throw error("invalid escape '\\0\(Character(Unicode.Scalar(next)))': '\\0' must not be followed by a digit (octal escapes are not allowed)", at: escapeStart)
            }
            buffer.append(0)
            index += 1
        case UInt8(ascii: "1")...ASCII.nine:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))': octal escapes are not allowed", at: escapeStart)
        case UInt8(ascii: "x"):
            index += 1
            let value = try readHexDigits(2, escapeStart: escapeStart, letter: "x")
            UTF8Scalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: value)), to: &buffer)
        case UInt8(ascii: "u"):
            index += 1
            let scalar = try readUnicodeEscapeValue(escapeStart: escapeStart)
            UTF8Scalars.append(scalar, to: &buffer)
        case ASCII.lineFeed:
            index += 1
        case ASCII.carriageReturn:
            index += 1
            if current == ASCII.lineFeed {
                index += 1
            }
        default:
            // Any other character, U+2028 and U+2029 included, goes through a
            // length-aware path: those two are line continuations, the rest stand for themselves.
            guard let (scalar, length) = UTF8Scalars.decode(bytes, at: index) else {
                throw error("invalid UTF-8 in string", at: index)
            }
            if scalar.value != 0x2028 && scalar.value != 0x2029 {
                buffer.append(contentsOf: bytes[index..<index + length])
            }
            index += length
        }
    }

    /// Reads `count` hexadecimal digits after `\x` or `\u`.
    mutating func readHexDigits(_ count: Int, escapeStart: Int, letter: String) throws(JSON5SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let byte = peek(at: index + offset), let digit = ASCII.hexValue(byte) else {
                let written = escapeText(from: escapeStart, scalars: 2 + count)
                throw error("invalid escape '\(written)': '\\\(letter)' must be followed by \(count) hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
        }
        index += count
        return value
    }

    /// Reads the four digits after `\u` and, for a high surrogate, the `\uXXXX` low surrogate
    /// that must follow it: a Swift string cannot hold an unpaired surrogate.
    mutating func readUnicodeEscapeValue(escapeStart: Int) throws(JSON5SyntaxError) -> Unicode.Scalar {
        let unit = try readHexDigits(4, escapeStart: escapeStart, letter: "u")
        switch unit {
        case 0xD800...0xDBFF:
            let lowStart = index
            if peek(at: index) == ASCII.backslash, peek(at: index + 1) == UInt8(ascii: "u") {
                index += 2
                let low = try readHexDigits(4, escapeStart: lowStart, letter: "u")
                if (0xDC00...0xDFFF).contains(low),
                   let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) {
                    return scalar
                }
            }
            throw error("invalid escape '\(escapeText(from: escapeStart, scalars: 6))': a high surrogate must be followed by a '\\uDC00'–'\\uDFFF' low surrogate", at: escapeStart)
        case 0xDC00...0xDFFF:
            throw error("invalid escape '\(escapeText(from: escapeStart, scalars: 6))': a low surrogate must follow a high surrogate", at: escapeStart)
        default:
            // Every non-surrogate value below 0x10000 is a valid scalar.
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    /// Up to `scalars` characters of an escape as written: the backslash, its letter,
    /// then letters and digits only, so the quote in `'\u12'` is not shown as part of it.
    private func escapeText(from start: Int, scalars: Int) -> String {
        var text = ""
        var position = start
        var count = 0
        while count < scalars, let (scalar, length) = UTF8Scalars.decode(bytes, at: position) {
            if count > 1 && !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                break
            }
            text.unicodeScalars.append(scalar)
            position += length
            count += 1
        }
        return text
    }
}
