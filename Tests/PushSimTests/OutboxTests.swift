import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §3.7: the outbox.
final class OutboxTests: XCTestCase {
    func outboxScenario(loss: Double, dedup: Bool, conflicts: Double = 0, permanent: Double = 0, days: Int64 = 10) -> Scenario {
        var p = quietPopulation(count: 40)
        p.outbox.perDay = 30
        p.outbox.serverDeduplicates = dedup
        p.outbox.conflictProbability = conflicts
        p.outbox.permanentErrorProbability = permanent
        p.lossProbability = loss
        p.networkDelay = .constant(.milliseconds(50))
        var s = quietScenario([p], days: days, warmup: .hours(6))
        s.sampleInterval = .hours(1)
        return s
    }

    /// With loss probability p on every request and response, no conflicts and no
    /// deduplication, each upload attempt reaches the server with probability 1 − p and its
    /// answer the device with (1 − p)²: an item is delivered 1/(1 − p) times on average,
    /// so duplicates per item are p/(1 − p).
    func testDuplicateRateMatchesItsClosedForm() throws {
        for p in [0.1, 0.25] {
            var probe = OutboxProbe()
            let o = try Simulation.run(outboxScenario(loss: p, dedup: false), probe: &probe).summary.overall.outbox
            XCTAssertGreaterThan(o.acknowledged, 8_000)
            let perItem = Double(o.duplicates) / Double(o.delivered)
            // Duplicates per item are geometric (variance p/(1−p)²): allow 5 standard errors.
            let se = (p / ((1 - p) * (1 - p)) / Double(o.delivered)).squareRoot()
            XCTAssertEqual(perItem, p / (1 - p), accuracy: 5 * se, "p = \(p)")
            XCTAssertEqual(probe.early, 0, "an item delivered before it was created")
            XCTAssertGreaterThan(probe.duplicates, 0)
        }
    }

    func testDeduplicationLeavesExactlyNoDuplicates() throws {
        var probe = OutboxProbe()
        let o = try Simulation.run(outboxScenario(loss: 0.25, dedup: true), probe: &probe).summary.overall.outbox
        XCTAssertEqual(o.duplicates, 0)
        XCTAssertEqual(probe.duplicates, 0)
        XCTAssertGreaterThan(o.delivered, 8_000)
    }

    /// Every item created after the warmup ends acknowledged, in Error (a conflict not
    /// resent, a permanent error) or still Pending — and was delivered before it was
    /// acknowledged.
    func testEveryItemIsAccountedFor() throws {
        var probe = OutboxProbe()
        let o = try Simulation.run(outboxScenario(loss: 0.1, dedup: false, conflicts: 0.05, permanent: 0.02, days: 6),
                                   probe: &probe).summary.overall.outbox
        XCTAssertEqual(o.created, o.acknowledged + o.conflicts + o.permanentErrors + o.pendingAtEnd)
        XCTAssertGreaterThan(o.conflicts, 0)
        XCTAssertGreaterThan(o.permanentErrors, 0)
        XCTAssertGreaterThan(o.resent, 0)
        XCTAssertGreaterThanOrEqual(o.delivered, o.acknowledged)
        XCTAssertEqual(probe.early, 0)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(o.pendingAgeMax), try XCTUnwrap(o.pendingAgeP95))
        // A conflict is resent with probability 0.5: about as many resent as given up.
        XCTAssertEqual(Double(o.resent), Double(o.conflicts), accuracy: 5 * Double(o.conflicts).squareRoot() + 5)
    }

    /// Without loss, items are acknowledged one round trip after they are created.
    func testDeliveryDelayIsARoundTripWithoutLoss() throws {
        let o = try Simulation.run(outboxScenario(loss: 0, dedup: false, days: 2)).summary.overall.outbox
        XCTAssertEqual(o.duplicates, 0)
        XCTAssertEqual(o.created, o.acknowledged + o.pendingAtEnd)
        XCTAssertLessThan(try XCTUnwrap(o.deliveryDelayP95), 0.5)
        XCTAssertGreaterThan(try XCTUnwrap(o.deliveryDelayMean), 0.099)
    }

    /// A single-connection device abandons its Ping for every outbox Sync: more 409s.
    func testOutboxTrafficAdds409s() throws {
        var p = Population(name: "iphone", count: 200)
        p.outbox.perDay = 0
        var s = Scenario(name: "t", populations: [p])
        s.server.threads = 1_000
        let without = try XCTUnwrap(Simulation.run(s).summary.overall.pings.share409)
        s.populations[0].outbox.perDay = 30
        let with = try XCTUnwrap(Simulation.run(s).summary.overall.pings.share409)
        XCTAssertGreaterThan(with, without + 0.05)
    }
}
