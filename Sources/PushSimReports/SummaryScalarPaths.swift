import JSON5
import PushSim

/// Every scalar of a `summary.json` by its key path, read from the JSON itself:
/// `threads.fullFraction`, `pushLatency.p95`, `populations.iphone.battery.percentPerDay`,
/// `servers.eu-1.threads.mean`. Because the names come from the summary and not from a
/// list, a metric the model adds is a valid target as soon as the summary carries it.
///
/// Numbers and `null`s are scalars (a `null` is a figure that does not exist); arrays
/// (histogram bins, restarts), strings and booleans are not. Objects keyed by numbers
/// (`httpStatus`, `heartbeat.final`) are *counted maps*: a key missing from one summary is
/// a count of zero there.
public struct SummaryScalarPaths: Sendable {
    /// Value by key path; nil for `null`.
    public private(set) var values: [String: Double?] = [:]
    /// Key paths in the summary's order.
    public private(set) var paths: [String] = []
    /// Objects keyed by numbers (or empty), whose missing members count as 0.
    public private(set) var countedMaps: Set<String> = []

    /// - Throws: the JSON5 syntax error when `text` is not JSON.
    public init(jsonText text: String) throws {
        let root = try JSON5.parse(text)
        walk(root, "")
    }

    private mutating func walk(_ node: JSON5Node, _ path: String) {
        switch node.value {
        case .object(let members):
            if !path.isEmpty, members.allSatisfy({ $0.key.first.map { $0.isNumber } ?? false }) { countedMaps.insert(path) }
            for member in members { walk(member.value, path.isEmpty ? member.key : path + "." + member.key) }
        case .number(let number):
            values[path] = number.double
            paths.append(path)
        case .null:
            values[path] = .some(nil)
            paths.append(path)
        case .array(let elements) where path.hasSuffix("heartbeat.final"):
            // `[{seconds, devices}, …]`: devices by final heartbeat, read as the counted map
            // `heartbeat.final.<seconds>`.
            countedMaps.insert(path)
            for element in elements {
                guard let seconds = element["seconds"]?.value.numberValue, let devices = element["devices"]?.value.numberValue else { continue }
                let key = path + "." + JSONText.format(seconds.double)
                values[key] = devices.double
                paths.append(key)
            }
        default:
            break
        }
    }

    /// Whether `metric` names a scalar of this summary (or a member of a counted map).
    public func contains(_ metric: String) -> Bool {
        values[metric] != nil || countedMapMember(metric)
    }

    /// The value of `metric`: a number, nil for `null` or when it is absent; 0 for an
    /// absent member of a counted map.
    public func value(_ metric: String) -> Double? {
        if let v = values[metric] { return v }
        return countedMapMember(metric) ? 0 : nil
    }

    private func countedMapMember(_ metric: String) -> Bool {
        guard let dot = metric.lastIndex(of: ".") else { return false }
        let last = metric[metric.index(after: dot)...]
        return countedMaps.contains(String(metric[..<dot])) && !last.isEmpty && Double(last) != nil
    }
}
