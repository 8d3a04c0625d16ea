/// The project's one JSON writer: a value with ordered object members, rendered
/// deterministically, so that the same value always gives the same bytes (what the
/// regression files under `Results/` and shard merges rely on).
///
/// It lives in the JSON5 module, the lowest module that both writers of JSON need: the
/// simulator's outputs (`summary.json`, `run.json`, sweep and sizing files, built from
/// `JSONText` values) and ``JSON5Value/jsonText(pretty:)`` (a parsed scenario value written
/// back as standard JSON), which converts to a `JSONText` and renders it. JSON5 depends on
/// nothing, so every module may use it.
///
/// Numbers come in two spellings, because the two users want different things:
/// - ``number(_:)``: a measured figure, with at most 9 significant digits so that the last
///   bits of floating-point noise do not reach the files; non-finite values are `null`
///   (a figure that does not exist).
/// - ``exactNumber(_:)``: the shortest text that reads back as the same `Double`; non-finite
///   values become the strings JSON5 uses for them (`"NaN"`, `"Infinity"`, `"-Infinity"`).
///
/// Layout with `pretty`: two spaces per level; every member of an object on its own line;
/// an array of scalars on one line (`[1, 2.5, "x"]`), an array that holds an array or an
/// object one element per line; empty containers as `[]` and `{}`.
/// Strings escape `"`, `\` and control characters (`\b \f \n \r \t`, else `\u00XX` in
/// lowercase hex) and nothing else. Rendering is O(size of the text).
public indirect enum JSONText: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case exactNumber(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered(pretty: false) == b.rendered(pretty: false) }
    public func hash(into h: inout Hasher) { h.combine(rendered(pretty: false)) }

    /// A figure that may not exist: `null` when it does not.
    public static func number(_ x: Double?) -> JSONText { x.map { .number($0) } ?? .null }
    /// A count that may not exist: `null` when it does not.
    public static func int(_ x: Int?) -> JSONText { x.map { .int($0) } ?? .null }

    /// The text, indented by two spaces per level when `pretty`, with a final newline
    /// when `pretty` (the form of every file the project writes).
    public func rendered(pretty: Bool = true) -> String {
        var out = text(pretty: pretty)
        if pretty { out += "\n" }
        return out
    }

    /// The text without a final newline.
    public func text(pretty: Bool) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let x): out += JSONText.format(x)
        case .exactNumber(let x): out += JSONText.exact(x)
        case .string(let s): JSONText.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let scalar = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty && !scalar { out += "\n" + String(repeating: " ", count: indent + 2) } else if pretty && i > 0 { out += " " }
                item.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty && !scalar { out += "\n" + String(repeating: " ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                JSONText.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "}"
        }
    }

    /// A number with at most 9 significant digits, in Swift's shortest round-trip form;
    /// integral values print without a fraction; non-finite values print as null.
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == 0 { return "0" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        let magnitude = x.log10Floor
        let digits = 8 - magnitude
        if digits > 300 { return "\(x)" }
        let rounded: Double
        if digits >= 0 {
            let scale = pow10(digits)
            rounded = (x * scale).rounded() / scale
        } else {
            let scale = pow10(-digits)
            rounded = (x / scale).rounded() * scale
        }
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    /// Swift's description is the shortest text that reads back as the same double, and
    /// its forms ("0.5", "1e-07", "1e+20", "-0.0") are all valid JSON numbers; JSON has no
    /// spelling for non-finite numbers, so they become the strings JSON5 uses for them.
    static func exact(_ x: Double) -> String {
        if x.isNaN { return "\"NaN\"" }
        if x.isInfinite { return x < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        return x.description
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// `s` in double quotes, escaped as RFC 8259 requires and no more.
    public static func quoted(_ s: String) -> String {
        var out = ""
        escape(s, into: &out)
        return out
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension Double {
    /// ⌊log₁₀ |x|⌋ without relying on `log10` rounding near powers of ten.
    var log10Floor: Int {
        var m = abs(self)
        var e = 0
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        return e
    }
}
