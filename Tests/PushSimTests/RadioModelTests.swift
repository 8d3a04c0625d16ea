import DiscreteEvent
import XCTest
@testable import PushSim

/// MODEL.md §3.6: radio energy from transfer times.
final class RadioModelTests: XCTestCase {
    func testIsolatedHeartbeatCostsWhatTheModelSays() {
        XCTAssertEqual(RadioModel.lte.isolatedHeartbeatJoules(), 12.59, accuracy: 0.005)
        XCTAssertEqual(RadioModel.umts3G.isolatedHeartbeatJoules(), 8.76, accuracy: 0.005)
        XCTAssertEqual(RadioModel.wifi.isolatedHeartbeatJoules(), 0.403 * 0.25 + 0.403 * (4e-3 + 0.48e-3), accuracy: 1e-6)
    }

    /// A device doing nothing but heartbeats pays one isolated heartbeat per H.
    func testHeartbeatsAloneCostOneIsolatedHeartbeatEach() throws {
        for (radio, joules) in [(RadioModel.lte, 12.5928), (RadioModel.umts3G, 8.7631)] {
            var p = quietPopulation(count: 4)
            p.radio = radio
            p.heartbeat = .fixed(.minutes(10))
            var s = quietScenario([p], days: 3, warmup: .hours(1))
            s.sampleInterval = .hours(6)
            let f = try Simulation.run(s).summary.overall
            let perDay = 86_400.0 / 600
            XCTAssertEqual(f.battery.joulesPerDeviceDay ?? .nan, perDay * joules, accuracy: perDay * joules * 0.003, radio.name)
            XCTAssertEqual(f.battery.percentPerDay ?? .nan, (f.battery.joulesPerDeviceDay ?? .nan) / (3000 * 3.85 * 3.6) * 100, accuracy: 1e-9)
            let activePerBeat = radio.promotionSeconds + radio.tailSeconds
            XCTAssertEqual(f.battery.radioActiveSecondsPerDay ?? .nan, perDay * activePerBeat, accuracy: perDay * activePerBeat * 0.003)
        }
    }

    /// Transfers closer together than the tail share it: no second promotion, tail paid for
    /// the gap only.
    func testTransfersWithinTheTailShareIt() {
        let p = RadioParameters(.lte, TrafficSizes())
        var meter = RadioMeter()
        _ = meter.transfer(bytes: 500, uplink: true, at: 0, p, from: 0, to: .max)
        _ = meter.transfer(bytes: 300, uplink: false, at: 5_000_000, p, from: 0, to: .max)
        _ = meter.finish(p, from: 0, to: 100_000_000)
        let up = 500 * 8 / 1e6 * (1.288 + 0.43839), down = 300 * 8 / 5e6 * (1.288 + 0.05197 * 5)
        let gap = 5 - 500 * 8 / 1e6
        let expected = 0.26 * 1.21 + up + gap * 1.06 + down + 11.576 * 1.06
        XCTAssertEqual(meter.joules, expected, accuracy: 2e-6)
    }

    /// Energy before the warmup is not counted.
    func testWarmupIsExcluded() {
        let p = RadioParameters(.lte, TrafficSizes())
        var meter = RadioMeter()
        _ = meter.transfer(bytes: 500, uplink: true, at: 0, p, from: 5_000_000, to: .max)
        _ = meter.finish(p, from: 5_000_000, to: 100_000_000)
        // Only the part of the tail after 5 s counts; the tail starts when the 4 ms transfer ends.
        XCTAssertEqual(meter.joules, (0.004 + 11.576 - 5) * 1.06, accuracy: 1e-5)
    }
}

/// The model's sampler against the engine's exact distributions.
final class SamplerTests: XCTestCase {
    func testTabulatedLognormalMatchesTheExactQuantiles() throws {
        var tables = SamplerTables()
        let d = try DurationDistribution.lognormal(median: .milliseconds(150), p95: .milliseconds(300))
        let sampler = Sampler(d, tables: &tables)
        var a = CounterStream(key: 9), b = CounterStream(key: 9)
        for _ in 0..<100_000 {
            let table = Double(sampler.sample(&a))
            let exact = d.distribution.quantile(b.nextOpenUnit())
            XCTAssertEqual(table, exact, accuracy: max(1, exact * 1e-5), "µs")
        }
    }
}
