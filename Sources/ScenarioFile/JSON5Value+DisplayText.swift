import JSON5

extension JSON5Value {
    /// A short label for CSV columns and reports: strings without quotes (`5m`, `office`),
    /// numbers in canonical form (`0.3`, `600`), `true`/`false`/`null`, and arrays and
    /// objects as compact JSON.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let string): return string
        case .number(let number):
            if let integer = number.integer { return String(integer) }
            if number.double.isNaN { return "NaN" }
            if number.double.isInfinite { return number.double < 0 ? "-Infinity" : "Infinity" }
            return number.double.description
        case .array, .object: return jsonText(pretty: false)
        }
    }
}
