import DiscreteEvent
import XCTest
@testable import PushSim

/// Server products (MODEL.md §2 presets) and what tells them apart: the answer to a
/// superseded Ping, Pings without threads, and Z-Push's periodic checks.
final class ServerKindTests: XCTestCase {
    /// Single-connection devices that only open Mail: every open supersedes the waiting Ping.
    func opensOnly(count: Int = 50, opensPerDay: Double = 40, days: Int64 = 4) -> Scenario {
        var p = quietPopulation("iphone", count: count)
        p.userOpensPerDay = opensPerDay
        var s = quietScenario([p], days: days, warmup: .hours(1))
        s.sampleInterval = .hours(1)
        return s
    }

    /// The policy decides only the answer: the devices never see it (their connection is
    /// closed), so the runs are the same but for how superseded Pings are counted.
    func testThePolicyDecidesOnlyTheSupersededAnswer() throws {
        var runs: [NewerRequestPolicy: Figures] = [:]
        for policy in NewerRequestPolicy.allCases {
            var s = opensOnly()
            s.server.onNewerRequest = policy
            runs[policy] = try Simulation.run(s).summary.overall
        }
        let traveler = try XCTUnwrap(runs[.conflict409]), zpush = try XCTUnwrap(runs[.expire200]), none = try XCTUnwrap(runs[.ignore])
        XCTAssertGreaterThan(traveler.pings.superseded, 1_000)
        XCTAssertEqual(traveler.pings.conflict409, traveler.pings.superseded)
        XCTAssertEqual(zpush.pings.superseded, traveler.pings.superseded)
        XCTAssertEqual(zpush.pings.conflict409, 0)
        XCTAssertEqual(zpush.pings.status1, traveler.pings.status1 + traveler.pings.superseded)
        XCTAssertEqual(zpush.syncs.total, traveler.syncs.total)
        XCTAssertEqual(none.pings.superseded, 0)
        XCTAssertEqual(none.pings.conflict409, 0)
        // Under `ignore` an abandoned Ping holds its thread to its heartbeat.
        XCTAssertGreaterThan(none.threads.mean, traveler.threads.mean * 1.2)
    }

    /// Mail arriving while a Ping waits is noticed at the Ping's next check: with checks
    /// every 30 s from the Ping's start and a heartbeat that is a whole number of checks,
    /// the wait is uniform on [0, 30 s): mean 15 s, p95 28.5 s. Without checks, at once.
    func testChecksAddHalfAnIntervalToPushLatency() throws {
        var p = quietPopulation("iphone", count: 100)
        p.mailPerDay = 20
        var s = quietScenario([p], days: 4, warmup: .hours(1))
        s.sampleInterval = .hours(1)
        let immediate = try Simulation.run(s).summary.overall.pushLatency
        s.server.checkInterval = .seconds(30)
        let checked = try Simulation.run(s).summary.overall.pushLatency
        XCTAssertLessThan(try XCTUnwrap(immediate.p99), 0.01)
        let n = Double(checked.delivered)
        XCTAssertGreaterThan(n, 5_000)
        // Uniform on [0, 30): standard deviation 30/√12 ≈ 8.66 s; allow 5 standard errors.
        XCTAssertEqual(try XCTUnwrap(checked.mean), 15, accuracy: 5 * 8.66 / n.squareRoot())
        XCTAssertEqual(try XCTUnwrap(checked.p95), 28.5, accuracy: 0.8)
        XCTAssertEqual(checked.undelivered + checked.delivered, checked.mailArrived)
    }

    /// A superseded Ping keeps its thread until its next check: on average half an interval
    /// more per superseded Ping, so the mean threads held grow by superseded × 15 s ÷ time.
    func testSupersededPingsHoldTheirThreadsUntilTheNextCheck() throws {
        var s = opensOnly()
        s.server.onNewerRequest = .expire200
        let immediate = try Simulation.run(s).summary
        s.server.checkInterval = .seconds(30)
        let checked = try Simulation.run(s).summary
        let superseded = Double(checked.overall.pings.superseded)
        XCTAssertEqual(superseded, Double(immediate.overall.pings.superseded), accuracy: 0.05 * superseded)
        let extra = (checked.overall.threads.mean - immediate.overall.threads.mean) * checked.measuredSeconds
        XCTAssertEqual(extra / superseded, 15, accuracy: 1.5, "thread-seconds per superseded Ping")
    }

    /// The presets set the product's defaults; everything else is the scenario's.
    func testPresets() {
        let exchange = ServerConfig(kind: .exchange), zpush = ServerConfig(kind: .zpush), traveler = ServerConfig(kind: .traveler)
        XCTAssertEqual(traveler, ServerConfig())
        XCTAssertFalse(exchange.pingHoldsThread)
        XCTAssertEqual(exchange.onNewerRequest, .expire200)
        XCTAssertEqual(exchange.heartbeatMax, .seconds(3_540))
        XCTAssertEqual(zpush.checkInterval, .seconds(30))
        XCTAssertEqual(zpush.threads, 150)
        XCTAssertFalse(zpush.hasHeartbeatBounds)
        XCTAssertTrue(traveler.hasHeartbeatBounds)
    }

    /// Exchange parks Pings: with a fleet far larger than a Traveler pool, threads held
    /// stay near zero, and no Ping is 409.
    func testExchangeHoldsNoThreadForAPing() throws {
        var s = opensOnly(count: 400)
        s.server = ServerConfig(kind: .exchange)
        s.server.pingWork = .constant(.zero)
        s.server.syncWork = .constant(.microseconds(1))
        let f = try Simulation.run(s).summary.overall
        XCTAssertLessThan(f.threads.mean, 1)
        XCTAssertEqual(f.pings.conflict409, 0)
        XCTAssertGreaterThan(f.pings.superseded, 1_000)
        XCTAssertEqual(f.pings.lost, 0)
    }
}
