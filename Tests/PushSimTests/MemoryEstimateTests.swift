import DiscreteEvent
import XCTest
@testable import PushSim

/// The estimate against what was measured (Docs/Performance.md: `pushsim bench model` with
/// 1,000,000 devices peaks at 297 MiB of resident memory, the process at 10,000 at 22 MiB).
final class MemoryEstimateTests: XCTestCase {
    func testTheEstimateCoversTheMeasuredPeakWithASmallMargin() {
        let million = ModelBenchmark(devices: 1_000_000).scenario.memoryEstimate.bytes
        XCTAssertGreaterThanOrEqual(million, 297 << 20)
        XCTAssertLessThanOrEqual(million, 297 << 20 + 297 << 20 / 5)
        let small = ModelBenchmark(devices: 10_000).scenario.memoryEstimate.bytes
        XCTAssertGreaterThanOrEqual(small, 22 << 20)
        XCTAssertLessThanOrEqual(small, 32 << 20)
    }

    /// The servers of a pool run one after the other: the largest one counts.
    func testAPoolCountsItsLargestServer() {
        var one = Scenario(name: "one", populations: [Population(name: "p", count: 300_000)])
        one.duration = .hours(2)
        var pool = one
        pool.servers = ["a", "b", "c"].map { var s = ServerConfig(); s.name = $0; return s }
        let e1 = one.memoryEstimate, e3 = pool.memoryEstimate
        XCTAssertEqual(e3.largestServerDevices, 100_000)
        XCTAssertEqual(e3.samples, 3 * 120)
        XCTAssertLessThan(e3.bytes, e1.bytes / 2)
    }

    func testHugeScenariosDoNotOverflow() {
        var s = Scenario(name: "x", populations: (0..<4).map { Population(name: "p\($0)", count: Int(Int32.max) - 1) })
        s.duration = .days(1_000_000)
        s.sampleInterval = SimTime(microseconds: 1)
        XCTAssertEqual(s.memoryEstimate.bytes, Int.max)
        XCTAssertEqual(s.memoryEstimate.bytes(concurrent: 64, retained: 64), Int.max)
    }
}
