import PushSim
import ScenarioFile

/// `pushsim validate FILE…`: check scenario files without running them.
struct ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Check scenario files without running them."
    static let usage = "validate FILE… [--set key.path=value]… [--max-memory SIZE]"
    static let discussion = """
    Reads each FILE and reports every problem at once as
      file:line:column: key.path: what was expected, what was found
    (syntax errors, unknown keys with a "did you mean", wrong types, bad durations,
    impossible values). For a valid file it prints the memory a run needs (for a sweep,
    its largest point), refusing what does not fit in this machine's memory or
    --max-memory, and one line per server with its effective settings: the product
    preset (`server.kind`) and what the file changed. Warns (exit 0) about what runs but
    is probably not meant: a fixed heartbeat outside the server's bounds, which the server
    replaces by the bound. Exits 0 when all files are valid, 2 otherwise.
      pushsim validate Scenarios/*.json5
      pushsim validate Scenarios/quickstart.json5 --set populations.iphone.count=1000000 --max-memory 4G
    """
    static let options: [OptionSpec] = [
        .value("set", "key.path=value", help: "Check with this override applied (repeatable).", repeatable: true),
        MemoryCheck.option,
    ]

    var files: [String]
    var sets: [String]
    var memory: MemoryCheck

    init(_ a: ParsedArguments) throws(UsageError) {
        guard !a.positionals.isEmpty else { throw UsageError("expected at least one scenario FILE") }
        files = a.positionals
        sets = a.all("set")
        memory = try MemoryCheck(a)
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
            var estimate = s.memoryEstimate
            if let sweep = input.loaded.sweep {
                let points = sweep.vary.reduce(1) { $0 * $1.values.count }
                line += ", sweep of \(plural(points, "point")) × \(plural(sweep.replications, "replication"))"
                for point in sweep.points {
                    guard let scenario = try? ScenarioLoader.load(text: input.text, file: file, overrides: input.overrides + point).scenario
                    else { continue }
                    if scenario.memoryEstimate.bytes > estimate.bytes { estimate = scenario.memoryEstimate }
                }
            }
            line += "; needs about \(MemoryCheck.size(estimate.bytes)) of memory per run"
            if let refusal = memory.refusal(estimate) {
                console.err("\(file): \(refusal)\n")
                status = ExitStatus.badInput
                continue
            }
            console.out(line + "\n")
            for server in s.servers {
                console.out("  \(s.servers.count == 1 ? "server" : "server " + server.name): \(server.effectiveSettings)\n")
            }
            // Warnings do not change the exit status: the file runs as written.
            for warning in input.loaded.warnings { console.err(warning.description + "\n") }
        }
        return status
    }
}
