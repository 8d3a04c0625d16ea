extension JSON5Parser {
    /// True when an identifier could start with the character whose first byte is `byte`.
    func startsIdentifier(_ byte: UInt8) -> Bool {
        if byte == ASCII.backslash || ASCII.isLetter(byte) || byte == ASCII.dollar || byte == ASCII.underscore {
            return true
        }
        guard byte >= 0x80, let (scalar, _) = UTF8Scalars.decode(bytes, at: index) else { return false }
        return JSON5Characters.isIdentifierStart(scalar)
    }

    /// Reads an ECMAScript 5.1 IdentifierName used as an object key, resolving `\uXXXX` escapes.
    mutating func readIdentifierName() throws(JSON5SyntaxError) -> String {
        let bytes = self.bytes
        let start = index
        var buffer: [UInt8] = []
        var hasEscapes = false
        var runStart = index
        while index < bytes.count {
            let isFirst = index == start
            let byte = bytes[index]
            if byte == ASCII.backslash {
                buffer.append(contentsOf: bytes[runStart..<index])
                hasEscapes = true
                try readIdentifierEscape(into: &buffer, isFirst: isFirst)
                runStart = index
                continue
            }
            if byte < 0x80 {
                guard ASCII.isIdentifierPart(byte), !isFirst || !ASCII.isDigit(byte) else { break }
                index += 1
                continue
            }
            guard let (scalar, length) = UTF8Scalars.decode(bytes, at: index),
                  isFirst ? JSON5Characters.isIdentifierStart(scalar) : JSON5Characters.isIdentifierPart(scalar)
            else { break }
            index += length
        }
        guard hasEscapes else {
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        buffer.append(contentsOf: bytes[runStart..<index])
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Reads a `\uXXXX` escape inside an identifier; it must stand for a character the
    /// identifier could contain at that position.
    private mutating func readIdentifierEscape(into buffer: inout [UInt8], isFirst: Bool) throws(JSON5SyntaxError) {
        let escapeStart = index
        guard peek(at: index + 1) == UInt8(ascii: "u") else {
            throw error("invalid escape \(foundDescription(at: escapeStart)) in a key: only '\\uXXXX' escapes are allowed in unquoted keys", at: escapeStart)
        }
        index += 2
        let scalar = try readUnicodeEscapeValue(escapeStart: escapeStart)
        let allowed = isFirst ? JSON5Characters.isIdentifierStart(scalar) : JSON5Characters.isIdentifierPart(scalar)
        guard allowed else {
            let written = String(decoding: bytes[escapeStart..<index], as: UTF8.self)
            throw error("invalid escape '\(written)' in a key: \(JSON5Parser.codePoint(scalar)) cannot \(isFirst ? "start" : "appear in") an unquoted key", at: escapeStart)
        }
        UTF8Scalars.append(scalar, to: &buffer)
    }

    /// Skips a run of identifier characters (no escapes) and returns it, for literals.
    mutating func readWord() -> String {
        let bytes = self.bytes
        let start = index
        while index < bytes.count {
            if bytes[index] < 0x80 {
                guard ASCII.isIdentifierPart(bytes[index]) else { break }
                index += 1
                continue
            }
            guard let (scalar, length) = UTF8Scalars.decode(bytes, at: index), JSON5Characters.isIdentifierPart(scalar) else { break }
            index += length
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
