import Experiments
import Foundation
import JSON5
import PushSim
import PushSimReports
import ScenarioFile

/// `pushsim sweep FILE --vary …`: a grid of parameter values × replications.
struct SweepCommand: Command {
    static let name = "sweep"
    static let abstract = "Run a grid of parameter values × replications, in parallel, resumably."
    static let usage = "sweep FILE [--vary key.path=v1,v2,…]… [--replications R] [--jobs N] [--shard K/N] [--set key.path=value]… [--seed N] [--out DIR] [--max-memory SIZE] [--progress plain|bar|none] [--quiet]"
    static let discussion = """
    Runs every combination of the --vary values (or the file's `sweep` block), each R times
    with replications 0…R-1 of the same seed, so that all points see the same random
    numbers and their differences come from the parameters alone. Writes into DIR (default
    Results/<scenario name>):
      points/p07/r2/summary.json    each point and replication (p00…p11;
                                    p000… from 101 points)
      sweep.csv                     one row per point and replication; varied parameters
                                    as numbers (durations in seconds) and as written (.label)
      sweep-summary.csv             one row per point: <metric>.mean and <metric>.ci95
      report.html                   each key metric against the varied parameter
    Resumable: rerunning the same command skips what is done; an interrupted sweep loses
    only the runs in flight. The folder remembers the sweep (sweep.json) and refuses another.

    Across machines: give each machine one slice with --shard K/N (a Slurm job array, a
    Kubernetes Indexed Job, GNU parallel), then combine the folders with `pushsim merge`;
    the merged sweep.csv is byte for byte the one a single machine writes.
      pushsim sweep Scenarios/heartbeat-vs-firewall.json5 --jobs 2
      pushsim sweep Scenarios/quickstart.json5 --vary populations.iphone.heartbeat.fixed=5m,15m,30m --replications 5
      pushsim sweep Scenarios/quickstart.json5 --vary server.threads=300,450,600 --vary populations.iphone.count=400,500
      pushsim sweep FILE --shard 3/8 --out shard-3 --quiet    # on machine 3 of 8

    The report names a best point by a stated rule: with --best 'METRIC OP VALUE' (any
    number of summary.json, repeatable) the smallest value of the first parameter whose
    means meet every target (--prefer largest for the largest); without it, for threads the
    smallest meeting threads.fullFraction <= 0.01, for a heartbeat the lowest battery with
    push latency p95 within 1.5× the best, else the lowest battery with lost Pings under 1%.
    A heartbeat beyond the server's bounds shows as "30m (clamped to 15m by the server)" and
    is never recommended over the bound.
      pushsim sweep Scenarios/quickstart.json5 --vary server.threads=450,500,550,600 \
              --best 'threads.fullFraction <= 0.01' --best 'pushLatency.p95 <= 60'
    """
    static let options: [OptionSpec] = [
        .value("vary", "key.path=v1,v2,…", help: "Vary a parameter over these values (repeatable).", repeatable: true),
        .value("replications", "R", help: "Replications per point (default: the file's, else 1)."),
        .value("jobs", "N", help: "Runs in parallel (default: the number of cores)."),
        .value("shard", "K/N", help: "Run only the K-th of N slices of the work."),
        .value("set", "key.path=value", help: "Override a parameter at every point (repeatable).", repeatable: true),
        .value("seed", "N", help: "Use this seed instead of the file's."),
        .value("best", "'METRIC OP VALUE'", help: "Pick the best point by these targets (repeatable).", repeatable: true),
        .value("prefer", "smallest|largest", help: "With --best: the smallest (default) or largest value that meets them."),
        .value("out", "DIR", help: "Output folder (default Results/<scenario name>)."),
        MemoryCheck.option,
        ProgressMode.option,
        .flag("quiet", help: "No progress on stderr."),
    ]

    var file: String
    var vary: [SweepParameter]
    var replications: Int?
    var jobs: Int
    var shard: Shard?
    var sets: [String]
    var seed: String?
    var out: String?
    var quiet: Bool
    var memory: MemoryCheck
    var progressChoice: ProgressMode?
    var best: SweepBestRule?

    init(_ a: ParsedArguments) throws(UsageError) {
        guard a.positionals.count == 1 else { throw UsageError("expected one scenario FILE, found \(a.positionals.count)") }
        file = a.positionals[0]
        vary = try parseVary(a.all("vary"))
        replications = try a.integer("replications", in: 1...100_000)
        jobs = try a.integer("jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        if let text = a.value("shard") {
            guard let s = Shard(text) else { throw UsageError("--shard expects K/N with 1 ≤ K ≤ N, found \"\(text)\"") }
            shard = s
        }
        sets = a.all("set")
        seed = try ScenarioInput.seed(a)
        out = a.value("out")
        quiet = a.has("quiet")
        memory = try MemoryCheck(a)
        progressChoice = try ProgressMode.chosen(a)
        var targets: [MetricTarget] = []
        for text in a.all("best") {
            do { targets.append(try MetricTarget(parsing: text)) } catch { throw UsageError("--best \(error)") }
        }
        var prefer = SweepBestRule.Preference.smallest
        if let text = a.value("prefer") {
            guard let p = SweepBestRule.Preference(rawValue: text) else { throw UsageError("--prefer expects smallest or largest, found \"\(text)\"") }
            guard !targets.isEmpty else { throw UsageError("--prefer goes with --best 'METRIC OP VALUE'") }
            prefer = p
        }
        best = targets.isEmpty ? nil : SweepBestRule(targets: targets, prefer: prefer)
    }

    func run(_ console: Console) -> Int32 {
        guard let input = ScenarioInput.load(file, sets: sets, seed: seed, console: console) else { return ExitStatus.badInput }
        let fromFile = input.loaded.sweep
        let parameters = !vary.isEmpty ? vary : (fromFile?.vary.map(SweepParameter.init) ?? [])
        let scenario = input.loaded.scenario
        if let repeated = SweepSpec.repeatedKeyPaths(parameters.map(\.keyPath), populations: scenario.populations.map(\.name),
                                                     servers: scenario.servers.map(\.name)).first {
            console.err("pushsim sweep: --vary " + SweepSpec.repeatedKeyMessage(repeated.keyPath, first: parameters[repeated.first].keyPath) + "\nnothing was run.\n")
            return ExitStatus.badInput
        }
        guard !parameters.isEmpty else {
            console.err("pushsim sweep: nothing to vary: give --vary key.path=v1,v2,… or a `sweep` block in \(file)\n")
            return ExitStatus.badInput
        }
        let plan = SweepRunner.plan(text: input.text, overrides: input.overrides, loaded: input.loaded,
                                    parameters: parameters, replications: replications ?? fromFile?.replications ?? 1)
        let largest: MemoryEstimate?
        do {
            largest = try SweepRunner.preload(plan, text: input.text, file: input.file, overrides: input.overrides)
        } catch {
            console.err(error.lines.map { $0 + "\n" }.joined() + "nothing was run.\n")
            return ExitStatus.badInput
        }
        let concurrent = min(jobs, plan.items(inShard: shard).count)
        if let largest, let refusal = memory.refusal(largest, concurrent: concurrent, retained: concurrent) {
            console.err("pushsim sweep: \(file): \(refusal); nothing was run.\n")
            return ExitStatus.badInput
        }
        if let best {
            do {
                try MetricCatalog(scenario: input.loaded.scenario).check(best.targets, option: "--best")
            } catch {
                console.err(error.lines.map { $0 + "\n" }.joined() + "nothing was run.\n")
                return ExitStatus.badInput
            }
        }
        let folder = out ?? "Results/\(input.loaded.scenario.name)"
        do {
            try AtomicFile.checkWritable(folder: folder)
        } catch {
            console.err("pushsim sweep: \(error); nothing was run.\n")
            return ExitStatus.failure
        }
        let mode = ProgressMode.resolve(progressChoice, quiet: quiet, console: console)
        ProgressLine.warnIfDebugBuild(console, mode: mode, large: ProgressLine.isLarge(input.loaded.scenario, runs: plan.items(inShard: shard).count))
        let progress = ProgressLine(console, mode: mode)
        do {
            // Only into a folder of this sweep (or a new one); another sweep's is refused below.
            if (AtomicFile.read(folder + "/sweep.json").flatMap { try? SweepPlan(jsonText: $0) } ?? plan) == plan {
                try SweepBestFile.write(best, to: folder)
            }
            let o = try SweepRunner.run(plan, text: input.text, file: file, overrides: input.overrides, folder: folder,
                                        jobs: jobs, shard: shard, progress: progress.sink)
            progress.finish()
            var text = "sweep \(plan.scenarioName): \(plural(plan.pointCount, "point")) × \(plural(plan.replications, "replication"))"
            if let shard { text += ", shard \(shard)" }
            text += ": ran \(o.ran), \(o.skipped) already done; \(o.present) of \(o.total) runs in \(folder)/\n"
            text += o.complete ? "Wrote \(folder)/sweep.csv, \(folder)/sweep-summary.csv and \(folder)/report.html\n"
                : "Not complete yet: run the other shards (or rerun to finish), then `pushsim merge` their folders.\n"
            console.out(text)
            return ExitStatus.success
        } catch let error as SweepError {
            progress.finish()
            console.err("pushsim sweep: \(error)\n")
            return ExitStatus.badInput
        } catch {
            progress.finish()
            console.err("pushsim sweep: \(error)\n")
            return ExitStatus.failure
        }
    }
}
