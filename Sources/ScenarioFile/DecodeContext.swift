import JSON5

/// A problem found while decoding, before it is tied to a file or an override.
struct Issue: Hashable, Sendable {
    var location: SourceLocation
    var keyPath: String
    var message: String
}

/// Collects every problem found while decoding one tree, so that all of them are reported
/// at once instead of stopping at the first.
final class DecodeContext {
    private(set) var issues: [Issue] = []

    var hasIssues: Bool { !issues.isEmpty }

    func report(_ node: JSON5Node, _ keyPath: String, _ message: String) {
        report(at: node.location, keyPath, message)
    }

    func report(at location: SourceLocation, _ keyPath: String, _ message: String) {
        issues.append(Issue(location: location, keyPath: keyPath, message: message))
    }

    /// Reports that `node` is of the wrong kind: `expected <expected>, found <what it is>`.
    func mismatch(_ node: JSON5Node, _ keyPath: String, expected: String, hint: String = "") {
        report(node, keyPath, "expected \(expected), found \(Found.text(node.value))\(hint)")
    }
}

/// How messages show a value that was found: strings quoted, numbers as written, and
/// containers by kind, so a message stays one short line.
enum Found {
    static let maximumStringLength = 40

    static func text(_ value: JSON5Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let string): return quoted(string)
        case .array(let elements): return elements.isEmpty ? "an empty array" : "an array"
        case .object(let members): return members.isEmpty ? "an empty object" : "an object"
        }
    }

    /// `string` in double quotes, with quotes, backslashes and control characters escaped
    /// and long text shortened, so that no input can break the line of a diagnostic.
    static func quoted(_ string: String) -> String {
        var output = "\""
        var count = 0
        for character in string {
            if count == maximumStringLength {
                output += "…"
                break
            }
            count += 1
            switch character {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                    output += character.unicodeScalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
                } else {
                    output.append(character)
                }
            }
        }
        return output + "\""
    }
}
