import DiscreteEvent
import JSON5

/// What a number in a scenario may be; each rule has its own message.
enum NumberRule {
    case finite
    case nonNegative
    case positive
    case probability
    case ratePerDay

    var expected: String {
        switch self {
        case .finite: "a finite number"
        case .nonNegative: "a non-negative number"
        case .positive: "a positive number"
        case .probability: "a probability between 0 and 1"
        case .ratePerDay: "a non-negative rate per day"
        }
    }

    func accepts(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .finite: return true
        case .nonNegative, .ratePerDay: return value >= 0
        case .positive: return value > 0
        case .probability: return value >= 0 && value <= 1
        }
    }
}

/// Scalar values: each reader returns nil after reporting why the node is not acceptable.
extension DecodeContext {
    func string(_ node: JSON5Node, _ path: String) -> String? {
        guard case .string(let string) = node.value else {
            mismatch(node, path, expected: "a string")
            return nil
        }
        return string
    }

    /// A name: a string that is not empty.
    func name(_ node: JSON5Node, _ path: String) -> String? {
        guard case .string(let string) = node.value, !string.isEmpty else {
            mismatch(node, path, expected: "a non-empty name")
            return nil
        }
        return string
    }

    func bool(_ node: JSON5Node, _ path: String) -> Bool? {
        guard case .bool(let flag) = node.value else {
            mismatch(node, path, expected: "true or false")
            return nil
        }
        return flag
    }

    /// A whole number in `range`. Numbers beyond `Int64` (`1e30`) are reported, not trapped on.
    func integer(_ node: JSON5Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard case .number(let number) = node.value else {
            mismatch(node, path, expected: "an integer")
            return nil
        }
        guard let exact = number.integer else {
            if number.double.isFinite, number.double == number.double.rounded() {
                // Whole, but beyond Int64.
                mismatch(node, path, expected: number.double < 0 ? Self.below(range) : Self.above(range))
            } else {
                mismatch(node, path, expected: "an integer")
            }
            return nil
        }
        if exact < Int64(range.lowerBound) {
            mismatch(node, path, expected: Self.below(range))
            return nil
        }
        if exact > Int64(range.upperBound) {
            mismatch(node, path, expected: Self.above(range))
            return nil
        }
        return Int(exact)
    }

    private static func below(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == 0 ? "a non-negative integer" : "an integer of at least \(range.lowerBound)"
    }

    private static func above(_ range: ClosedRange<Int>) -> String {
        "an integer of at most \(range.upperBound)"
    }

    func number(_ node: JSON5Node, _ path: String, _ rule: NumberRule) -> Double? {
        guard case .number(let number) = node.value else {
            mismatch(node, path, expected: "a number")
            return nil
        }
        guard rule.accepts(number.double) else {
            mismatch(node, path, expected: rule.expected)
            return nil
        }
        return number.double
    }

    /// One of a fixed set of words, with a suggestion for a near miss.
    func keyword(_ node: JSON5Node, _ path: String, _ options: [String]) -> String? {
        let expected = "a string such as \(Suggestions.quotedList(options))"
        guard case .string(let string) = node.value else {
            mismatch(node, path, expected: expected)
            return nil
        }
        guard options.contains(string) else {
            mismatch(node, path, expected: expected, hint: Suggestions.hint(for: string, among: options))
            return nil
        }
        return string
    }

    /// A duration written as text: `"150ms"`, `"15m"`, `"1h30m"`. A bare number is refused
    /// (except 0), because `15` could mean seconds or minutes.
    ///
    /// `alternatives` are words also accepted at this place (such as `none`), named in the
    /// message and suggested for near misses; the caller handles them before calling.
    func duration(_ node: JSON5Node, _ path: String, alternatives: [String] = []) -> SimTime? {
        let expected = "a duration such as \"15m\""
            + (alternatives.isEmpty ? "" : " or \(Suggestions.quotedList(alternatives))")
        switch node.value {
        case .string(let text):
            do {
                return try SimTime(parsing: text)
            } catch {
                let suggestion = Suggestions.hint(for: text, among: alternatives)
                if !suggestion.isEmpty {
                    mismatch(node, path, expected: expected, hint: suggestion)
                } else {
                    let reason = (error as? SimTime.ParseError)?.reason ?? "\(error)"
                    mismatch(node, path, expected: expected, hint: " (\(reason))")
                }
                return nil
            }
        case .number(let number):
            if number.integer == 0 { return .zero }
            let hint: String
            if !number.double.isFinite {
                hint = ""
            } else if number.double < 0 {
                hint = " (durations cannot be negative)"
            } else {
                let n = number.text.hasPrefix("+") ? String(number.text.dropFirst()) : number.text
                // Only a plain decimal reads back as a duration once a unit is added.
                hint = n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
                    ? " (add a unit: \(Suggestions.quotedList(["\(n)ms", "\(n)s", "\(n)m", "\(n)h"])))"
                    : " (write it with a unit, e.g. \"15m\")"
            }
            mismatch(node, path, expected: expected, hint: hint)
            return nil
        default:
            mismatch(node, path, expected: expected)
            return nil
        }
    }
}
