import AccessLogs
import DiscreteEvent
import Foundation
import PushSim
import RunLogs
import ScenarioFile

/// `pushsim bench engine|model|logs|access-log`: the benchmarks.
struct BenchCommand: Command {
    static let name = "bench"
    static let abstract = "Measure the event engine and the model (release build)."
    static let usage = "bench engine | bench model [--devices N]… | bench logs [--lines N] | bench access-log FILE [--set key.path=value]… [--repetitions R]"
    static let discussion = """
    engine: the HOLD workload (each event reschedules itself at t + Exp(1 s)) with 10,000
            pending events for 2,000,000 events and 1,000,000 for 20,000,000; one untimed
            run, then the median of 7 (3) timed runs.
    model:  single-connection iPhones with every default parameter for one simulated day
            on a server with 1.2 threads per device; 10,000 and 1,000,000 devices unless
            --devices is given. Prints peak resident memory of the process.
    logs:   writes a synthetic access log of 2,000,000 lines (or --lines N) in each format
            to a temporary file, then reads it as `pushsim logs` does (parse, merge,
            figures) on one thread; prints the best of 3 timed reads in lines per
            wall-clock second, lines per CPU second (the per-core figure when other work
            shares the machine) and MB/s, and the process's peak resident memory so far.
    access-log: what `run --access-log` costs: runs the scenario in FILE (with its --set
            overrides) without a log and with one in each format, interleaved, R rounds
            (default 5); prints each one's median CPU time (user + system: the kernel's
            writes count) and its ratio to the run without a log.
    Build with -c release, or the numbers mean nothing:
      swift run -c release pushsim bench engine
      swift run -c release pushsim bench model --devices 100000
      swift run -c release pushsim bench logs
      swift run -c release pushsim bench access-log Scenarios/quickstart.json5 --set duration=10d
    """
    static let options: [OptionSpec] = [
        .value("devices", "N", help: "Model sizes to run (repeatable; default 10000 and 1000000).", repeatable: true),
        .value("lines", "N", help: "Lines per log for `bench logs` (default 2000000)."),
        .value("set", "key.path=value", help: "Override a parameter of `bench access-log`'s FILE (repeatable).", repeatable: true),
        .value("repetitions", "R", help: "Rounds of `bench access-log` (default 5)."),
    ]

    var what: String
    var devices: [Int]
    var lines: Int
    var file: String?
    var sets: [String]
    var repetitions: Int

    init(_ a: ParsedArguments) throws(UsageError) {
        let whats = ["engine", "model", "logs", "access-log"]
        guard let first = a.positionals.first, whats.contains(first) else {
            let hint = a.positionals.first.flatMap { Suggestions.closest(to: $0, among: whats) }.map { "; did you mean `\($0)`?" } ?? ""
            throw UsageError("expected `engine`, `model`, `logs` or `access-log`\(hint)")
        }
        what = first
        if what == "access-log" {
            guard a.positionals.count == 2 else { throw UsageError("bench access-log expects one scenario FILE, found \(a.positionals.count - 1)") }
            file = a.positionals[1]
        } else if a.positionals.count != 1 {
            throw UsageError("bench \(what) takes no FILE, found \(a.positionals.count - 1) more arguments")
        }
        sets = a.all("set")
        repetitions = try a.integer("repetitions", in: 1...1_000) ?? 5
        var sizes: [Int] = []
        for text in a.all("devices") {
            guard let n = Int(text), n >= 1 else { throw UsageError("--devices expects a positive whole number, found \"\(text)\"") }
            sizes.append(n)
        }
        devices = sizes.isEmpty ? [10_000, 1_000_000] : sizes
        lines = try a.integer("lines", in: 1...1_000_000_000) ?? 2_000_000
    }

    func run(_ console: Console) -> Int32 {
        // Benchmark figures from a debug build mean nothing: say so once, first.
        ProgressLine.warnIfDebugBuild(console, mode: .plain, large: true)
        if what == "engine" {
            for (n, e, reps) in [(10_000, 2_000_000, 7), (1_000_000, 20_000_000, 3)] {
                let r = HoldBenchmark(entities: n, events: e).runMedian(repetitions: reps)
                console.out("hold N=\(n) events=\(r.events) seconds=\(String(format: "%.4f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond))\n")
            }
            return ExitStatus.success
        }
        if what == "access-log", let file {
            return runAccessLog(file, console)
        }
        if what == "logs" {
            do {
                for r in try LogBenchmark(lines: lines).run() {
                    console.out("logs format=\(r.format.rawValue) lines=\(r.lines) seconds=\(String(format: "%.3f", r.seconds)) lines_per_second=\(Int(r.linesPerSecond)) lines_per_cpu_second=\(Int(r.linesPerCPUSecond)) mb_per_second=\(String(format: "%.0f", r.megabytesPerSecond)) peak_rss_mb=\(Int(ModelBenchmark.peakResidentMB()))\n")
                }
            } catch {
                console.err("pushsim bench: \(error)\n")
                return ExitStatus.failure
            }
            return ExitStatus.success
        }
        for n in devices {
            do {
                let r = try ModelBenchmark(devices: n).run()
                console.out("model devices=\(n) simulated_days=\(r.days) events=\(r.events) seconds=\(String(format: "%.2f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond)) peak_rss_mb=\(Int(r.peakResidentMB))\n")
            } catch {
                console.err("pushsim bench: \(error)\n")
                return ExitStatus.failure
            }
        }
        return ExitStatus.success
    }

    private func runAccessLog(_ file: String, _ console: Console) -> Int32 {
        guard let input = ScenarioInput.load(file, sets: sets, seed: nil, console: console) else { return ExitStatus.badInput }
        do {
            let results = try RunLogBenchmark(scenario: input.loaded.scenario, repetitions: repetitions).run()
            let plain = results.first?.cpuSeconds ?? 0
            for r in results {
                let ratio = plain > 0 ? String(format: "%.2f", r.cpuSeconds / plain) : "null"
                console.out("access-log format=\(r.format?.rawValue ?? "none") mb=\(String(format: "%.1f", Double(r.bytes) / 1e6)) cpu_seconds=\(String(format: "%.3f", r.cpuSeconds)) user_seconds=\(String(format: "%.3f", r.userSeconds)) system_seconds=\(String(format: "%.3f", r.systemSeconds)) ratio=\(ratio)\n")
            }
        } catch {
            console.err("pushsim bench: \(error)\n")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }
}
