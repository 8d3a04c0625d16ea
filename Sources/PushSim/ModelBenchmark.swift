import DiscreteEvent
import Foundation

/// The model benchmark: `devices` single-connection iPhones with every population default
/// (15-min heartbeat, 75 mails and 20 opens a day, …) for one simulated day, on one server
/// sized by Traveler's rule of 1.2 threads per device (with Domino's default of 40 threads
/// a large population only measures 503 backoff).
public struct ModelBenchmark: Sendable {
    public let devices: Int
    public let days: Int

    public init(devices: Int, days: Int = 1) {
        self.devices = devices
        self.days = days
    }

    public var scenario: Scenario {
        var s = Scenario(name: "bench-\(devices)", populations: [Population(name: "iphone", count: devices)])
        s.duration = .days(Int64(days))
        s.warmup = .zero
        s.server.threads = devices + devices / 5
        s.server.queueLimit = max(1000, devices / 10)
        return s
    }

    public struct Result: Sendable {
        public let devices: Int
        public let days: Int
        public let events: Int
        public let seconds: Double
        public var eventsPerSecond: Double { Double(events) / seconds }
        /// Peak resident memory of the process so far, in MB.
        public let peakResidentMB: Double
    }

    public func run() throws -> Result {
        let r = try Simulation.run(scenario)
        return Result(devices: devices, days: days, events: r.timing.events, seconds: r.timing.wallSeconds,
                      peakResidentMB: Self.peakResidentMB())
    }

    /// VmHWM from /proc/self/status (Linux), in MB; 0 where unavailable.
    public static func peakResidentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
