import Experiments
import Foundation
import JSON5
import PushSim
import ScenarioFile

/// Loading a scenario file named on the command line, with its --set overrides; problems
/// are printed as `file:line:column: key.path: …` and give exit status 2.
struct ScenarioInput {
    var file: String
    var text: String
    var overrides: [ScenarioOverride]
    var loaded: LoadedScenario

    /// `--seed N`, checked when the command line is read: a whole number the scenario's
    /// `seed` accepts (0 … 2⁶³ − 1).
    static func seed(_ arguments: ParsedArguments) throws(UsageError) -> String? {
        guard let text = arguments.value("seed") else { return nil }
        guard let n = Int64(text), n >= 0 else {
            throw UsageError("--seed expects a whole number from 0 to \(Int64.max), such as --seed 7; found \"\(text)\"")
        }
        return String(n)
    }

    static func load(_ file: String, sets: [String], seed: String?, console: Console) -> ScenarioInput? {
        var diagnostics: [ScenarioDiagnostic] = []
        var overrides: [ScenarioOverride] = []
        for text in sets {
            do { overrides.append(try ScenarioOverride(parsing: text)) } catch { diagnostics.append(error) }
        }
        if let seed, let n = Int64(seed) {
            overrides.append(ScenarioOverride(keyPath: "seed", value: .number(JSON5Number(integer: n))))
        }
        guard let text = AtomicFile.read(file) else {
            console.err("\(file): cannot read the file (\(FileManager.default.fileExists(atPath: file) ? "not UTF-8 text" : "no such file"))\n")
            return nil
        }
        if !diagnostics.isEmpty {
            console.err(diagnostics.map { $0.description + "\n" }.joined())
            return nil
        }
        do {
            let loaded = try ScenarioLoader.load(text: text, file: file, overrides: overrides)
            return ScenarioInput(file: file, text: text, overrides: overrides, loaded: loaded)
        } catch {
            console.err(error.diagnostics.map { $0.description + "\n" }.joined())
            let n = error.diagnostics.count
            console.err("\(file): \(n) problem\(n == 1 ? "" : "s"); nothing was run.\n")
            return nil
        }
    }
}

/// Reads every `--vary key.path=v1,v2,…` as the scenario-file sweep does (`SweepAxis(parsing:)`:
/// values split at top-level commas, each a JSON5 value or else a bare string) and labels
/// each value as the sweep's table and report show it. The same key twice is refused by
/// `sweep` once the scenario's names are known (`SweepSpec.repeatedKeyPaths`, the rule the
/// file's `sweep` block follows too).
func parseVary(_ texts: [String]) throws(UsageError) -> [SweepParameter] {
    var axes: [SweepAxis] = []
    do {
        for text in texts { axes.append(try SweepAxis(parsing: text)) }
    } catch {
        throw UsageError(error.description)
    }
    return axes.map(SweepParameter.init)
}

/// One `--vary`.
func parseVary(_ text: String) throws(UsageError) -> SweepParameter { try parseVary([text])[0] }
