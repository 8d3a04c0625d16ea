import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §3.2 against closed forms. One single-connection device, fixed heartbeat H,
/// Poisson mail at rate λ and spontaneous opens at rate μ, no firewall, no notify opens,
/// no delays: each Ping ends at min(Exp(λ + μ), H), so
///   P(Status 1) = e^{−(λ+μ)H},  P(Status 2) = λ/(λ+μ)·(1 − e^{−(λ+μ)H}),
///   P(409) = μ/(λ+μ)·(1 − e^{−(λ+μ)H}),  E[duration] = (1 − e^{−(λ+μ)H})/(λ+μ).
final class PingOutcomeTests: XCTestCase {
    func testShareOfStatus2Status1And409MatchClosedForm() throws {
        var p = quietPopulation()
        p.mailPerDay = 75
        p.userOpensPerDay = 20
        p.heartbeat = .fixed(.minutes(15))
        var s = quietScenario([p], days: 600)
        s.seed = 7
        let f = try Simulation.run(s).summary.overall

        let lambda = 75.0 / 86_400, mu = 20.0 / 86_400, h = 900.0
        let end = 1 - exp(-(lambda + mu) * h)
        let n = f.pings.total
        XCTAssertGreaterThan(n, 80_000)
        assertShare(Double(f.pings.status1) / Double(n), exp(-(lambda + mu) * h), n: n, "Status 1")
        assertShare(Double(f.pings.status2) / Double(n), lambda / (lambda + mu) * end, n: n, "Status 2")
        assertShare(f.pings.share409 ?? .nan, mu / (lambda + mu) * end, n: n, "409")
        XCTAssertEqual(f.pings.status5 + f.pings.lost + f.pings.rejected503, 0)
        // Duration: mean of min(Exp(λ+μ), H); its standard deviation is below H.
        let mean = end / (lambda + mu)
        XCTAssertEqual(f.pingDuration.mean ?? .nan, mean, accuracy: 5 * h / Double(n).squareRoot())
        XCTAssertEqual(f.pingDuration.max ?? .nan, h, accuracy: h / 128)
    }

    /// The same closed form with the device's opens replaced by nothing: only Status 1 and 2.
    func testWithoutOpensThereAreNo409() throws {
        var p = quietPopulation()
        p.mailPerDay = 200
        p.heartbeat = .fixed(.minutes(10))
        let f = try Simulation.run(quietScenario([p], days: 200)).summary.overall
        let rate = 200.0 / 86_400, h = 600.0
        XCTAssertEqual(f.pings.conflict409, 0)
        assertShare(Double(f.pings.status1) / Double(f.pings.total), exp(-rate * h), n: f.pings.total, "Status 1")
        // Every mail was delivered by push, at once (no delays, 1 µs of Sync work).
        XCTAssertEqual(try XCTUnwrap(f.pushLatency.byPush), 1, accuracy: 1e-3)
        XCTAssertLessThan(try XCTUnwrap(f.pushLatency.p99), 0.001)
    }

    /// Out-of-bounds heartbeats get Status 5 with the bound, and the device adopts it.
    func testStatus5ClampsTheHeartbeat() throws {
        var p = quietPopulation(count: 3)
        p.heartbeat = .fixed(.minutes(30))
        let r = try Simulation.run(quietScenario([p], days: 1))
        let f = r.summary.overall
        XCTAssertEqual(f.pings.status5, 3, "one Status 5 per device, then the bound")
        XCTAssertEqual(f.heartbeat.final, [900: 3])
        // 15-minute heartbeats for a day: about 96 Status 1 per device.
        XCTAssertEqual(Double(f.pings.status1) / 3, 95.5, accuracy: 1.5)
    }
}
