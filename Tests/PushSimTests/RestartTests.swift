import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §3.5: graceful restarts ("HTTP Server: Waiting for session to finish").
final class RestartTests: XCTestCase {
    func restartScenario(pingHoldsThread: Bool, drainTimeout: SimTime = .minutes(10)) -> Scenario {
        var p = Population(name: "iphone", count: 300)
        p.outbox.perDay = 10
        var s = Scenario(name: "restart", populations: [p])
        s.duration = .hours(36)
        s.warmup = .hours(2)
        s.server.threads = 400
        s.server.pingHoldsThread = pingHoldsThread
        s.server.restarts = [Restart(at: .hours(30), drainTimeout: drainTimeout, downtime: .minutes(2)),
                             Restart(at: .hours(33), drainTimeout: drainTimeout, downtime: .minutes(1))]
        return s
    }

    /// Pings that hold threads keep the server waiting for up to a heartbeat: the drain
    /// runs into its timeout and the rest is reset.
    func testPingsHoldingThreadsMakeTheDrainTimeOut() throws {
        var probe = CheckingProbe()
        let summary = try Simulation.run(restartScenario(pingHoldsThread: true), probe: &probe).summary
        probe.assertInvariants()
        XCTAssertEqual(summary.restarts.count, 2)
        for r in summary.restarts {
            XCTAssertLessThanOrEqual(r.drainSeconds, 600, "drain time never exceeds drainTimeout")
            XCTAssertGreaterThan(r.waitedFor, 250, "nearly every device's Ping held a thread")
            XCTAssertGreaterThan(r.reset, 0)
            XCTAssertGreaterThan(r.refused, 0)
        }
        XCTAssertEqual(summary.restarts[0].at, 30 * 3600)
        XCTAssertGreaterThan(summary.overall.pings.reset, 0)
        XCTAssertGreaterThan(probe.ends[.reset, default: 0], 0)
    }

    /// A server that parks Pings only waits for work in progress: the drain collapses.
    func testDrainCollapsesWhenPingsDoNotHoldThreads() throws {
        var probe = CheckingProbe()
        let summary = try Simulation.run(restartScenario(pingHoldsThread: false), probe: &probe).summary
        probe.assertInvariants()
        for r in summary.restarts {
            XCTAssertLessThan(r.drainSeconds, 2, "only Syncs in progress")
            XCTAssertLessThan(r.waitedFor, 10)
            XCTAssertEqual(r.reset, 0)
        }
    }

    /// A short drain timeout is honoured exactly, and the run carries on after the restart.
    func testDrainTimeoutIsHonouredAndServiceResumes() throws {
        let s = restartScenario(pingHoldsThread: true, drainTimeout: .seconds(30))
        let result = try Simulation.run(s)
        for r in result.summary.restarts { XCTAssertEqual(r.drainSeconds, 30, accuracy: 1e-6) }
        let rows = result.timeseries[0].rows
        XCTAssertTrue(rows.contains { !$0.serverUp }, "the server was down for a while")
        let after = rows.filter { $0.time > 34 * 3600 }
        XCTAssertGreaterThan(after.map(\.threadsMean).max() ?? 0, 250, "devices came back")
        XCTAssertGreaterThan(try XCTUnwrap(result.summary.restarts[0].pushLatencyP95After), try XCTUnwrap(result.summary.overall.pushLatency.p95))
    }
}
