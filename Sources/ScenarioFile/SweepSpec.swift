import JSON5

/// The optional `sweep` block of a scenario file: which parameters to vary, over which
/// values, and how many replications of each point. It is not part of the `Scenario`.
///
/// ```json5
/// sweep: { vary: { "populations.iphone.heartbeat.fixed": ["5m", "10m"] }, replications: 3 }
/// ```
public struct SweepSpec: Hashable, Sendable {
    /// The axes in the order of the file.
    public var vary: [SweepAxis]
    /// Runs per point, each with its own replication number; at least 1.
    public var replications: Int

    public init(vary: [SweepAxis] = [], replications: Int = 1) {
        self.vary = vary
        self.replications = replications
    }

    /// Every combination of one value per axis, as overrides to apply to the scenario
    /// (first axis varying slowest); a single empty point when there are no axes.
    public var points: [[ScenarioOverride]] {
        vary.reduce([[]]) { points, axis in
            points.flatMap { point in
                axis.values.map { point + [ScenarioOverride(keyPath: axis.keyPath, value: $0)] }
            }
        }
    }
}

extension SweepSpec {
    /// The key paths that name a parameter already named earlier in `keyPaths`, however
    /// spelled (`populations[0].count`, `populations.0.count` and `populations.iphone.count`
    /// are one key when the first population is `iphone`): a sweep varies each parameter on
    /// one axis, so the same key twice is refused, in the file's `sweep.vary` block and on
    /// the command line (`--vary`) alike. Each repeat is given with the index of its first
    /// occurrence.
    public static func repeatedKeyPaths(_ keyPaths: [String], populations: [String] = [],
                                        servers: [String] = []) -> [(index: Int, keyPath: String, first: Int)] {
        var seen: [[String]: Int] = [:]
        var repeats: [(index: Int, keyPath: String, first: Int)] = []
        for (i, keyPath) in keyPaths.enumerated() {
            var key = LoadedScenario.keyPathComponents(keyPath) ?? [keyPath]
            if key.count > 1, let names = key[0] == "populations" ? populations : key[0] == "servers" ? servers : nil,
               let index = names.firstIndex(of: key[1]) {
                key[1] = String(index)
            }
            if let first = seen[key] { repeats.append((i, keyPath, first)) } else { seen[key] = i }
        }
        return repeats
    }

    /// The message for a repeated key.
    public static func repeatedKeyMessage(_ keyPath: String, first: String) -> String {
        first == keyPath
            ? "\(keyPath) is varied twice: give each parameter once, with all its values (key.path=v1,v2,…)"
            : "\(keyPath) is the same parameter as \(first), varied twice: give each parameter once, with all its values"
    }
}

/// One parameter of a sweep and the values it takes.
public struct SweepAxis: Hashable, Sendable {
    /// A key path as in `--set`, e.g. `populations.iphone.heartbeat.fixed`.
    public var keyPath: String
    public var values: [JSON5Value]

    public init(keyPath: String, values: [JSON5Value]) {
        self.keyPath = keyPath
        self.values = values
    }

    /// Reads a command-line axis, `key.path=v1,v2,…`: values are split at commas outside
    /// quotes, brackets and braces, and each is read as in `--set` (JSON5, else a bare string).
    ///
    /// - Throws: a ``ScenarioDiagnostic`` (with `override` set to `text` and
    ///   `overrideOption` to `--vary`) for bad syntax.
    public init(parsing text: String) throws(ScenarioDiagnostic) {
        let keyPath: String
        let valuesText: String
        do {
            (keyPath, valuesText) = try ScenarioOverride.split(text)
        } catch {
            var diagnostic = error
            diagnostic.overrideOption = "--vary"
            throw diagnostic
        }
        let pieces = Self.splitValues(valuesText).map { String($0.droppingAround(" \t")) }
        guard !pieces.contains(where: \.isEmpty) else {
            var diagnostic = ScenarioDiagnostic(file: "", location: nil, override: text, keyPath: keyPath,
                                                message: "expected values separated by commas, such as 5m,10m,15m, found an empty value")
            diagnostic.overrideOption = "--vary"
            throw diagnostic
        }
        self.init(keyPath: keyPath, values: pieces.map(ScenarioOverride.value(from:)))
    }

    static func splitValues(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for character in text {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth = max(0, depth - 1)
            } else if character == ",", depth == 0 {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}

/// An axis of the `sweep` block with the nodes it came from, for checking in place.
struct SweepAxisSource {
    var keyPath: String
    var components: [KeyPathComponent]
    var keyLocation: SourceLocation
    var values: [JSON5Node]
}

extension DecodeContext {
    static let sweepKeys = ["vary", "replications"]
    static let maximumReplications = 1_000_000

    /// Nil (after reporting) when the block is not an object.
    func sweep(_ node: JSON5Node, _ path: String) -> (spec: SweepSpec, axes: [SweepAxisSource])? {
        guard let reader = ObjectReader(node, path: path, known: Self.sweepKeys, context: self,
                                        expected: "an object such as { vary: { \"populations.iphone.count\": [100, 200] } }")
        else { return nil }
        var spec = SweepSpec()
        if let replications = reader.integer("replications", in: 1...Self.maximumReplications) {
            spec.replications = replications
        }
        var axes: [SweepAxisSource] = []
        if let vary = reader["vary"] {
            // Its keys are key paths, checked one by one, so no ObjectReader here.
            if case .object(let members) = vary.value {
                // A key varied twice is refused after decoding, when population and server
                // names are known (`SweepSpec.repeatedKeyPaths`, in `Analysis.sweepIssues`).
                axes = members.compactMap { sweepAxis($0, varyPath: reader.path("vary")) }
                spec.vary = axes.map { SweepAxis(keyPath: $0.keyPath, values: $0.values.map(\.value)) }
            } else {
                mismatch(vary, reader.path("vary"),
                         expected: "an object of key paths and values such as { \"populations.iphone.count\": [100, 200] }")
            }
        }
        return (spec, axes)
    }

    private func sweepAxis(_ member: JSON5Member, varyPath: String) -> SweepAxisSource? {
        let axisPath = "\(varyPath)[\(Found.quoted(member.key))]"
        guard let components = KeyPath.parse(member.key) else {
            report(at: member.keyLocation, axisPath,
                   "expected a key path such as \"populations.iphone.heartbeat.fixed\", found \(Found.quoted(member.key))")
            return nil
        }
        if case .key("sweep") = components.first {
            report(at: member.keyLocation, axisPath, "a sweep cannot vary its own sweep block")
            return nil
        }
        guard case .array(let values) = member.value.value, !values.isEmpty else {
            mismatch(member.value, axisPath, expected: "a non-empty array of values such as [\"5m\", \"10m\"]")
            return nil
        }
        return SweepAxisSource(keyPath: member.key, components: components, keyLocation: member.keyLocation, values: values)
    }
}
