import JSON5
import PushSim
import ScenarioFile

/// One varied parameter: a key path and the values it takes, as written.
public struct SweepParameter: Hashable, Sendable {
    public var keyPath: String
    /// Each value as the scenario loader reads it, and its display text ("15m").
    public var values: [JSON5Value]
    public var labels: [String]

    public init(keyPath: String, values: [JSON5Value], labels: [String]) {
        self.keyPath = keyPath
        self.values = values
        self.labels = labels
    }

    /// An axis of a scenario file's `sweep` block or of `--vary` (both read as `SweepAxis`),
    /// each value labelled as the sweep's table and report show it ("15m"). The one mapping
    /// from what a user wrote to what a sweep varies.
    public init(_ axis: SweepAxis) {
        self.init(keyPath: axis.keyPath, values: axis.values, labels: axis.values.map(\.displayText))
    }
}

/// What a sweep runs: every combination of the parameters' values (a *point*), each
/// replicated with replication numbers 0 ..< replications of the same seed, so every point
/// sees the same random numbers (common random numbers) and differences between points
/// come from the parameters alone.
///
/// Work is numbered point-major, `item = point × replications + replication`; shard K of N
/// takes the items with `item % N == K − 1`, a deterministic slice that keeps the work of
/// neighbouring points spread over the shards.
public struct SweepPlan: Hashable, Sendable {
    public var scenarioName: String
    /// Identifies the scenario text and its --set overrides: a folder that holds results
    /// for another identity belongs to another sweep and is never resumed into.
    public var scenarioIdentity: String
    public var parameters: [SweepParameter]
    public var replications: Int
    public var seed: UInt64

    public init(scenarioName: String, scenarioIdentity: String, parameters: [SweepParameter], replications: Int, seed: UInt64) {
        self.scenarioName = scenarioName
        self.scenarioIdentity = scenarioIdentity
        self.parameters = parameters
        self.replications = max(1, replications)
        self.seed = seed
    }

    public var pointCount: Int { parameters.reduce(1) { $0 * $1.values.count } }
    public var itemCount: Int { pointCount * replications }

    /// The index of each parameter's value at `point`; the first parameter varies slowest.
    public func valueIndices(ofPoint point: Int) -> [Int] {
        var rest = point
        var indices = [Int](repeating: 0, count: parameters.count)
        for i in parameters.indices.reversed() {
            indices[i] = rest % parameters[i].values.count
            rest /= parameters[i].values.count
        }
        return indices
    }

    public func labels(ofPoint point: Int) -> [String] {
        zip(parameters, valueIndices(ofPoint: point)).map { $0.labels[$1] }
    }

    public func item(_ i: Int) -> (point: Int, replication: Int) { (i / replications, i % replications) }

    public func items(inShard shard: Shard?) -> [Int] {
        guard let shard else { return Array(0..<itemCount) }
        return (0..<itemCount).filter { $0 % shard.count == shard.index - 1 }
    }

    /// Folder of a point, relative to the sweep folder, zero-padded to one width so that
    /// folders sort in point order: `points/p07` of 12 points (`p00` … `p11`), `p007` of 101 or more.
    public func pointFolder(_ point: Int) -> String {
        let width = String(max(0, pointCount - 1)).count
        let digits = String(point)
        return "points/p" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The summary of one item, relative to the sweep folder: `points/p07/r2/summary.json`.
    public func summaryPath(_ item: Int) -> String {
        let (point, replication) = self.item(item)
        return "\(pointFolder(point))/r\(replication)/summary.json"
    }

    /// `sweep.json`: the plan, so that a rerun, a shard and a merge can check they belong
    /// to the same sweep.
    public var json: JSONText {
        .object([
            ("scenario", .string(scenarioName)),
            ("identity", .string(scenarioIdentity)),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("replications", .int(replications)),
            ("points", .int(pointCount)),
            ("parameters", .array(parameters.map { p in
                .object([("keyPath", .string(p.keyPath)),
                         ("values", .array(p.values.map { .string($0.jsonText(pretty: false)) })),
                         ("labels", .array(p.labels.map { .string($0) }))])
            })),
        ])
    }

    /// Reads a plan back from `sweep.json`.
    public init(jsonText: String) throws {
        let root = try JSON5.parse(jsonText).value
        func field(_ key: String) throws -> JSON5Value {
            guard let v = root[key]?.value else { throw SweepError("sweep.json has no \"\(key)\"") }
            return v
        }
        guard case .string(let name) = try field("scenario"), case .string(let identity) = try field("identity"),
              case .number(let seed) = try field("seed"), case .number(let replications) = try field("replications"),
              case .array(let parameters) = try field("parameters") else {
            throw SweepError("sweep.json is not a sweep plan")
        }
        var decoded: [SweepParameter] = []
        for p in parameters {
            guard case .string(let keyPath)? = p.value["keyPath"]?.value,
                  case .array(let values)? = p.value["values"]?.value,
                  case .array(let labels)? = p.value["labels"]?.value else { throw SweepError("sweep.json: a parameter is malformed") }
            let parsed = try values.map { node -> JSON5Value in
                guard case .string(let text) = node.value else { throw SweepError("sweep.json: a value is malformed") }
                return try JSON5.parse(text).value
            }
            let texts = labels.compactMap { node -> String? in if case .string(let s) = node.value { return s } else { return nil } }
            decoded.append(SweepParameter(keyPath: keyPath, values: parsed, labels: texts))
        }
        self.init(scenarioName: name, scenarioIdentity: identity, parameters: decoded,
                  replications: Int(replications.integer ?? 1), seed: UInt64(seed.integer ?? 1))
    }
}

/// Shard K of N (1-based), from `--shard K/N`.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads "K/N" with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}

/// A sweep that cannot go on: another sweep's folder, a missing plan, a merge of unrelated
/// shards.
public struct SweepError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
