import XCTest
@testable import DiscreteEvent

final class DistributionTests: XCTestCase {
    /// Sorted samples of a distribution, from one xoshiro stream.
    func samples(_ d: Distribution, _ n: Int = 200_000, seed: UInt64 = 1) -> [Double] {
        var random = Xoshiro256StarStar(seed: seed)
        return (0..<n).map { _ in d.sample(&random) }.sorted()
    }

    func quantile(_ sorted: [Double], _ q: Double) -> Double { sorted[Int(q * Double(sorted.count - 1))] }
    func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    func testNormalQuantileMatchesTables() {
        XCTAssertEqual(NormalQuantile.of(0.5), 0, accuracy: 1e-15)
        XCTAssertEqual(NormalQuantile.of(0.975), 1.959963984540054, accuracy: 1e-14)
        XCTAssertEqual(NormalQuantile.of(0.95), NormalQuantile.p95, accuracy: 1e-14)
        XCTAssertEqual(NormalQuantile.of(0.025), -1.959963984540054, accuracy: 1e-14)
        XCTAssertEqual(NormalQuantile.of(1e-10), -6.361340902404056, accuracy: 1e-12)
        XCTAssertEqual(NormalQuantile.of(0.999), 3.090232306167813, accuracy: 1e-12)
    }

    func testExponentialMeanMedianAndP95() {
        let xs = samples(.exponential(mean: 120))
        // Standard error of the mean: 120/√200000 ≈ 0.27; allow 5 standard errors.
        XCTAssertEqual(mean(xs), 120, accuracy: 1.4)
        XCTAssertEqual(quantile(xs, 0.5), 120 * log(2.0), accuracy: 1.0)
        XCTAssertEqual(quantile(xs, 0.95), 120 * log(20.0), accuracy: 4)
    }

    func testUniformMeanAndRange() {
        let xs = samples(.uniform(min: 240, max: 3600))
        XCTAssertGreaterThanOrEqual(xs.first!, 240)
        XCTAssertLessThanOrEqual(xs.last!, 3600)
        XCTAssertEqual(mean(xs), 1920, accuracy: 5 * 970 / 447)
        XCTAssertEqual(quantile(xs, 0.95), 240 + 0.95 * 3360, accuracy: 12)
    }

    /// Lognormal from a median and p95, as the model's Sync work time is given.
    func testLognormalHitsItsMedianAndP95() throws {
        let d = Distribution.lognormal(try LogNormal(median: 150, p95: 300))
        let xs = samples(d)
        XCTAssertEqual(quantile(xs, 0.5), 150, accuracy: 1.5)
        XCTAssertEqual(quantile(xs, 0.95), 300, accuracy: 4)
        XCTAssertEqual(mean(xs), d.mean, accuracy: d.mean * 0.01)
        XCTAssertEqual(d.quantile(0.95), 300, accuracy: 1e-9)
        XCTAssertThrowsError(try LogNormal(median: 300, p95: 150))
        XCTAssertThrowsError(try LogNormal(median: 0, p95: 1))
    }

    /// A weighted list (the firewall-timeout mix of cloud load balancers).
    func testWeightedChoiceFrequencies() throws {
        let c = try WeightedChoice([(240, 0.25), (350, 0.25), (1200, 0.25), (3600, 0.25)])
        let xs = samples(.choice(c), 100_000)
        for v in [240.0, 350, 1200, 3600] {
            let share = Double(xs.filter { $0 == v }.count) / 100_000
            XCTAssertEqual(share, 0.25, accuracy: 5 * (0.25 * 0.75 / 100_000).squareRoot())
        }
        let skewed = try WeightedChoice([(1, 1), (2, 0), (3, 3)])
        let ys = samples(.choice(skewed), 40_000)
        XCTAssertFalse(ys.contains(2), "a zero weight is never chosen")
        XCTAssertEqual(Double(ys.filter { $0 == 3 }.count) / 40_000, 0.75, accuracy: 0.011)
        XCTAssertThrowsError(try WeightedChoice([]))
        XCTAssertThrowsError(try WeightedChoice([(1, 0)]))
        XCTAssertThrowsError(try WeightedChoice([(1, -1), (2, 2)]))
    }

    func testBernoulli() {
        var random = Xoshiro256StarStar(seed: 2)
        let hits = (0..<100_000).filter { _ in random.bernoulli(0.3) }.count
        XCTAssertEqual(Double(hits) / 100_000, 0.3, accuracy: 5 * (0.21 / 100_000).squareRoot())
        XCTAssertFalse((0..<1000).contains { _ in random.bernoulli(0) })
        XCTAssertTrue((0..<1000).allSatisfy { _ in random.bernoulli(1) })
    }

    func testEachSampleUsesAtMostOneDraw() throws {
        let all: [Distribution] = [.exponential(mean: 1), .uniform(min: 0, max: 1),
                                   .lognormal(try LogNormal(median: 1, p95: 2)),
                                   .choice(try WeightedChoice([(1, 1), (2, 1)]))]
        for d in all {
            var s = CounterStream(key: 1)
            _ = d.sample(&s)
            XCTAssertEqual(s.counter, 1, "\(d)")
        }
        var s = CounterStream(key: 1)
        _ = Distribution.constant(5).sample(&s)
        XCTAssertEqual(s.counter, 0)
    }
}
