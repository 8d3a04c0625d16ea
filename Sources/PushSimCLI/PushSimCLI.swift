import DiscreteEvent
import Foundation
import PushSim

/// The `pushsim` command (placeholder until the command framework lands).
public enum PushSimCommand {
    /// Runs the command line `arguments` (without the program name); returns the exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        if arguments.starts(with: ["bench", "engine"]) {
            for (n, e, reps) in [(10_000, 2_000_000, 7), (1_000_000, 20_000_000, 3)] {
                let r = HoldBenchmark(entities: n, events: e).runMedian(repetitions: reps)
                print("hold N=\(n) events=\(r.events) seconds=\(String(format: "%.4f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond))")
            }
            return 0
        }
        if arguments.starts(with: ["bench", "model"]) {
            let sizes = arguments.count > 2 ? arguments.dropFirst(2).compactMap { Int($0) } : [10_000, 1_000_000]
            for n in sizes {
                guard let r = try? ModelBenchmark(devices: n).run() else { return 1 }
                print("model devices=\(n) simulated_days=\(r.days) events=\(r.events) seconds=\(String(format: "%.2f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond)) peak_rss_mb=\(Int(r.peakResidentMB))")
            }
            return 0
        }
        FileHandle.standardError.write("usage: pushsim bench engine|model\n".data(using: .utf8)!)
        return 2
    }
}
