import DiscreteEvent

/// One thing wrong with a scenario: where (a key path such as
/// `populations.iphone.heartbeat.fixed`) and what.
public struct ScenarioProblem: Hashable, Sendable, CustomStringConvertible {
    public var keyPath: String
    public var message: String
    public init(_ keyPath: String, _ message: String) {
        self.keyPath = keyPath
        self.message = message
    }
    public var description: String { "\(keyPath): \(message)" }
}

/// A scenario that cannot run, with every problem found.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [ScenarioProblem]
    public init(_ problems: [ScenarioProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension Scenario {
    /// The shortest `sampleInterval` accepted.
    public static let minimumSampleInterval: SimTime = .seconds(1)
    /// The most time-series rows a server may write (about 3 GB of memory).
    public static let maximumSamples = 10_000_000

    /// Everything that would make a run meaningless or impossible; empty when it can run.
    public func validate() -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func check(_ ok: Bool, _ path: String, _ message: String) {
            if !ok { problems.append(ScenarioProblem(path, message)) }
        }
        func probability(_ p: Double, _ path: String) {
            check(p >= 0 && p <= 1 && p.isFinite, path, "expected a probability between 0 and 1, found \(p)")
        }
        func rate(_ r: Double, _ path: String) {
            check(r >= 0 && r.isFinite, path, "expected a non-negative rate per day, found \(r)")
        }
        func nonNegative(_ d: DurationDistribution, _ path: String) {
            check(d.distribution.support.lowerBound >= 0, path, "durations cannot be negative (found \(d))")
        }
        check(!name.isEmpty, "name", "expected a non-empty name")
        check(duration > .zero, "duration", "expected a positive duration, found \(duration)")
        check(warmup >= .zero && warmup < duration, "warmup",
              "expected a warmup shorter than the duration (\(duration)), found \(warmup)")
        // Each sample is a row kept to the end of the run (about 300 bytes): an interval of
        // microseconds would grow memory without bound.
        check(sampleInterval >= Self.minimumSampleInterval, "sampleInterval",
              "expected an interval of at least 1s, found \(sampleInterval)")
        if sampleInterval >= Self.minimumSampleInterval && duration > .zero {
            check(samplesPerServer <= Self.maximumSamples, "sampleInterval",
                  "expected at most 10,000,000 samples per server, found \(samplesPerServer) (\(duration) ÷ \(sampleInterval)); use a longer sampleInterval")
        }
        check(!populations.isEmpty, "populations", "expected at least one population")
        check(deviceCount >= 1, "populations", "expected at least one device in all")
        check(deviceCount < Int(Int32.max), "populations", "expected fewer than 2,147,483,647 devices")
        check(!servers.isEmpty, "servers", "expected at least one server")

        var names = Set<String>()
        for p in populations {
            let path = "populations.\(p.name.isEmpty ? "?" : p.name)"
            check(!p.name.isEmpty, "populations", "every population needs a name")
            check(names.insert(p.name).inserted, path, "a second population with the name \"\(p.name)\"")
            check(p.count >= 0, "\(path).count", "expected a non-negative number of devices, found \(p.count)")
            switch p.heartbeat {
            case .fixed(let h):
                check(h > .zero, "\(path).heartbeat.fixed", "expected a positive heartbeat, found \(h)")
            case .adaptive(let initial, let min, let max, let step, _):
                let a = "\(path).heartbeat.adaptive"
                check(min > .zero, "\(a).min", "expected a positive heartbeat, found \(min)")
                check(min <= max, "\(a).min", "min (\(min)) is greater than max (\(max))")
                check(initial >= min && initial <= max, "\(a).initial", "expected a value between min (\(min)) and max (\(max)), found \(initial)")
                check(step > .zero, "\(a).step", "expected a positive step, found \(step)")
            }
            check(p.pingGrace >= .zero, "\(path).pingGrace", "expected a non-negative duration, found \(p.pingGrace)")
            check(p.syncTimeout > .zero, "\(path).syncTimeout", "expected a positive duration, found \(p.syncTimeout)")
            check(p.fetchInterval > .zero, "\(path).fetchInterval", "expected a positive interval, found \(p.fetchInterval)")
            rate(p.mailPerDay, "\(path).mail.perDay")
            rate(p.userOpensPerDay, "\(path).userOpens.perDay")
            probability(p.afterNotifyProbability, "\(path).userOpens.afterNotify.probability")
            nonNegative(p.afterNotifyDelay, "\(path).userOpens.afterNotify.delay")
            rate(p.outbox.perDay, "\(path).outbox.perDay")
            probability(p.outbox.conflictProbability, "\(path).outbox.conflictProbability")
            probability(p.outbox.permanentErrorProbability, "\(path).outbox.permanentErrorProbability")
            check(p.outbox.conflictProbability + p.outbox.permanentErrorProbability <= 1, "\(path).outbox",
                  "conflictProbability + permanentErrorProbability must not exceed 1")
            probability(p.outbox.resendProbability, "\(path).outbox.resendProbability")
            nonNegative(p.outbox.resendDelay, "\(path).outbox.resendDelay")
            if let f = p.firewallIdleTimeout {
                nonNegative(f, "\(path).firewall.idleTimeout")
                check(f.distribution.support.lowerBound > 0, "\(path).firewall.idleTimeout", "expected positive timeouts (use none for no timeout)")
            }
            nonNegative(p.networkDelay, "\(path).network.delay")
            probability(p.lossProbability, "\(path).network.lossProbability")
            check(p.batteryMilliampHours > 0, "\(path).battery.mAh", "expected a positive capacity, found \(p.batteryMilliampHours)")
            check(p.batteryVolts > 0, "\(path).battery.volts", "expected a positive voltage, found \(p.batteryVolts)")
            check(p.traffic.uplinkMbps > 0 && p.traffic.downlinkMbps > 0, "\(path).traffic", "link rates must be positive")
            if let server = p.server {
                check(servers.contains { $0.name == server }, "\(path).server", "no server named \"\(server)\"")
            }
        }
        var serverNames = Set<String>()
        for s in servers {
            let path = servers.count == 1 ? "server" : "servers.\(s.name)"
            check(serverNames.insert(s.name).inserted, path, "a second server with the name \"\(s.name)\"")
            check(s.threads >= 1, "\(path).threads", "expected at least 1 thread, found \(s.threads)")
            check(s.queueLimit >= 0, "\(path).queueLimit", "expected a non-negative limit, found \(s.queueLimit)")
            check(s.heartbeatMin > .zero, "\(path).heartbeatBounds", "expected a positive lower bound, found \(s.heartbeatMin)")
            check(s.heartbeatMin <= s.heartbeatMax, "\(path).heartbeatBounds",
                  "the lower bound (\(s.heartbeatMin)) is above the upper bound (\(s.heartbeatMax))")
            check(s.checkInterval >= .zero, "\(path).checkInterval", "expected a non-negative duration, found \(s.checkInterval)")
            nonNegative(s.pingWork, "\(path).pingWork")
            nonNegative(s.syncWork, "\(path).syncWork")
            check(s.share > 0 && s.share.isFinite, "\(path).share", "expected a positive share, found \(s.share)")
            for (j, r) in s.restarts.enumerated() {
                let rp = "\(path).restarts[\(j)]"
                check(r.at >= .zero, "\(rp).at", "expected a time within the run, found \(r.at)")
                check(r.drainTimeout >= .zero, "\(rp).drainTimeout", "expected a non-negative duration, found \(r.drainTimeout)")
                check(r.downtime >= .zero, "\(rp).downtime", "expected a non-negative duration, found \(r.downtime)")
            }
        }
        return problems
    }
}
