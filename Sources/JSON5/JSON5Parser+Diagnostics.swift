extension JSON5Parser {
    /// Longest snippet quoted in a message, in Unicode scalars.
    static let snippetLimit = 24

    /// An error located at a byte offset.
    mutating func error(_ message: String, at offset: Int) -> JSON5SyntaxError {
        JSON5SyntaxError(location: location(at: offset), message: message)
    }

    /// Names the token at `offset` for a "found …" clause: `end of file`, `a line break`,
    /// `whitespace`, `control character U+0001`, or a short quoted snippet such as `'"name"'`.
    func foundDescription(at offset: Int) -> String {
        guard let (first, _) = UTF8Scalars.decode(bytes, at: offset) else {
            return offset >= bytes.count ? "end of file" : "invalid UTF-8"
        }
        if first.value == 0x0A || first.value == 0x0D || first.value == 0x2028 || first.value == 0x2029 {
            return "a line break"
        }
        if JSON5Characters.isWhitespace(first) {
            return "whitespace"
        }
        if first.value < 0x20 || first.value == 0x7F {
            return "control character \(Self.codePoint(first))"
        }
        return "'\(snippet(at: offset))'"
    }

    /// The token starting at `offset` as written, cut at ``snippetLimit`` scalars.
    func snippet(at offset: Int) -> String {
        guard let (first, _) = UTF8Scalars.decode(bytes, at: offset) else { return "" }
        let quote: Unicode.Scalar? = (first == "\"" || first == "'") ? first : nil
        let isWordLike = Self.isWordLike(first)
        var text = ""
        var position = offset
        var count = 0
        var escaped = false
        while let (scalar, length) = UTF8Scalars.decode(bytes, at: position) {
            if count == Self.snippetLimit {
                text += "…"
                break
            }
            if position > offset {
                if quote != nil {
                    if JSON5Characters.isLineTerminator(scalar) { break }
                } else if !isWordLike || !Self.isWordLike(scalar) {
                    break
                }
            }
            text += scalar.value < 0x20 || scalar.value == 0x7F ? Self.codePoint(scalar) : String(scalar)
            position += length
            count += 1
            if let quote, position - length > offset {
                if scalar == quote && !escaped { break }
                escaped = !escaped && scalar == "\\"
            }
        }
        return text
    }

    /// Characters that run together into one word-like token: identifiers, numbers, escapes.
    private static func isWordLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "$", "_", "\\", ".", "+", "-":
            return true
        default:
            return !scalar.isASCII && !JSON5Characters.isWhitespace(scalar)
        }
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
