extension JSON5Parser {
    /// Reads a string, number or literal at the current position, where `context` expected a value.
    mutating func parseScalar(context: ValueContext) throws(JSON5SyntaxError) -> JSON5Node {
        let start = index
        guard let byte = current else {
            throw missingValue(context)
        }
        let value: JSON5Value
        switch byte {
        case ASCII.doubleQuote, ASCII.singleQuote:
            value = .string(try readString())
        case ASCII.zero...ASCII.nine, ASCII.dot, ASCII.plus, ASCII.minus:
            value = .number(try readNumber())
        default:
            guard startsIdentifier(byte) else {
                throw missingValue(context)
            }
            // `tru\u0065` is no literal: escapes are only allowed in keys.
            let word = readWord()
            switch current == ASCII.backslash ? "" : word {
            case "true": value = .bool(true)
            case "false": value = .bool(false)
            case "null": value = .null
            case "Infinity": value = .number(JSON5Number(text: word, double: .infinity, integer: nil))
            case "NaN": value = .number(JSON5Number(text: word, double: .nan, integer: nil))
            default:
                index = start
                throw missingValue(context, hint: " (strings must be quoted)")
            }
        }
        return JSON5Node(value: value, location: location(at: start))
    }

    private mutating func missingValue(_ context: ValueContext, hint: String = "") -> JSON5SyntaxError {
        let expected: String
        switch context {
        case .topLevel: expected = "a value"
        case .arrayElement: expected = "a value or ']'"
        case .memberValue(let key): expected = "a value for \(JSONText.quoted(key))"
        }
        return error("expected \(expected), found \(foundDescription(at: index))\(hint)", at: index)
    }
}
