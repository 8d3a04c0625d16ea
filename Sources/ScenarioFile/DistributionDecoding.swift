import DiscreteEvent
import JSON5
import PushSim

/// Distributions of durations: `"50ms"` (a constant), `{ constant: "50ms" }`,
/// `{ exponential: { mean } }`, `{ uniform: { min, max } }`, `{ lognormal: { median, p95 } }`
/// or `{ choice: [[duration, weight], …] }`.
extension DecodeContext {
    static let distributionKinds = ["constant", "exponential", "uniform", "lognormal", "choice"]

    func distribution(_ node: JSON5Node, _ path: String) -> DurationDistribution? {
        switch node.value {
        case .string, .number:
            return duration(node, path).map { .constant($0) }
        case .object:
            break
        default:
            mismatch(node, path, expected: "a duration such as \"15m\" or an object such as { exponential: { mean: \"2m\" } }")
            return nil
        }
        let kinds = Self.distributionKinds
        guard let reader = ObjectReader(node, path: path, known: kinds, context: self) else { return nil }
        let present = reader.members.filter { kinds.contains($0.key) }
        guard present.count == 1 else {
            if present.count > 1 {
                report(at: present[1].keyLocation, path,
                       "expected exactly one of \(Suggestions.quotedList(kinds)), found \(Suggestions.quotedList(present.map(\.key), conjunction: "and"))")
            } else if !reader.hadUnknownKeys {
                mismatch(node, path, expected: "one of \(Suggestions.quotedList(kinds))")
            }
            return nil
        }
        let kind = present[0]
        let kindPath = reader.path(kind.key)
        switch kind.key {
        case "constant":
            return duration(kind.value, kindPath).map { .constant($0) }
        case "exponential":
            guard let parameters = ObjectReader(kind.value, path: kindPath, known: ["mean"], context: self,
                                                expected: "an object such as { mean: \"2m\" }") else { return nil }
            parameters.require("mean")
            guard let mean = parameters.duration("mean") else { return nil }
            return .exponential(mean: mean)
        case "uniform":
            return uniform(kind.value, kindPath)
        case "lognormal":
            return lognormal(kind.value, kindPath)
        default:
            return choice(kind.value, kindPath)
        }
    }

    private func uniform(_ node: JSON5Node, _ path: String) -> DurationDistribution? {
        guard let parameters = ObjectReader(node, path: path, known: ["min", "max"], context: self,
                                            expected: "an object such as { min: \"1m\", max: \"5m\" }") else { return nil }
        parameters.require("min", "max")
        let min = parameters.duration("min")
        let max = parameters.duration("max")
        guard let min, let max else { return nil }
        guard min <= max else {
            reportMinAboveMax(min: "\(min)", max: "\(max)", at: parameters["min"] ?? node, parameters.path("min"))
            return nil
        }
        return .uniform(min: min, max: max)
    }

    /// The one message for every min/max pair (uniform, adaptive heartbeat, heartbeat bounds).
    func reportMinAboveMax(min: String, max: String, at node: JSON5Node, _ path: String) {
        report(node, path, "min (\(min)) is greater than max (\(max))")
    }

    private func lognormal(_ node: JSON5Node, _ path: String) -> DurationDistribution? {
        guard let parameters = ObjectReader(node, path: path, known: ["median", "p95"], context: self,
                                            expected: "an object such as { median: \"150ms\", p95: \"300ms\" }") else { return nil }
        parameters.require("median", "p95")
        let median = parameters.duration("median")
        let p95 = parameters.duration("p95")
        guard let median, let p95 else { return nil }
        do {
            return try .lognormal(median: median, p95: p95)
        } catch {
            // The engine checks the median first; point at the value that broke the rule.
            if median <= .zero {
                report(parameters["median"] ?? node, parameters.path("median"), "\(error), found \(median)")
            } else {
                report(parameters["p95"] ?? node, parameters.path("p95"), "\(error) (\(median)), found \(p95)")
            }
            return nil
        }
    }

    private func choice(_ node: JSON5Node, _ path: String) -> DurationDistribution? {
        guard case .array(let elements) = node.value else {
            mismatch(node, path, expected: "an array of [duration, weight] pairs such as [[\"4m\", 0.3], [\"20m\", 0.7]]")
            return nil
        }
        var pairs: [(SimTime, Double)] = []
        var complete = true
        for (index, element) in elements.enumerated() {
            let elementPath = KeyPath.appending(index: index, to: path)
            guard case .array(let pair) = element.value, pair.count == 2 else {
                mismatch(element, elementPath, expected: "a [duration, weight] pair such as [\"4m\", 0.3]")
                complete = false
                continue
            }
            let value = duration(pair[0], KeyPath.appending(index: 0, to: elementPath))
            let weight = number(pair[1], KeyPath.appending(index: 1, to: elementPath), .nonNegative)
            guard let value, let weight else {
                complete = false
                continue
            }
            pairs.append((value, weight))
        }
        guard complete else { return nil }
        do {
            return try .choice(pairs)
        } catch {
            report(node, path, "\(error)")
            return nil
        }
    }
}
