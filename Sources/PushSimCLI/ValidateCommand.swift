import PushSim

/// `pushsim validate FILE…`: check scenario files without running them.
struct ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Check scenario files without running them."
    static let usage = "validate FILE… [--set key.path=value]…"
    static let discussion = """
    Reads each FILE and reports every problem at once as
      file:line:column: key.path: what was expected, what was found
    (syntax errors, unknown keys with a "did you mean", wrong types, bad durations,
    impossible values). Exits 0 when all files are valid, 2 otherwise. Warns (exit 0) about
    what runs but is probably not meant: a fixed heartbeat outside the server's bounds,
    which the server replaces by the bound.
      pushsim validate Scenarios/*.json5
    """
    static let options: [OptionSpec] = [
        .value("set", "key.path=value", help: "Check with this override applied (repeatable).", repeatable: true),
    ]

    var files: [String]
    var sets: [String]

    init(_ a: ParsedArguments) throws(UsageError) {
        guard !a.positionals.isEmpty else { throw UsageError("expected at least one scenario FILE") }
        files = a.positionals
        sets = a.all("set")
    }

    func run(_ console: Console) -> Int32 {
        var status = ExitStatus.success
        for file in files {
            guard let input = ScenarioInput.load(file, sets: sets, seed: nil, console: console) else {
                status = ExitStatus.badInput
                continue
            }
            let s = input.loaded.scenario
            var line = "\(file): ok — \"\(s.name)\", \(s.deviceCount) devices in \(s.populations.count) population"
            line += s.populations.count == 1 ? "" : "s"
            line += ", \(s.duration) (warmup \(s.warmup))"
            if let sweep = input.loaded.sweep {
                let points = sweep.vary.reduce(1) { $0 * $1.values.count }
                line += ", sweep of \(points) points × \(sweep.replications) replications"
            }
            console.out(line + "\n")
            // Warnings do not change the exit status: the file runs as written.
            for warning in input.loaded.warnings { console.err(warning.description + "\n") }
        }
        return status
    }
}
