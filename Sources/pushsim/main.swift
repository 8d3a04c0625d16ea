import DiscreteEvent
import Foundation
import PushSim

// A placeholder front end until the full command lands (see README).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.starts(with: ["bench", "engine"]) {
    for (n, e, reps) in [(10_000, 2_000_000, 7), (1_000_000, 20_000_000, 3)] {
        let r = HoldBenchmark(entities: n, events: e).runMedian(repetitions: reps)
        print("hold N=\(n) events=\(r.events) seconds=\(String(format: "%.4f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond))")
    }
} else if arguments.starts(with: ["bench", "model"]) {
    let sizes = arguments.count > 2 ? arguments.dropFirst(2).map { Int($0)! } : [10_000, 1_000_000]
    for n in sizes {
        let r = try ModelBenchmark(devices: n).run()
        print("model devices=\(n) simulated_days=\(r.days) events=\(r.events) seconds=\(String(format: "%.2f", r.seconds)) events_per_second=\(Int(r.eventsPerSecond)) peak_rss_mb=\(Int(r.peakResidentMB))")
    }
} else if arguments.first == "example" {
    var s = Scenario(name: "example", populations: [Population(name: "iphone", count: Int(arguments.dropFirst().first ?? "500")!)])
    s.duration = .days(2)
    s.warmup = .hours(2)
    s.profile = .office
    s.server.threads = 600
    let r = try Simulation.run(s)
    print(r.summary.jsonText)
    FileHandle.standardError.write("events \(r.timing.events) wall \(r.timing.wallSeconds) eps \(Int(r.timing.eventsPerSecond))\n".data(using: .utf8)!)
} else {
    FileHandle.standardError.write("usage: pushsim bench engine\n".data(using: .utf8)!)
    exit(2)
}
