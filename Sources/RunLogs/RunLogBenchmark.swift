import AccessLogs
import Experiments
import Foundation
import PushSim

/// `pushsim bench access-log`: what `run --access-log` costs. Runs the scenario without a log
/// and with one in each format, the runs interleaved so that a change in the machine's load
/// falls on all of them alike, `repetitions` rounds; each run's CPU time is the process's
/// user + system time (so the kernel's writes to the file count), and a format's figure is
/// the median over the rounds. Both sides simulate the same way (one thread, servers in
/// turn, no summary, report or CSV written), so the ratio is the log's own cost.
public struct RunLogBenchmark {
    public var scenario: Scenario
    public var repetitions: Int
    public var formats: [LogFormat]

    public struct Result: Sendable {
        /// nil for the run without a log.
        public var format: LogFormat?
        /// The log's size (every server's file), 0 without a log.
        public var bytes: Int
        /// Medians over the rounds, in seconds.
        public var cpuSeconds: Double
        public var userSeconds: Double
        public var systemSeconds: Double
    }

    public init(scenario: Scenario, repetitions: Int = 5, formats: [LogFormat] = LogFormat.allCases) {
        self.scenario = scenario
        self.repetitions = repetitions
        self.formats = formats
    }

    /// The run without a log first, then one result per format. Throws `ScenarioError` or
    /// `FileWriteError` (the logs go to a temporary folder, removed at the end).
    public func run() throws -> [Result] {
        let folder = NSTemporaryDirectory() + "/pushsim-bench-access-log-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.checkWritable(folder: folder)
        let files = RunAccessLog.fileNames(scenario).map { folder + "/" + $0 }
        let cases: [LogFormat?] = [nil] + formats
        var times = [[(user: Double, system: Double)]](repeating: [], count: cases.count)
        var bytes = [Int](repeating: 0, count: cases.count)
        for _ in 0..<repetitions {
            for (k, format) in cases.enumerated() {
                let before = Self.cpuTimes()
                if let format {
                    _ = try RunAccessLog.run(scenario, format: format, folder: folder)
                } else {
                    _ = try Simulation.run(scenario)
                }
                let after = Self.cpuTimes()
                times[k].append((after.user - before.user, after.system - before.system))
                // Removed before the next run, outside the timing: replacing a large file
                // would add its deletion to that run's system time.
                bytes[k] = files.reduce(0) { total, path in
                    var info = stat()
                    return total + (stat(path, &info) == 0 ? Int(info.st_size) : 0)
                }
                for f in files { unlink(f) }
            }
        }
        return cases.indices.map { k in
            Result(format: cases[k], bytes: bytes[k], cpuSeconds: Self.median(times[k].map { $0.user + $0.system }),
                   userSeconds: Self.median(times[k].map(\.user)), systemSeconds: Self.median(times[k].map(\.system)))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// User and system CPU seconds of this process so far.
    static func cpuTimes() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }
}
