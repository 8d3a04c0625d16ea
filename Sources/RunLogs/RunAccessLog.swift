import AccessLogs
import Experiments
import PushSim

/// A run that also writes the access log its server(s) would have written
/// (`pushsim run FILE --access-log FORMAT`), in any format `pushsim logs` reads.
///
/// Cost: one formatted line per answered request, appended to a 256 KiB buffer; memory does
/// not grow with the run's length. The servers of a pool run one after the other (a probed
/// run), each into its own file.
public enum RunAccessLog {
    /// Simulated time 0 in the log: 2024-01-01 00:00:00 UTC, a Monday, so that the hour of
    /// day in the log is the scenario's (its profile starts at midnight), in UTC.
    public static let epoch: Int64 = 1_704_067_200_000_000

    /// The log files a run of `scenario` writes: `access.log`, or `access-<server>.log` for
    /// each server of a pool.
    public static func fileNames(_ scenario: Scenario) -> [String] {
        AccessLogFiles.fileNames(servers: scenario.servers.map(\.name))
    }

    /// Runs replication `replication` of `scenario` and writes its log into `folder`. The files
    /// appear whole when the run ends, or not at all (on an error, thrown as `FileWriteError`).
    public static func run(_ scenario: Scenario, replication: Int = 0, format: LogFormat, folder: String, reference: Bool = false,
                           progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunResult {
        let files = AccessLogFiles(scenario: scenario, format: format, folder: folder)
        // Through an `AnswerProbe`, for which the model is specialized (a probe type of this
        // module would run the model's generic code).
        let sink = AccessLogSink(AccessLogProbe(files))
        let result: RunResult
        do {
            result = try Simulation.run(scenario, replication: replication, reference: reference, answers: sink, progress: progress)
        } catch {
            files.abandon()
            throw error
        }
        sink.probe.pointee.flush()
        try files.commit()
        return result
    }
}

/// The `AnswerSink` of a run: hands each hook to the probe, which it keeps behind a pointer
/// (a class's stored `var` would cost an exclusivity check per call).
final class AccessLogSink: AnswerSink {
    let probe: UnsafeMutablePointer<AccessLogProbe>

    init(_ probe: AccessLogProbe) {
        self.probe = .allocate(capacity: 1)
        self.probe.initialize(to: probe)
    }

    deinit {
        probe.deinitialize(count: 1)
        probe.deallocate()
    }

    func serverBegins(index: Int, name: String) { probe.pointee.serverBegins(index: index, name: name) }
    func requestQueued(id: UInt64, at time: Int64) { probe.pointee.requestQueued(id: id, at: time) }
    func requestAnswered(_ answer: ServerAnswer) { probe.pointee.requestAnswered(answer) }
}
