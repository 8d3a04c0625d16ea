/// The classic HOLD workload for pending-event sets (Jones, CACM 1986): `entities` pending
/// events; each step removes the earliest and schedules its entity again at t + Exp(1 s).
///
/// The random draw is part of every step, as it is in a real model; times are integer
/// microseconds, so at a million entities many events share a time and the FIFO tie rule
/// is exercised too.
public struct HoldBenchmark: Sendable {
    public let entities: Int
    public let events: Int
    public let seed: UInt64

    public init(entities: Int, events: Int, seed: UInt64 = 1) {
        self.entities = entities
        self.events = events
        self.seed = seed
    }

    /// What one run measured.
    public struct Result: Sendable {
        public let events: Int
        public let seconds: Double
        public var eventsPerSecond: Double { Double(events) / seconds }
        /// A checksum of the processed times, so the work cannot be optimised away and two
        /// builds can be compared for identical behaviour.
        public let checksum: UInt64
        public let finalTime: Int64
    }

    /// Runs the workload `repetitions` times after one untimed warm-up run and returns the
    /// run with the median time. Short runs (0.1 s) are otherwise dominated by start-up
    /// effects: page faults on fresh memory, the CPU's clock ramping up.
    public func runMedian(repetitions: Int) -> Result {
        _ = run()
        let results = (0..<max(1, repetitions)).map { _ in run() }.sorted { $0.seconds < $1.seconds }
        return results[results.count / 2]
    }

    /// Runs the workload once; the set-up (the initial `entities` events) is not timed.
    public func run() -> Result {
        var random = Xoshiro256StarStar(seed: seed)
        var queue = EventQueue<UInt32>(capacity: entities)
        for entity in 0..<entities {
            queue.schedule(at: Int64(random.exponential(mean: 1e6)), UInt32(entity))
        }
        let clock = ContinuousClock()
        let start = clock.now
        var checksum: UInt64 = 0
        var done = 0
        while done < events, let event = queue.popMin() {
            checksum = (checksum &* 31) &+ UInt64(bitPattern: event.time) &+ UInt64(event.payload)
            let delay = Int64(random.exponential(mean: 1e6))
            queue.schedule(at: event.time &+ delay, event.payload)
            done &+= 1
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Result(events: done, seconds: seconds, checksum: checksum, finalTime: queue.now)
    }
}
