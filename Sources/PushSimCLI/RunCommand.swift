import AccessLogs
import Experiments
import Foundation
import PushSim
import RunLogs
import ScenarioFile

/// `pushsim run FILE`: one scenario, written to a folder.
struct RunCommand: Command {
    static let name = "run"
    static let abstract = "Run a scenario file and write its results and report."
    static let usage = "run FILE [--seed N] [--replications R] [--set key.path=value]… [--out DIR] [--jobs N] [--max-memory SIZE] [--progress plain|bar|none] [--reference] [--access-log iis|apache|nginx|domino|zpush] [--quiet]"
    static let discussion = """
    Runs the scenario in FILE (JSON5, see README "Scenario files") and writes into DIR
    (default Results/<scenario name>/):
      summary.json     every metric, overall and per population (byte-for-byte reproducible)
      timeseries.csv   threads held, queue and outcomes per sample interval
      report.html      a self-contained report with charts; open it in a browser
      run.json         wall-clock time and events per second of this run, and the
                       scenario's description (for `pushsim report`)
    With --replications R > 1 it prints one row per replication and their mean ± 95 %
    confidence interval, and also writes replications/r<k>/summary.json,
    replications.csv (one row per replication) and replications-summary.csv (the mean
    and the half-width of the 95 % interval of every metric).

    --set overrides any parameter without editing the file; populations and servers are
    named by their `name`:
      pushsim run Scenarios/quickstart.json5 --set populations.iphone.heartbeat.fixed=10m
      pushsim run Scenarios/domino-40-threads.json5 --set server.threads=120 --set duration=6h
      pushsim run Scenarios/quickstart.json5 --replications 5 --jobs 2 --out /tmp/qs

    --reference runs the model's plain rules with every timer a real event, none of the
    fast path's shortcuts (lazy Sync completions, early responses, timeouts and heartbeat
    events left out when they cannot matter): the same summary.json but for
    engine.events, several times slower. Use it to check a model change:
      pushsim run Scenarios/quickstart.json5 --reference --out /tmp/qs-reference

    --access-log FORMAT also writes access.log (access-<server>.log for each server of a
    pool): one line per request the server answered in the measured window (after
    warmup), in the format a real server writes, streamed to disk as the run goes, so the
    tools you use on your server's logs (and `pushsim logs`, `pushsim calibrate`) read it:
      pushsim run Scenarios/quickstart.json5 --access-log iis
      pushsim logs Results/quickstart/access.log
    With --replications it is the log of replication 0.
    """
    static let options: [OptionSpec] = [
        .value("seed", "N", help: "Use this seed instead of the file's."),
        .value("replications", "R", help: "Run R replications of the seed (default 1)."),
        .value("set", "key.path=value", help: "Override a parameter (repeatable).", repeatable: true),
        .value("out", "DIR", help: "Output folder (default Results/<scenario name>)."),
        .value("jobs", "N", help: "Run replications on N threads (default: the number of cores)."),
        MemoryCheck.option,
        ProgressMode.option,
        .flag("reference", help: "Run the model's plain rules, every timer an event (slower; same summary)."),
        .value("access-log", "FORMAT", help: "Also write the server's access log: iis, apache, nginx, domino or zpush."),
        .flag("quiet", help: "No progress on stderr."),
    ]

    var file: String
    var seed: String?
    var replications: Int
    var sets: [String]
    var out: String?
    var jobs: Int
    var quiet: Bool
    var reference: Bool
    var memory: MemoryCheck
    var progressChoice: ProgressMode?
    var accessLog: LogFormat?

    init(_ a: ParsedArguments) throws(UsageError) {
        guard a.positionals.count == 1 else { throw UsageError("expected one scenario FILE, found \(a.positionals.count)") }
        file = a.positionals[0]
        seed = try ScenarioInput.seed(a)
        replications = try a.integer("replications", in: 1...10_000) ?? 1
        sets = a.all("set")
        out = a.value("out")
        jobs = try a.integer("jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        quiet = a.has("quiet")
        reference = a.has("reference")
        memory = try MemoryCheck(a)
        progressChoice = try ProgressMode.chosen(a)
        if let f = a.value("access-log") {
            guard let format = LogFormat(rawValue: f) else {
                let hint = Suggestions.closest(to: f, among: LogFormat.allCases.map(\.rawValue)).map { "; did you mean \"\($0)\"?" } ?? ""
                throw UsageError("--access-log expects iis, apache, nginx, domino or zpush, found \"\(f)\"\(hint)")
            }
            accessLog = format
        }
    }

    func run(_ console: Console) -> Int32 {
        guard let input = ScenarioInput.load(file, sets: sets, seed: seed, console: console) else { return ExitStatus.badInput }
        // Refusals come before anything is allocated or written.
        if let refusal = memory.refusal(input.loaded.scenario.memoryEstimate, concurrent: min(jobs, replications), retained: replications) {
            console.err("pushsim run: \(file): \(refusal); nothing was run.\n")
            return ExitStatus.badInput
        }
        let folder = out ?? "Results/\(input.loaded.scenario.name)"
        do {
            try AtomicFile.checkWritable(folder: folder)
        } catch {
            console.err("pushsim run: \(error); nothing was run.\n")
            return ExitStatus.failure
        }
        let mode = ProgressMode.resolve(progressChoice, quiet: quiet, console: console)
        ProgressLine.warnIfDebugBuild(console, mode: mode, large: ProgressLine.isLarge(input.loaded.scenario, runs: replications))
        let progress = ProgressLine(console, mode: mode)
        do {
            let scenario = input.loaded.scenario, reference = self.reference
            var logRun: (@Sendable ((@Sendable (RunProgress) -> Void)?) throws -> RunResult)? = nil
            if let format = accessLog {
                logRun = { @Sendable running in
                    try RunAccessLog.run(scenario, format: format, folder: folder, reference: reference, progress: running)
                }
            }
            let outcome = try RunToFolder.run(input.loaded, replications: replications, jobs: jobs, reference: reference, folder: folder,
                                              progress: progress.sink, firstReplication: logRun)
            progress.finish()
            console.out(outcome.summaries.count > 1 ? SummaryTable.replications(outcome.summaries) : SummaryTable.text(outcome.summaries[0]))
            if let format = accessLog {
                let files = RunAccessLog.fileNames(scenario).map { "\(folder)/\($0)" }.joined(separator: ", ")
                console.out("Access log (\(format.rawValue), measured window) in \(files)\n")
            }
            console.out("\(outcome.timing.events) events in \(String(format: "%.2f", outcome.timing.wallSeconds)) s "
                        + "(\(ProgressLine.rate(outcome.timing.eventsPerSecond)) events/s). Results in \(folder)/ — open \(folder)/report.html\n")
            return ExitStatus.success
        } catch {
            progress.finish()
            console.err("pushsim run: \(error)\n")
            return ExitStatus.failure
        }
    }
}
