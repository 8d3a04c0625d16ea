import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §3.3–§3.4: a firewall that drops idle connections, and heartbeats adapting to it.
final class FirewallTests: XCTestCase {
    /// Firewall timeout T < H, no mail, no opens: every Ping is lost, one per H + grace.
    func testEveryPingIsLostOnePerHeartbeatPlusGrace() throws {
        var p = quietPopulation(count: 10)
        p.heartbeat = .fixed(.minutes(15))
        p.pingGrace = .seconds(5)
        p.firewallIdleTimeout = .constant(.minutes(10))
        var s = quietScenario([p], days: 3, warmup: .hours(1))
        s.sampleInterval = .hours(1)
        var probe = CheckingProbe()
        let f = try Simulation.run(s, probe: &probe).summary.overall
        probe.assertInvariants()
        let cycles = (3 * 86_400.0 - 3_600) / 905
        XCTAssertEqual(Double(f.pings.lost) / 10, cycles, accuracy: 1.01)
        // The server answered every one of them (Status 1), but nothing got through.
        XCTAssertEqual(f.pings.status1, f.pings.lost, accuracy: 10)
        XCTAssertEqual(f.pings.status2 + f.pings.conflict409, 0)
        // A lost Ping holds its thread for the full heartbeat.
        XCTAssertEqual(f.threads.mean, 10 * 900 / 905, accuracy: 0.05)
    }

    /// A mail that arrives while the path is dead waits for the next Ping, which returns at
    /// once: it is delivered after a lost Ping, not by push.
    func testMailBehindAFirewallIsDeliveredAfterALostPing() throws {
        var p = quietPopulation(count: 20)
        p.heartbeat = .fixed(.minutes(15))
        p.firewallIdleTimeout = .constant(.minutes(5))
        p.mailPerDay = 24
        let f = try Simulation.run(quietScenario([p], days: 5)).summary.overall
        XCTAssertGreaterThan(f.pings.lost, 0)
        XCTAssertGreaterThan(try XCTUnwrap(f.pushLatency.afterLostPing), 0.5)
        // Mail arriving in the first 5 minutes of a Ping is pushed; the rest waits for the
        // loss (up to H + grace later): the mean latency is minutes, not milliseconds.
        XCTAssertGreaterThan(try XCTUnwrap(f.pushLatency.mean), 60)
    }

    /// Android ≤ 4.3 (start 470 s, step 180 s, max 1010 s) behind a 15-minute firewall:
    /// 470 → 650 → 830 → 1010 (lost) → 830, locked.
    func testStepDownAndLockSettlesOnTheLastStepBelowTheFirewall() throws {
        var p = quietPopulation(count: 50)
        p.heartbeat = .adaptive(initial: .seconds(470), min: .seconds(470), max: .seconds(1010),
                                step: .seconds(180), onFailure: .stepDownAndLock)
        p.firewallIdleTimeout = .constant(.minutes(15))
        var s = quietScenario([p], days: 2)
        s.server.heartbeatMin = .seconds(60)     // Exchange 2007+ bounds, so the device's own
        s.server.heartbeatMax = .seconds(3540)   // policy is what settles
        let f = try Simulation.run(s).summary.overall
        XCTAssertEqual(f.heartbeat.final, [830: 50])
        XCTAssertEqual(f.pings.lost, 50, "one loss per device, then locked")
    }

    /// Android 4.4+ style step-down may grow again: behind the same firewall it alternates
    /// 830 → 1010 (lost) → 830 …, losing every other long Ping.
    func testStepDownOscillatesAroundTheFirewall() throws {
        var p = quietPopulation(count: 50)
        p.heartbeat = .adaptive(initial: .seconds(470), min: .seconds(470), max: .seconds(1010),
                                step: .seconds(180), onFailure: .stepDown)
        p.firewallIdleTimeout = .constant(.minutes(15))
        var s = quietScenario([p], days: 4, warmup: .hours(2))
        s.server.heartbeatMin = .seconds(60)
        s.server.heartbeatMax = .seconds(3540)
        let f = try Simulation.run(s).summary.overall
        // Without mail the devices stay in lockstep (their start offsets span 470 s of an
        // 1,845 s cycle), so where they end depends on the phase: check the values only.
        XCTAssertTrue(Set(f.heartbeat.final.keys).isSubset(of: [830, 1010]), "\(f.heartbeat.final)")
        // In steady state a cycle is one 830 s success and one lost 1010 s Ping (1015 s).
        assertShare(Double(f.pings.lost) / Double(f.pings.status1), 0.5, n: f.pings.status1, sigmas: 6, "lost per answered")
        let timeWeighted = (830 * 830 + 1010 * 1015) / (830 + 1015.0)
        XCTAssertEqual(f.heartbeat.meanSeconds ?? .nan, timeWeighted, accuracy: 15)
    }

    /// Revert goes back to the last heartbeat that worked, then grows again.
    func testRevertReturnsToTheLastGoodHeartbeat() throws {
        var p = quietPopulation(count: 20)
        p.heartbeat = .adaptive(initial: .seconds(480), min: .seconds(480), max: .seconds(1800),
                                step: .seconds(300), onFailure: .revert)
        p.firewallIdleTimeout = .constant(.minutes(20))
        var s = quietScenario([p], days: 2)
        s.server.heartbeatMax = .seconds(3540)
        let f = try Simulation.run(s).summary.overall
        // 480 → 780 → 1080 → 1380 (lost) → 1080 → 1380 (lost) …
        XCTAssertEqual(Set(f.heartbeat.final.keys).subtracting([1080, 1380]), [])
        XCTAssertGreaterThan(f.pings.lost, 20)
    }
}
