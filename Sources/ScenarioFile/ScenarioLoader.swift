import Foundation
import JSON5
import PushSim

/// Reads JSON5 scenario files into `Scenario` values, with every problem located.
///
/// The schema (every key optional unless marked; defaults are those of the PushSim types):
/// - top level: `name` (default: the file's base name), `description`, `seed`, `duration`,
///   `warmup`, `sampleInterval`, `profile` (`"flat"`, `"office"` or 24 weights), `server`
///   or `servers` (never both), `populations` (required, at least one), `sweep`.
/// - server: `name` (required in `servers`), `share` (default 1: an equal split), `threads`,
///   `queueLimit`, `pingHoldsThread`, `heartbeatBounds` (`[min, max]`), `onNewerRequest`,
///   `pingWork`, `syncWork`, `restarts` (`[{ at (required), drainTimeout, downtime }]`).
/// - population: `name` and `count` (required), `client`, `mode`, `fetchInterval`,
///   `heartbeat` (`{ fixed }` or `{ adaptive: { initial, min, max, step, onFailure } }`, whose
///   missing members default to Android 4.4+'s 8m … 28m in steps of 5m, stepDown, starting
///   at min), `pingGrace`, `syncTimeout`, `mail`, `userOpens`, `outbox`, `firewall`
///   (`idleTimeout`: a distribution or `"none"`), `network`, `radio`, `battery`, `traffic`, `server`.
/// - durations are text (`"15m"`); a bare number is refused except `0`. A distribution is a
///   duration or `{ constant | exponential | uniform | lognormal | choice: … }`.
///
/// Counts, threads, limits and byte sizes must be below 2³¹ − 1.
public enum ScenarioLoader {
    /// Reads, decodes and validates the file at `path`, after applying `overrides` in order.
    ///
    /// - Throws: a ``ScenarioLoadError`` with every problem found: the file cannot be read,
    ///   a syntax error (decoding stops there), or all decoding and validation problems.
    public static func load(file path: String, overrides: [ScenarioOverride] = []) throws(ScenarioLoadError) -> LoadedScenario {
        let text: String
        switch readText(path) {
        case .success(let contents): text = contents
        case .failure(let reason):
            throw ScenarioLoadError(diagnostics: [
                ScenarioDiagnostic(file: path, location: nil, keyPath: "", message: "cannot read the file: \(reason.message)"),
            ])
        }
        return try load(text: text, file: path, overrides: overrides)
    }

    /// Decodes and validates `text`, named `file` in messages, after applying `overrides`.
    public static func load(text: String, file: String, overrides: [ScenarioOverride] = []) throws(ScenarioLoadError) -> LoadedScenario {
        let root: JSON5Node
        do {
            root = try JSON5.parse(text)
        } catch {
            throw ScenarioLoadError(diagnostics: [
                ScenarioDiagnostic(file: file, location: error.location, keyPath: "", message: error.message),
            ])
        }
        return try load(tree: root, file: file, overrides: overrides, earlier: [], checkSweep: true)
    }

    static func load(tree: JSON5Node, file: String, overrides: [ScenarioOverride], earlier: [ScenarioOverride],
                     checkSweep: Bool) throws(ScenarioLoadError) -> LoadedScenario {
        let all = earlier + overrides
        var root = tree
        var issues: [Issue] = []
        for (offset, override) in overrides.enumerated() {
            let stamp = overrideStamp(earlier.count + offset)
            guard let components = KeyPath.parse(override.keyPath) else {
                issues.append(Issue(location: stamp, keyPath: "", message: ScenarioOverride.malformedKeyPathMessage(override.keyPath)))
                continue
            }
            // A document that is not an object is reported as such; overrides cannot apply.
            guard case .object = root.value else { break }
            let value = OverrideApplier.restamped(JSON5Node(value: override.value, location: stamp), stamp)
            do {
                try OverrideApplier.apply(components, value: value, to: &root, stamp: stamp)
            } catch {
                issues.append(Issue(location: stamp, keyPath: error.keyPath, message: error.message))
            }
        }
        let defaultName = baseName(of: file)
        let (document, decodingIssues) = Analysis.analyze(root, defaultName: defaultName)
        issues += decodingIssues
        if checkSweep, let document {
            issues += Analysis.sweepIssues(document, root: root, baseIssues: decodingIssues, defaultName: defaultName)
        }
        guard issues.isEmpty, let document else {
            throw ScenarioLoadError(diagnostics: diagnostics(issues, file: file, overrides: all))
        }
        return LoadedScenario(scenario: document.scenario, sweep: document.sweep, tree: root, file: file, overrides: all)
    }

    /// Overrides have no place in the file, so their nodes are located on line 0, with the
    /// override's position in the column (1-based); `diagnostics` maps them back.
    static func overrideStamp(_ index: Int) -> SourceLocation {
        SourceLocation(line: 0, column: index + 1, offset: 0)
    }

    /// In file order, then the overrides' in the order given; duplicates once.
    static func diagnostics(_ issues: [Issue], file: String, overrides: [ScenarioOverride]) -> [ScenarioDiagnostic] {
        var seen = Set<Issue>()
        let unique = issues.filter { seen.insert($0).inserted }
        // Overrides sort after the file, by their position; the stable tie-break keeps
        // the order in which the decoder found problems at the same place.
        func sortKey(_ issue: Issue, _ position: Int) -> (Int, Int, Int) {
            issue.location.line == 0 ? (1, issue.location.column, position) : (0, issue.location.offset, position)
        }
        let ordered = unique.enumerated().sorted { sortKey($0.element, $0.offset) < sortKey($1.element, $1.offset) }
        return ordered.map { _, issue in
            if issue.location.line == 0 {
                let index = issue.location.column - 1
                let text = overrides.indices.contains(index) ? overrides[index].text : "?"
                return ScenarioDiagnostic(file: file, location: nil, override: text, keyPath: issue.keyPath, message: issue.message)
            }
            return ScenarioDiagnostic(file: file, location: issue.location, keyPath: issue.keyPath, message: issue.message)
        }
    }

    /// `quickstart` for `Scenarios/quickstart.json5`, made a valid name (`ScenarioName.sanitized`).
    static func baseName(of file: String) -> String {
        var name = Substring(file)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return ScenarioName.sanitized(String(name))
    }

    struct ReadFailure: Error { var message: String }

    static func readText(_ path: String) -> Result<String, ReadFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadFailure(message: "no such file"))
        }
        if isDirectory.boolValue { return .failure(ReadFailure(message: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(message: "permission denied or not a regular file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadFailure(message: "not UTF-8 text"))
        }
        return .success(text)
    }
}
