import XCTest
@testable import DiscreteEvent

/// The benchmark's workload (never its speed: that is measured by `pushsim bench engine`).
final class HoldBenchmarkTests: XCTestCase {
    func testProcessesExactlyTheRequestedEventsDeterministically() {
        let a = HoldBenchmark(entities: 1_000, events: 50_000, seed: 3).run()
        let b = HoldBenchmark(entities: 1_000, events: 50_000, seed: 3).run()
        XCTAssertEqual(a.events, 50_000)
        XCTAssertEqual(a.checksum, b.checksum)
        XCTAssertEqual(a.finalTime, b.finalTime)
        // 1,000 entities each advancing by Exp(1 s): 50,000 events span about 50 s.
        XCTAssertEqual(Double(a.finalTime) / 1e6, 50, accuracy: 3)
        XCTAssertNotEqual(a.checksum, HoldBenchmark(entities: 1_000, events: 50_000, seed: 4).run().checksum)
    }
}
