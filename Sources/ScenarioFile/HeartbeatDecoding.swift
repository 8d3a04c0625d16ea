import DiscreteEvent
import JSON5
import PushSim

/// `{ fixed: "15m" }` or `{ adaptive: { initial, min, max, step, onFailure } }` (MODEL.md §3.4).
extension DecodeContext {
    static let heartbeatKinds = ["fixed", "adaptive"]
    static let adaptiveKeys = ["initial", "min", "max", "step", "onFailure"]
    /// Adaptive defaults are Android 4.4+'s (MODEL.md §3.4): 480 s … 1680 s in steps of
    /// 300 s, stepping down after a failure; a missing `initial` starts at `min`.
    static let adaptiveDefaults = (min: SimTime.minutes(8), max: SimTime.minutes(28), step: SimTime.minutes(5),
                                   onFailure: HeartbeatFailurePolicy.stepDown)

    func heartbeat(_ node: JSON5Node, _ path: String) -> HeartbeatPolicy? {
        guard let reader = ObjectReader(node, path: path, known: Self.heartbeatKinds, context: self,
                                        expected: "an object such as { fixed: \"15m\" }") else { return nil }
        let present = reader.members.filter { Self.heartbeatKinds.contains($0.key) }
        guard present.count == 1 else {
            if present.count > 1 {
                report(at: present[1].keyLocation, path, "expected exactly one of \"fixed\" or \"adaptive\", found both")
            } else if !reader.hadUnknownKeys {
                mismatch(node, path, expected: "exactly one of \"fixed\" or \"adaptive\"")
            }
            return nil
        }
        let kind = present[0]
        let kindPath = reader.path(kind.key)
        if kind.key == "fixed" {
            return duration(kind.value, kindPath).map { .fixed($0) }
        }
        return adaptive(kind.value, kindPath)
    }

    private func adaptive(_ node: JSON5Node, _ path: String) -> HeartbeatPolicy? {
        let expected = "an object such as { initial: \"8m\", min: \"8m\", max: \"28m\", step: \"5m\", onFailure: \"stepDown\" }"
        guard let reader = ObjectReader(node, path: path, known: Self.adaptiveKeys, context: self, expected: expected) else {
            return nil
        }
        let before = issues.count
        let initial = reader.duration("initial")
        let min = reader.duration("min")
        let max = reader.duration("max")
        let step = reader.duration("step")
        let onFailure = reader.keyword("onFailure", HeartbeatFailurePolicy.allCases.map(\.rawValue))
            .flatMap(HeartbeatFailurePolicy.init(rawValue:))
        guard issues.count == before else { return nil }
        let defaults = Self.adaptiveDefaults
        let lower = min ?? defaults.min
        let upper = max ?? defaults.max
        guard lower <= upper else {
            // One of them may be a default the user never wrote; say so.
            reportMinAboveMax(min: "\(lower)" + (min == nil ? ", the default" : ""),
                              max: "\(upper)" + (max == nil ? ", the default" : ""),
                              at: reader["min"] ?? reader["max"] ?? node, reader.path(min == nil ? "max" : "min"))
            return nil
        }
        return .adaptive(initial: initial ?? lower, min: lower, max: upper, step: step ?? defaults.step,
                         onFailure: onFailure ?? defaults.onFailure)
    }
}
