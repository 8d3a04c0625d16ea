import Experiments
import Foundation
import PushSim
import PushSimReports
import ScenarioFile

/// `pushsim size FILE --find KEY.PATH --target 'METRIC OP VALUE'…`: the smallest (or
/// largest) value of a parameter that meets every target. The search is in Experiments
/// (`Sizing`); this reads the command line and prints the answer.
struct SizeCommand: Command {
    static let name = "size"
    static let abstract = "Find the smallest (or largest) value of a parameter that meets every target."
    static let usage = "size FILE --find key.path --target 'METRIC OP VALUE' [--target …] [--smallest | --largest] [--range LO..HI] [--resolution STEP] [--replications R] [--jobs N] [--set key.path=value]… [--seed N] [--out DIR] [--max-memory SIZE] [--quiet]"
    static let discussion = """
    Answers the questions a capacity planner asks: how many threads does this fleet need,
    how many devices can this server carry, what is the longest heartbeat that keeps the
    battery in bounds. --find names any whole-number or duration parameter that --set
    accepts; each --target names a number of summary.json by its key path, an operator
    (<=, <, >=, >, ==) and a value (a duration such as 1m is read in seconds).
      pushsim size Scenarios/size-traveler-threads.json5 --find server.threads \\
              --target 'threads.fullFraction <= 0.01' --target 'pushLatency.p95 <= 60'
      pushsim size Scenarios/size-devices-per-server.json5 --find populations.iphone.count --largest \\
              --target 'threads.fullFraction <= 0.01'
      pushsim size FILE --find populations.iphone.heartbeat.fixed --largest \\
              --target 'battery.percentPerDay <= 5' --target 'pushLatency.p95 <= 60s'

    A value meets a target when the mean over its R replications does (default 3; the seeds
    and common random numbers of `pushsim sweep`). The search brackets from the bottom of
    the range, then bisects, evaluating N values per round with --jobs N; if the
    evaluations are not monotone it says which values, and scans the bracket instead of
    guessing. Whole numbers are exact; durations are found to --resolution (default 10s).
    Default ranges: threads 1..1000000, counts 1..10000000, durations 30s..60m — a
    heartbeat's range stops at the server's heartbeat bounds.

    Writes into DIR (default Results/<scenario name>-size): size.json (the answer, the
    neighbour that fails, every value evaluated, the rules of thumb), report.html, and
    points/<value>/r<k>/summary.json for every run, as a sweep stores them: a rerun or an
    interrupted search redoes nothing, even with other targets. Prints one line:
      server.threads = 612 — smallest meeting 2 targets (611: threads.fullFraction 0.013 ± 0.002 > 0.01)
    Exits 1 with a sentence naming the closest value when nothing in the range meets the
    targets; 2 for bad input (unknown keys and metrics get a did-you-mean).
    """
    static let options: [OptionSpec] = [
        .value("find", "key.path", help: "The parameter to search (a whole number or a duration)."),
        .value("target", "'METRIC OP VALUE'", help: "A target every answer must meet (repeatable).", repeatable: true),
        .flag("smallest", help: "Find the smallest value meeting every target (default)."),
        .flag("largest", help: "Find the largest value meeting every target."),
        .value("range", "LO..HI", help: "Values to search (default from the parameter)."),
        .value("resolution", "STEP", help: "Step of the search (default 1, or 10s for durations)."),
        .value("replications", "R", help: "Replications per value (default 3)."),
        .value("jobs", "N", help: "Values evaluated per round, runs in parallel (default: the number of cores)."),
        .value("set", "key.path=value", help: "Override a parameter (repeatable).", repeatable: true),
        .value("seed", "N", help: "Use this seed instead of the file's."),
        .value("out", "DIR", help: "Output folder (default Results/<scenario name>-size)."),
        ProgressMode.option,
        MemoryCheck.option,
        .flag("quiet", help: "No progress on stderr."),
    ]

    var file: String
    var progressChoice: ProgressMode?
    var find: String
    var targets: [MetricTarget]
    var direction: SizingDirection
    var range: String?
    var resolution: String?
    var replications: Int
    var jobs: Int
    var sets: [String]
    var seed: String?
    var out: String?
    var quiet: Bool
    var memory: MemoryCheck

    init(_ a: ParsedArguments) throws(UsageError) {
        guard a.positionals.count == 1 else { throw UsageError("expected one scenario FILE, found \(a.positionals.count)") }
        file = a.positionals[0]
        guard let find = a.value("find") else { throw UsageError("give the parameter to search with --find key.path, such as --find server.threads") }
        self.find = find
        guard !a.all("target").isEmpty else { throw UsageError("give at least one --target 'METRIC OP VALUE', such as --target 'threads.fullFraction <= 0.01'") }
        var targets: [MetricTarget] = []
        for text in a.all("target") {
            do { targets.append(try MetricTarget(parsing: text)) } catch { throw UsageError("--target \(error)") }
        }
        self.targets = targets
        guard !(a.has("smallest") && a.has("largest")) else { throw UsageError("give --smallest or --largest, not both") }
        direction = a.has("largest") ? .largest : .smallest
        range = a.value("range")
        resolution = a.value("resolution")
        replications = try a.integer("replications", in: 1...10_000) ?? 3
        jobs = try a.integer("jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        sets = a.all("set")
        seed = try ScenarioInput.seed(a)
        out = a.value("out")
        quiet = a.has("quiet")
        memory = try MemoryCheck(a)
        progressChoice = try ProgressMode.chosen(a)
    }

    func run(_ console: Console) -> Int32 {
        guard let input = ScenarioInput.load(file, sets: sets, seed: seed, console: console) else { return ExitStatus.badInput }
        let parameter: SizingParameter
        do {
            parameter = try SizingParameter.resolve(find, in: input.loaded, range: range, resolution: resolution)
            try MetricCatalog(scenario: input.loaded.scenario).check(targets)
        } catch {
            console.err(error.lines.map { $0 + "\n" }.joined() + "nothing was run.\n")
            return ExitStatus.badInput
        }
        if let note = parameter.clampNote { console.err("pushsim size: the range of \(find) is \(note)\n") }
        let folder = out ?? "Results/\(input.loaded.scenario.name)-size"
        let request = Sizing.Request(text: input.text, file: input.file, overrides: input.overrides, loaded: input.loaded,
                                     parameter: parameter, targets: targets, direction: direction,
                                     replications: replications, jobs: jobs, folder: folder,
                                     memoryRefusal: { [memory] estimate, concurrent in
                                         memory.refusal(estimate, concurrent: concurrent, retained: concurrent)
                                     })
        let progress = ProgressLine(console, mode: ProgressMode.resolve(progressChoice, quiet: quiet, console: console))
        do {
            let outcome = try Sizing.run(request, progress: progress.sink)
            progress.finish()
            guard outcome.found else {
                console.err(outcome.line + "\n")
                return ExitStatus.failure
            }
            console.out(outcome.line + "\n")
            if !quiet {
                console.err("\(outcome.table.points.count) values evaluated (\(outcome.ran) runs now, the rest from \(folder)/points); wrote \(folder)/size.json and \(folder)/report.html\n")
            }
            return ExitStatus.success
        } catch let error as SweepError {
            progress.finish()
            console.err("pushsim size: \(error)\n")
            return ExitStatus.badInput
        } catch {
            progress.finish()
            console.err("pushsim size: \(error)\n")
            return ExitStatus.failure
        }
    }
}
