/// Writes standard JSON (RFC 8259), not JSON5.
enum JSON5Writer {
    static func write(_ value: JSON5Value, pretty: Bool, indent: Int, into output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .number(let number):
            output += numberText(number)
        case .string(let string):
            appendQuoted(string, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                newline(pretty: pretty, indent: indent + 1, into: &output)
                write(element.value, pretty: pretty, indent: indent + 1, into: &output)
            }
            newline(pretty: pretty, indent: indent, into: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { output += "," }
                newline(pretty: pretty, indent: indent + 1, into: &output)
                appendQuoted(member.key, to: &output)
                output += pretty ? ": " : ":"
                write(member.value.value, pretty: pretty, indent: indent + 1, into: &output)
            }
            newline(pretty: pretty, indent: indent, into: &output)
            output += "}"
        }
    }

    private static func newline(pretty: Bool, indent: Int, into output: inout String) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// JSON has no spelling for non-finite numbers, so they become the strings JSON5 uses for them.
    static func numberText(_ number: JSON5Number) -> String {
        if let integer = number.integer {
            return String(integer)
        }
        let double = number.double
        if double.isNaN {
            return "\"NaN\""
        }
        if double.isInfinite {
            return double < 0 ? "\"-Infinity\"" : "\"Infinity\""
        }
        // Swift's description is the shortest text that reads back as the same double,
        // and its forms ("0.5", "1e-07", "1e+20", "-0.0") are all valid JSON numbers.
        return double.description
    }

    /// `string` in double quotes, escaped as RFC 8259 requires and no more.
    static func quoted(_ string: String) -> String {
        var output = ""
        appendQuoted(string, to: &output)
        return output
    }

    static func appendQuoted(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

extension JSON5Value {
    /// Standard JSON (RFC 8259) text for this value, identical bytes for equal values.
    ///
    /// - Objects keep their member order; duplicate keys, if constructed by hand, are written as they are.
    /// - `pretty` puts each element and member on its own line, indented by two spaces,
    ///   with `"key": value`; empty containers stay `[]` and `{}`; no trailing newline.
    ///   Without `pretty` there is no whitespace at all.
    /// - Strings escape `"`, `\` and control characters (`\b \f \n \r \t`, else `\u00XX`
    ///   in lowercase hex); everything else, U+2028 and U+2029 included, is written as is.
    /// - Numbers with an ``JSON5Number/integer`` are written as that integer (so `-0` becomes `0`);
    ///   other finite numbers in Swift's shortest round-trip form (`0.3`, `1e-07`, `1e+20`);
    ///   `Infinity`, `-Infinity` and `NaN` as the strings `"Infinity"`, `"-Infinity"` and `"NaN"`,
    ///   since JSON has no numbers for them.
    public func jsonText(pretty: Bool) -> String {
        var output = ""
        JSON5Writer.write(self, pretty: pretty, indent: 0, into: &output)
        return output
    }
}

extension JSON5Node {
    /// The standard JSON text of ``value``; see ``JSON5Value/jsonText(pretty:)``.
    public func jsonText(pretty: Bool) -> String {
        value.jsonText(pretty: pretty)
    }
}
