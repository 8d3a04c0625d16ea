import DiscreteEvent
import Foundation

/// A target on one figure of `summary.json`, in the language of `pushsim size --target`
/// and `pushsim sweep --best`: `METRIC OP VALUE`, e.g. `threads.fullFraction <= 0.01`,
/// `pushLatency.p95 < 60` or `pushLatency.p95 < 1m` (a duration is read in seconds, the
/// unit of every time in `summary.json`).
///
/// A value *meets* the target when the mean of its replications does; a figure that does
/// not exist (`null`) meets nothing.
public struct MetricTarget: Hashable, Sendable, CustomStringConvertible {
    public enum Relation: String, Hashable, Sendable, CaseIterable {
        case atMost = "<=", below = "<", atLeast = ">=", above = ">", equal = "=="

        /// The relation that holds exactly when this one fails (`<=` → `>`).
        public var negation: String {
            switch self {
            case .atMost: ">"
            case .below: ">="
            case .atLeast: "<"
            case .above: "<="
            case .equal: "!="
            }
        }
    }

    /// The key path in `summary.json`: `threads.fullFraction`, `populations.iphone.pushLatency.p95`.
    public var metric: String
    public var relation: Relation
    public var value: Double
    /// The target as written.
    public var text: String

    public init(metric: String, relation: Relation, value: Double) {
        self.metric = metric
        self.relation = relation
        self.value = value
        self.text = "\(metric) \(relation.rawValue) \(MetricTarget.number(value))"
    }

    /// Reads `METRIC OP VALUE`; spaces around the operator are optional.
    ///
    /// - Throws: a ``MetricTargetError`` that says what was expected and what was found.
    public init(parsing text: String) throws(MetricTargetError) {
        let trimmed = text.trimming(" \t")
        // Two-character operators first, so that "<=" is not read as "<" then "=5".
        let operators = ["<=", ">=", "==", "<", ">"]
        var found: (op: String, range: Range<String.Index>)?
        for op in operators {
            if let range = trimmed.range(of: op), found.map({ range.lowerBound < $0.range.lowerBound }) ?? true {
                found = (op, range)
            }
        }
        guard let found, let relation = Relation(rawValue: found.op) else {
            throw MetricTargetError(text, "expected METRIC OP VALUE with OP one of <=, <, >=, >, ==, such as \"threads.fullFraction <= 0.01\"; found no operator")
        }
        let metric = String(trimmed[..<found.range.lowerBound]).trimming(" \t")
        let valueText = String(trimmed[found.range.upperBound...]).trimming(" \t")
        guard !metric.isEmpty else {
            throw MetricTargetError(text, "expected a metric before \"\(found.op)\", such as threads.fullFraction")
        }
        guard !metric.contains(where: { $0 == " " || $0 == "=" || $0 == "<" || $0 == ">" }) else {
            throw MetricTargetError(text, "expected one metric key path before the operator, found \"\(metric)\"")
        }
        guard let value = Self.value(valueText) else {
            throw MetricTargetError(text, "expected a number or a duration (read in seconds) after \"\(found.op)\", found \"\(valueText)\"")
        }
        self.metric = metric
        self.relation = relation
        self.value = value
        self.text = "\(metric) \(found.op) \(valueText)"
    }

    static func value(_ text: String) -> Double? {
        if let number = Double(text), number.isFinite, !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) {
            return number
        }
        guard let first = text.first, first.isNumber, let duration = try? SimTime(parsing: text) else { return nil }
        return Double(duration.microseconds) / 1e6
    }

    /// Whether `mean` meets the target; nil (a figure that does not exist) never does.
    public func isMet(by mean: Double?) -> Bool {
        guard let mean, mean.isFinite else { return false }
        switch relation {
        case .atMost: return mean <= value
        case .below: return mean < value
        case .atLeast: return mean >= value
        case .above: return mean > value
        case .equal: return mean == value
        }
    }

    /// How far `mean` is from meeting the target, in the metric's unit (0 when it meets).
    public func shortfall(_ mean: Double?) -> Double {
        guard let mean, mean.isFinite else { return .infinity }
        if isMet(by: mean) { return 0 }
        return abs(mean - value)
    }

    /// The shortfall relative to the target value, for ranking values that fail.
    public func relativeShortfall(_ mean: Double?) -> Double {
        let s = shortfall(mean)
        return s == 0 || !s.isFinite ? s : s / max(abs(value), 1e-12)
    }

    public var description: String { text }

    /// Up to `digits` significant digits (whole numbers in full), without a trailing ".0":
    /// `0.01`, `612`, `0.0131`.
    public static func number(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "null" : (x < 0 ? "-inf" : "inf") }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var text = String(format: "%.\(digits)g", x)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

/// A target that cannot be read.
public struct MetricTargetError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var message: String
    public init(_ text: String, _ message: String) {
        self.text = text
        self.message = message
    }
    public var description: String { "\"\(text)\": \(message)" }
}

extension String {
    func trimming(_ set: String) -> String {
        var slice = self[...]
        while let f = slice.first, set.contains(f) { slice = slice.dropFirst() }
        while let l = slice.last, set.contains(l) { slice = slice.dropLast() }
        return String(slice)
    }
}
