import Foundation
import JSON5
import PushSim
import PushSimReports
import ScenarioFile

/// A scenario run written to a folder (MODEL.md §6): `summary.json`, `timeseries.csv` and
/// `report.html`, each written whole or not at all; with several replications also
/// `replications/r<k>/summary.json`, `replications.csv` (one row per replication) and
/// `replications-summary.csv` (the mean and 95 % confidence interval of every metric). Wall-clock figures, which differ from run to run, go
/// to `run.json`, so that `summary.json` stays byte-for-byte reproducible.
public enum RunToFolder {
    public struct Outcome: Sendable {
        public var folder: String
        public var summaries: [Summary]
        public var timing: RunTiming
    }

    /// Runs replications 0 ..< `replications` of `loaded` on up to `jobs` threads; with
    /// `reference`, on the model's plain reference path (`Simulation.run(_:reference:)`).
    /// `firstReplication`, when given, runs replication 0 instead (a probed run that writes
    /// more files, such as the access log of `run --access-log`); it gets the progress hook.
    public static func run(_ loaded: LoadedScenario, replications: Int = 1, jobs: Int = 1, reference: Bool = false,
                           folder: String, progress: ProgressSink = .silent,
                           firstReplication: (@Sendable ((@Sendable (RunProgress) -> Void)?) throws -> RunResult)? = nil) throws -> Outcome {
        let scenario = loaded.scenario
        let count = max(1, replications)
        let results = try parallelMap(count: count, jobs: jobs) { r -> RunResult in
            let running = count == 1 ? progress.running : nil
            let result: RunResult
            if r == 0, let firstReplication {
                result = try firstReplication(running)
            } else {
                result = try Simulation.run(scenario, replication: r, reference: reference, progress: running)
            }
            progress.itemFinished(r + 1, count, result.timing.events, scenario.duration.seconds)
            return result
        }
        let summaries = results.map(\.summary)
        let first = results[0]
        // One set, whole or not at all: a folder never holds this run's summary beside an
        // earlier run's report.
        var files: [(path: String, text: String)] = [
            (folder + "/summary.json", first.summary.jsonText),
            (folder + "/timeseries.csv", TimeseriesCSV.render(first.timeseries)),
        ]
        if count > 1 {
            for (r, summary) in summaries.enumerated() {
                files.append((folder + "/" + replicationSummaryPath(r), summary.jsonText))
            }
            let scalars = summaries.map { $0.overall.scalars.map(\.value) }
            files.append((folder + "/replications.csv", SweepCSV.renderReplications(scalars)))
            files.append((folder + "/replications-summary.csv", SweepCSV.renderReplicationSummary(scalars)))
        }
        files.append((folder + "/report.html", RunReport.html(summary: first.summary, timeseries: first.timeseries,
                                                              description: scenario.description, replications: count > 1 ? summaries : [],
                                                              queueLimits: scenario.servers.map(\.queueLimit))))
        let events = results.reduce(0) { $0 + $1.timing.events }
        let wall = results.reduce(0) { $0 + $1.timing.wallSeconds }
        let timing = RunTiming(events: events, wallSeconds: wall)
        files.append((folder + "/run.json", JSONText.object([
            ("scenario", .string(scenario.name)), ("description", .string(scenario.description)),
            ("replications", .int(count)), ("events", .int(events)),
            ("queueLimits", .array(scenario.servers.map { .int($0.queueLimit) })),
            ("cpuSeconds", .number(wall)), ("eventsPerSecond", .number(timing.eventsPerSecond)),
            ("version", .string(version)),
        ]).rendered()))
        try AtomicFile.writeAll(files)
        return Outcome(folder: folder, summaries: summaries, timing: timing)
    }

    public static let version = "1.0.0"

    /// The summary of replication `r` of a run with several, relative to the run's folder.
    static func replicationSummaryPath(_ r: Int) -> String { "replications/r\(r)/summary.json" }

    /// The servers' queue limits as `run` recorded them in `folder/run.json` (for the
    /// report's queue chart), or [] when absent.
    public static func recordedQueueLimits(inFolder folder: String) -> [Int] {
        guard let text = AtomicFile.read(folder + "/run.json"), let root = try? JSON5.parse(text),
              case .array(let limits)? = root["queueLimits"]?.value else { return [] }
        return limits.compactMap { node -> Int? in
            if case .number(let n) = node.value, let i = n.integer { return Int(i) }
            return nil
        }
    }

    /// The scenario's description as `run` recorded it in `folder/run.json` (the report
    /// shows it under the title; `summary.json` does not carry it), or "" when absent.
    public static func recordedDescription(inFolder folder: String) -> String {
        guard let text = AtomicFile.read(folder + "/run.json"), let root = try? JSON5.parse(text) else { return "" }
        return root["description"]?.value.stringValue ?? ""
    }
}

/// Maps 0 ..< count on up to `jobs` threads, keeping the order of the results; the first
/// error thrown is rethrown after all workers stop.
func parallelMap<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
    let results = ResultSlots<T>(count: count)
    let next = SerialCounter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while true {
            let i = next.next() - 1
            if i >= count || results.failed { return }
            do { results.set(i, try body(i)) } catch { results.fail(error) }
        }
    }
    if let error = results.error { throw error }
    return results.values()
}

/// Results filled in by worker threads.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    private(set) var error: (any Error)?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return error != nil
    }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    func fail(_ e: any Error) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }

    func values() -> [T] { slots.compactMap { $0 } }
}
