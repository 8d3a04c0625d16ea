import AccessLogReports
import AccessLogs
import Experiments
import Foundation
import ScenarioFile

/// `pushsim logs FILE…`: a server's access log read in the terms of a run.
struct LogsCommand: Command {
    static let name = "logs"
    static let abstract = "Read a server's access log and report it as a run: 409 share, Ping times, threads needed."
    static let usage = "logs FILE... | - [--format iis|apache|nginx|domino|zpush] [--time-unit ms|us|s] [--from TIME] [--to TIME] [--anonymize] [--out DIR] [--progress plain|bar|none] [--quiet]"
    static let discussion = """
    Reads the ActiveSync requests (paths containing Microsoft-Server-ActiveSync) of one or
    more access logs as one log, in time order (rotated files in any order, a pool's
    servers together; .gz files through the system's gzip; - for standard input), and writes
    into DIR (default Results/logs-<first file's name>/):
      logs.json     requests, devices, per command the count by HTTP status and duration
                    mean/p50/p95/max, the 409 and superseded share of Pings, the heartbeat,
                    requests in progress (mean, p99, max: threads needed), per hour of day
      devices.csv   one row per device (user and device ID): Pings, 409s, share, Ping mean, Syncs
      hourly.csv    per hour of day: requests, Pings, 409s, concurrency mean and max
      report.html   charts of the above; open it in a browser
    The format is detected from the first lines (the reason is printed); --format and
    --time-unit override it. Other lines (other URLs, health checks, garbage) are skipped,
    counted, and the first few shown with their line numbers.
      pushsim logs u_ex240301.log u_ex240302.log
      pushsim logs /var/log/apache2/access.log.*.gz --out Results/apache-week
      pushsim logs domino/logs/access.log --from 2024-03-01 --to 2024-03-04 --anonymize
      zcat z-push.log.gz | pushsim logs - --format zpush
    TIME is 2024-03-01, 2024-03-01T12:00:00Z or seconds since 1970, always UTC; a request
    counts when it starts in [--from, --to).
    """
    static let options: [OptionSpec] = LogReaderArguments.options + [
        .flag("anonymize", help: "Replace user names and device IDs by stable hashes in the outputs."),
        .value("out", "DIR", help: "Output folder (default Results/logs-<first file's name>)."),
        ProgressMode.option,
        .flag("quiet", help: "No progress on stderr."),
    ]

    var files: [String]
    var options: LogReader.Options
    var anonymize: Bool
    var out: String
    var quiet: Bool
    var progressChoice: ProgressMode?

    init(_ a: ParsedArguments) throws(UsageError) {
        guard !a.positionals.isEmpty else { throw UsageError("expected one or more log FILEs, or - for standard input") }
        files = a.positionals
        if files.filter({ $0 == "-" }).count > 0 && files.count > 1 { throw UsageError("- (standard input) cannot be combined with files") }
        options = try LogReaderArguments.parse(a)
        anonymize = a.has("anonymize")
        quiet = a.has("quiet")
        progressChoice = try ProgressMode.chosen(a)
        out = a.value("out") ?? "Results/logs-\(Self.stem(files[0]))"
    }

    /// "u_ex240301.log.gz" → "u_ex240301.log"; "-" → "stdin".
    static func stem(_ path: String) -> String {
        if path == "-" { return "stdin" }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return name
    }

    func run(_ console: Console) -> Int32 {
        do {
            try AtomicFile.checkWritable(folder: out)   // before reading a 10 GB log
        } catch {
            console.err("pushsim logs: cannot write to \(out): \((error as? FileWriteError)?.reason ?? "\(error)")\n")
            return ExitStatus.failure
        }
        let progress = ProgressLine(console, mode: ProgressMode.resolve(progressChoice, quiet: quiet, console: console))
        let figures: LogFigures
        do {
            let reader = try LogReader(paths: files, options: options)
            var analysis = LogAnalysis()
            let started = Date()
            let summary = try reader.read(into: &analysis, progress: { lines in
                let rate = Double(lines) / max(Date().timeIntervalSince(started), 1e-9)
                progress.line("\(ProgressLine.rate(Double(lines))) lines · \(ProgressLine.rate(rate)) lines/s")
            })
            figures = analysis.figures(summary)
        } catch {
            progress.finish()
            console.err("pushsim logs: \(error)\n")
            return ExitStatus.badInput
        }
        progress.finish()
        guard figures.requests > 0 else {
            var text = "pushsim logs: \(files.count == 1 ? files[0] : "the files") hold \(LogsText.count(figures.lines)) lines read as \(figures.format.rawValue) (\(figures.formatReason)), and none is an ActiveSync request (a path containing Microsoft-Server-ActiveSync) in the time window"
            if let first = figures.skippedExamples.first { text += "; the first skipped line is \(first.file):\(first.line): \(first.reason)" }
            console.err(text + "\n")
            return ExitStatus.badInput
        }
        do {
            try LogsFolder.write(figures, files: files, to: out, anonymize: anonymize)
        } catch {
            console.err("pushsim logs: cannot write the results to \(out): \((error as? FileWriteError)?.reason ?? "\(error)")\n")
            return ExitStatus.failure
        }
        console.out(LogsSummary.text(figures))
        console.out("Results in \(out)/ — open \(out)/report.html\n")
        return ExitStatus.success
    }
}
