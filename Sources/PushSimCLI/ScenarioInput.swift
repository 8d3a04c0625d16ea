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

    static func load(_ file: String, sets: [String], seed: String?, console: Console) -> ScenarioInput? {
        var diagnostics: [ScenarioDiagnostic] = []
        var overrides: [ScenarioOverride] = []
        for text in sets {
            do { overrides.append(try ScenarioOverride(parsing: text)) } catch { diagnostics.append(error) }
        }
        if let seed {
            if let n = UInt64(seed) {
                overrides.append(ScenarioOverride(keyPath: "seed", value: .number(JSON5Number(integer: Int64(truncatingIfNeeded: n)))))
            } else {
                console.err("--seed expects a whole number, found \"\(seed)\"\n")
                return nil
            }
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

/// Reads `--vary key.path=v1,v2,…` as the scenario-file sweep does (`SweepAxis(parsing:)`:
/// values split at top-level commas, each a JSON5 value or else a bare string) and labels
/// each value as the sweep's table and report show it.
func parseVary(_ text: String) throws(UsageError) -> SweepParameter {
    let axis: SweepAxis
    do {
        axis = try SweepAxis(parsing: text)
    } catch {
        throw UsageError(error.description)
    }
    return SweepParameter(keyPath: axis.keyPath, values: axis.values, labels: axis.values.map(\.displayText))
}
