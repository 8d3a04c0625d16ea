/// Standard JSON (RFC 8259), not JSON5, for parsed values: a conversion to ``JSONText``,
/// the project's one JSON writer.
extension JSON5Value {
    /// The value as a ``JSONText``: integers as integers, other numbers in their exact
    /// (shortest round-trip) spelling, members in their order.
    public var jsonValue: JSONText {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number):
            if let integer = number.integer { return .int(Int(truncatingIfNeeded: integer)) }
            return .exactNumber(number.double)
        case .string(let string): return .string(string)
        case .array(let elements): return .array(elements.map(\.value.jsonValue))
        case .object(let members): return .object(members.map { ($0.key, $0.value.value.jsonValue) })
        }
    }

    /// Standard JSON (RFC 8259) text for this value, identical bytes for equal values.
    ///
    /// - Objects keep their member order; duplicate keys, if constructed by hand, are written as they are.
    /// - `pretty` lays the text out as ``JSONText`` does (each member on its own line,
    ///   indented by two spaces, `"key": value`; an array of scalars on one line);
    ///   empty containers stay `[]` and `{}`; no trailing newline.
    ///   Without `pretty` there is no whitespace at all.
    /// - Strings escape `"`, `\` and control characters (`\b \f \n \r \t`, else `\u00XX`
    ///   in lowercase hex); everything else, U+2028 and U+2029 included, is written as is.
    /// - Numbers with an ``JSON5Number/integer`` are written as that integer (so `-0` becomes `0`);
    ///   other finite numbers in Swift's shortest round-trip form (`0.3`, `1e-07`, `1e+20`);
    ///   `Infinity`, `-Infinity` and `NaN` as the strings `"Infinity"`, `"-Infinity"` and `"NaN"`,
    ///   since JSON has no numbers for them.
    public func jsonText(pretty: Bool) -> String {
        jsonValue.text(pretty: pretty)
    }
}

extension JSON5Node {
    /// The standard JSON text of ``value``; see ``JSON5Value/jsonText(pretty:)``.
    public func jsonText(pretty: Bool) -> String {
        value.jsonText(pretty: pretty)
    }
}
