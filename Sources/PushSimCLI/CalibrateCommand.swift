import AccessLogs
import Calibration
import Experiments
import Foundation
import PushSim
import ScenarioFile

/// `pushsim calibrate LOG…`: a scenario estimated from a server's access log.
struct CalibrateCommand: Command {
    static let name = "calibrate"
    static let abstract = "Estimate a scenario from a server's access log: mail and open rates, heartbeat, client kind."
    static let usage = "calibrate LOG... [--format iis|apache|nginx|domino|zpush] [--time-unit ms|us|s] [--from TIME] [--to TIME] [--out DIR] [--no-check] [--max-memory SIZE] [--quiet]"
    static let discussion = """
    Reads one or more access logs as one log (as `pushsim logs` does) and estimates, per
    device type (iPhone, Android, …): the client kind (single when its Pings end 409 or
    superseded as its Syncs start, dual when its Syncs run beside open Pings), the heartbeat
    H (the Hb token, else the cluster of the longest 200 Pings), the mail rate λ and the
    open rate μ (a Ping ends at the first of mail, an open and H: λ̂ = 200 Pings ended before
    H ÷ T, μ̂ = superseded Pings ÷ T, T the Pings' total open time, with 95 % intervals),
    the device count and the Syncs' work; and the server kind from the format. Writes into
    DIR (default Results/calibrate-<first log's name>/):
      <name>.json5       a scenario, every estimated value with a comment giving its evidence
      calibration.json   the estimates, numeric ones as {value, ci95}, and `check`
      report.html        the estimates with their evidence, the profile, threads, the check
    Threads are the log's peak concurrency (p99, max and 1.2 × devices in a comment).
    Then it runs the scenario (over the log's span; --no-check skips it) and prints the
    log's figures beside the simulation's (Pings and Syncs per device-day, superseded
    share, Ping duration mean and p95, concurrency p99), flagging differences beyond the
    noise with the likely reasons the log shows (a heartbeat that varies, device kinds
    mixed in one type, a firewall cutting Pings; opens after notifications always last).
    Run it like any scenario:
      pushsim calibrate domino/logs/access.log
      pushsim run Results/calibrate-access.log/access.json5
      pushsim size Results/calibrate-access.log/access.json5 --find server.threads \\
              --target 'threads.fullFraction <= 0.01' --target 'pushLatency.p95 <= 60'
      pushsim calibrate u_ex240301.log u_ex240302.log --out Results/exchange-calibrated
    --from and --to take a window of the log (a quiet week, before a change), --format and
    --time-unit override what is detected, as for `pushsim logs`.
    A device type needs at least 30 Pings for an estimate (fewer, beside a type with
    enough, and it is set aside: named, not in the scenario), and where it has Hb tokens at
    least 50 % of them must ask for its heartbeat (± 5 s); a log that fails, or has no
    Pings, is refused (exit 2, nothing written).
    """
    static let options: [OptionSpec] = LogReaderArguments.options + [
        .value("out", "DIR", help: "Output folder (default Results/calibrate-<first log's name>)."),
        .flag("no-check", help: "Do not run the calibrated scenario to compare it with the log."),
        MemoryCheck.option,
        .flag("quiet", help: "No progress on stderr."),
    ]

    var files: [String]
    var options = LogReader.Options()
    var out: String
    var quiet: Bool
    var check: Bool
    var memory: MemoryCheck

    init(_ a: ParsedArguments) throws(UsageError) {
        guard !a.positionals.isEmpty else { throw UsageError("expected one or more access LOG files") }
        files = a.positionals
        options = try LogReaderArguments.parse(a)
        quiet = a.has("quiet")
        check = !a.has("no-check")
        memory = try MemoryCheck(a)
        out = a.value("out") ?? "Results/calibrate-\(LogsCommand.stem(files[0]))"
    }

    /// The scenario's name: the first log's name without extensions, in letters, digits, - and _.
    var scenarioName: String {
        let stem = LogsCommand.stem(files[0])
        let base = stem.split(separator: ".").first.map(String.init) ?? stem
        let name = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return name.isEmpty ? "calibrated" : name
    }

    func run(_ console: Console) -> Int32 {
        let existed = FileManager.default.fileExists(atPath: out)
        do {
            try AtomicFile.checkWritable(folder: out)
        } catch {
            console.err("pushsim calibrate: \(error)\n")
            return ExitStatus.failure
        }
        // Refused input leaves nothing behind, not even the folder the check made.
        let removeFolder = { if !existed { try? FileManager.default.removeItem(atPath: out) } }
        let progress = ProgressLine(console, mode: ProgressMode.resolve(nil, quiet: quiet, console: console))
        let calibration: Calibration
        do {
            calibration = try Calibration.read(paths: files, options: options, name: scenarioName, progress: { lines in
                progress.line("\(ProgressLine.rate(Double(lines))) lines")
            })
        } catch {
            progress.finish()
            removeFolder()
            console.err("pushsim calibrate: \(error)\n")
            return ExitStatus.badInput
        }
        progress.finish()
        let scenarioFile = "\(out)/\(scenarioName).json5"
        let text = calibration.scenarioText()
        // The scenario must load as it is; a failure here is a bug of this command, not of the log.
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(text: text, file: scenarioFile)
        } catch {
            removeFolder()
            console.err("pushsim calibrate: the estimated scenario does not load (a bug; please report it with the log's format):\n\(error)\n")
            return ExitStatus.failure
        }
        var checked: CalibrationCheck?
        var notRun = "--no-check"
        // The log is read and estimated already; a fleet too large to simulate here still
        // gets its scenario and estimates, and the check is said not to have run, and why.
        if check, let refusal = memory.refusal(loaded.scenario.memoryEstimate) {
            notRun = "the check run \(refusal)"
            console.err("pushsim calibrate: the check is not run: it \(refusal); run the scenario where it fits\n")
        } else if check {
            let simulation = ProgressLine(console, mode: ProgressMode.resolve(nil, quiet: quiet, console: console))
            do {
                checked = try CalibrationCheck.run(loaded.scenario, against: calibration, progress: { p in
                    simulation.line("check run \(Int(p.fraction * 100)) %")
                })
            } catch {
                simulation.finish()
                removeFolder()
                console.err("pushsim calibrate: the check run failed: \(error)\n")
                return ExitStatus.failure
            }
            simulation.finish()
        }
        // All three rendered, then written whole or not at all.
        let files: [(path: String, text: String)] = [
            (scenarioFile, text),
            ("\(out)/calibration.json", calibration.json(check: checked?.json).rendered(pretty: true)),
            ("\(out)/report.html", CalibrationReport.html(calibration, check: checked, scenarioFile: scenarioFile, logFiles: self.files, notRun: notRun)),
        ]
        do {
            try AtomicFile.writeAll(files)
        } catch {
            removeFolder()
            console.err("pushsim calibrate: \(error)\n")
            return ExitStatus.failure
        }
        console.out(Self.summary(calibration))
        if let checked { console.out(checked.text) }
        console.out("Scenario in \(scenarioFile) — run it with `pushsim run \(scenarioFile)`\n")
        return ExitStatus.success
    }

    /// The terminal lines: one per device type.
    static func summary(_ c: Calibration) -> String {
        let f = { (x: Double) in String(format: "%.1f", x) }
        var text = "\(c.figures.format.rawValue) log, \(c.figures.requests) requests: server kind \(c.serverKind), threads \(c.threads)\n"
        for e in c.types {
            text += "  \(e.deviceType): \(e.devices) device\(e.devices == 1 ? "" : "s"), \(e.client.rawValue) client, H \(Int(e.heartbeatSeconds)) s, "
            text += "mail \(f(e.mail.value))/day [\(f(e.mail.ci95.low))–\(f(e.mail.ci95.high))], opens \(f(e.opens.value))/day [\(f(e.opens.ci95.low))–\(f(e.opens.ci95.high))] "
            text += "over \(String(format: "%.2f", e.mail.days)) device-days of Pings\n"
        }
        if let note = c.setAsideNote { text += "  " + note + "\n" }
        return text
    }
}
