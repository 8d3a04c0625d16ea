import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §5: same scenario and seed, same bytes; each device's streams are its own.
final class DeterminismTests: XCTestCase {
    func scenario() -> Scenario {
        var a = Population(name: "iphone", count: 200)
        a.firewallIdleTimeout = try! .choice([(.minutes(4), 0.5), (.minutes(60), 0.5)])
        var b = Population(name: "android", count: 100)
        b.client = .dual
        b.heartbeat = .adaptive(initial: .minutes(8), min: .minutes(8), max: .minutes(28), step: .minutes(5), onFailure: .stepDown)
        var s = Scenario(name: "det", populations: [a, b])
        s.duration = .hours(12)
        s.profile = .office
        s.server.threads = 100
        s.server.queueLimit = 50
        return s
    }

    func testSameScenarioAndSeedGiveIdenticalSummaryBytes() throws {
        let one = try Simulation.run(scenario()).summary.jsonText
        let two = try Simulation.run(scenario()).summary.jsonText
        XCTAssertEqual(one, two)
        var other = scenario()
        other.seed = 2
        XCTAssertNotEqual(try Simulation.run(other).summary.jsonText, one)
        XCTAssertNotEqual(try Simulation.run(scenario(), replication: 1).summary.jsonText, one)
    }

    /// Changing another population, or a heartbeat, leaves a device's mail and open times
    /// unchanged: the basis of common random numbers across sweep points.
    func testChangingAnotherPopulationOrTheHeartbeatKeepsMailAndOpenTimes() throws {
        func arrivals(_ s: Scenario, device: Int) throws -> ([UInt32: Int64], [Int64]) {
            var probe = CheckingProbe()
            probe.recordOpens = true
            _ = try Simulation.run(s, probe: &probe)
            return (probe.mailArrivals[device] ?? [:], probe.opens[device] ?? [])
        }
        let base = try arrivals(scenario(), device: 5)
        XCTAssertGreaterThan(base.0.count, 5)
        XCTAssertGreaterThan(base.1.count, 2)

        var heartbeat = scenario()
        heartbeat.populations[0].heartbeat = .fixed(.minutes(5))
        let h = try arrivals(heartbeat, device: 5)
        XCTAssertEqual(h.0, base.0)
        XCTAssertEqual(h.1, base.1)

        var otherPopulation = scenario()
        otherPopulation.populations[1].count = 50
        otherPopulation.populations[1].mailPerDay = 500
        let o = try arrivals(otherPopulation, device: 5)
        XCTAssertEqual(o.0, base.0)
        XCTAssertEqual(o.1, base.1)

        var added = scenario()
        added.populations.append(Population(name: "blackberry", count: 30))
        XCTAssertEqual(try arrivals(added, device: 5).0, base.0)
    }
}
