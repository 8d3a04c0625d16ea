import DiscreteEvent
import Foundation

// A placeholder front end until the full command lands (see README).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.starts(with: ["bench", "engine"]) {
    for (n, e, reps) in [(10_000, 2_000_000, 7), (1_000_000, 20_000_000, 3)] {
        let r = HoldBenchmark(entities: n, events: e).runMedian(repetitions: reps)
        print("hold N=\(n) events=\(r.events) seconds=\(String(format: "%.4f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond))")
    }
} else {
    FileHandle.standardError.write("usage: pushsim bench engine\n".data(using: .utf8)!)
    exit(2)
}
