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

/// Splits the values of `--vary key.path=v1,v2,…` at top-level commas (not inside quotes,
/// brackets or braces), each read as a JSON5 value or else as a bare string.
func parseVary(_ text: String) throws(UsageError) -> SweepParameter {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
        throw UsageError("--vary expects key.path=value1,value2,…, found \"\(text)\"")
    }
    let keyPath = String(text[..<equals])
    var parts: [String] = []
    var current = ""
    var depth = 0
    var quote: Character?
    for c in text[text.index(after: equals)...] {
        if let q = quote {
            if c == q { quote = nil }
        } else if c == "\"" || c == "'" {
            quote = c
        } else if c == "[" || c == "{" {
            depth += 1
        } else if c == "]" || c == "}" {
            depth -= 1
        } else if c == "," && depth == 0 {
            parts.append(current)
            current = ""
            continue
        }
        current.append(c)
    }
    parts.append(current)
    let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }
    guard !trimmed.contains(where: \.isEmpty) else { throw UsageError("--vary \(keyPath): an empty value in \"\(text)\"") }
    let values = trimmed.map { JSON5.parseValue($0) ?? .string($0) }
    return SweepParameter(keyPath: keyPath, values: values, labels: values.map(\.displayText))
}
