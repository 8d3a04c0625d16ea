import JSON5

/// One problem with a scenario: where it is, which key, and what is wrong.
///
/// Its `description` is one line in the style of a compiler diagnostic:
/// - `quickstart.json5:12:7: populations.iphone.heartbeat.fixed: expected …, found …`
///   for a problem in the file;
/// - `--set populations.iphone.count=-5: populations.iphone.count: expected …` for a
///   problem that comes from a command-line override;
/// - `quickstart.json5: cannot read the file: …` when there is no position to give.
public struct ScenarioDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as it was named (a display path).
    public var file: String
    /// Where in the file; nil when the file could not be read or the problem comes from an override.
    public var location: SourceLocation?
    /// The override as written (`populations.iphone.count=-5`) when the problem comes from one.
    public var override: String?
    /// The key the problem is about, e.g. `populations.iphone.heartbeat.fixed`; empty for
    /// the whole document.
    public var keyPath: String
    /// What was expected and what was found.
    public var message: String
    /// The command-line option the override came from, for `description`: `--set`, or
    /// `--vary` for a malformed sweep axis.
    public var overrideOption: String = "--set"

    public init(file: String, location: SourceLocation?, override: String? = nil, keyPath: String, message: String) {
        self.file = file
        self.location = location
        self.override = override
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        let origin: String
        if let override {
            origin = "\(overrideOption) \(override)"
        } else if let location {
            origin = "\(file):\(location.line):\(location.column)"
        } else {
            origin = file
        }
        return keyPath.isEmpty ? "\(origin): \(message)" : "\(origin): \(keyPath): \(message)"
    }
}

/// Why a scenario could not be loaded: every problem found, in file order, then those of
/// the overrides in the order they were given.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    public init(diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
