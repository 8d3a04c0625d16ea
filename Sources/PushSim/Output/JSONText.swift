/// A JSON value with ordered object members, rendered deterministically: the same value
/// always gives the same bytes, which is what regression files and shard merges rely on.
public indirect enum JSONText: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered(pretty: false) == b.rendered(pretty: false) }
    public func hash(into h: inout Hasher) { h.combine(rendered(pretty: false)) }

    /// The text, indented by two spaces per level when `pretty`, with a final newline.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        if pretty { out += "\n" }
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let x): out += JSONText.format(x)
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
        let magnitude = Int((abs(x)).log10Floor)
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

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
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
