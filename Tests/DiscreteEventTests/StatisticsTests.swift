import XCTest
@testable import DiscreteEvent

final class StatisticsTests: XCTestCase {
    /// Quantiles of values spread over nine orders of magnitude stay within the stated
    /// 1/128 relative error of the exact nearest-rank quantiles.
    func testHistogramQuantilesWithinStatedRelativeError() throws {
        var random = Xoshiro256StarStar(seed: 12)
        let d = Distribution.lognormal(try LogNormal(median: 50_000, p95: 5_000_000))
        var values: [Int64] = []
        var h = LogHistogram()
        for _ in 0..<100_000 {
            let v = Int64(d.sample(&random))
            values.append(v)
            h.add(v)
        }
        values.sort()
        for q in [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0] {
            let rank = max(1, Int((q * Double(values.count)).rounded(.up)))
            let exact = Double(values[rank - 1])
            let approx = h.quantile(q)
            XCTAssertLessThanOrEqual(abs(approx - exact), exact / 128 + 1e-9, "q = \(q)")
        }
        XCTAssertEqual(h.mean, Double(values.reduce(Int128(0)) { $0 + Int128($1) }) / 100_000, accuracy: 1e-6)
        XCTAssertEqual(h.min, values.first)
        XCTAssertEqual(h.max, values.last)
        XCTAssertEqual(h.totalWeight, 100_000)
    }

    func testSmallIntegersAreExact() {
        var h = LogHistogram()
        for v in 0..<128 { h.add(Int64(v)) }
        for v in 1...128 { XCTAssertEqual(h.quantile(Double(v) / 128), Double(v - 1)) }
    }

    func testMergeEqualsOneHistogramOfBothInputs() {
        var random = Xoshiro256StarStar(seed: 13)
        var a = LogHistogram(), b = LogHistogram(), both = LogHistogram()
        for i in 0..<50_000 {
            let v = Int64(random.exponential(mean: i % 2 == 0 ? 1e3 : 1e8))
            if random.bernoulli(0.4) { a.add(v) } else { b.add(v, weight: 3) }
            both.add(v, weight: a.totalWeight + b.totalWeight > both.totalWeight + 1 ? 3 : 1)
        }
        var merged = a
        merged.merge(b)
        XCTAssertEqual(merged, both)
        var reversed = b
        reversed.merge(a)
        XCTAssertEqual(reversed.quantile(0.9), merged.quantile(0.9))
        XCTAssertEqual(reversed.weightedSum, merged.weightedSum)
        var empty = LogHistogram()
        empty.merge(LogHistogram())
        XCTAssertTrue(empty.isEmpty)
        XCTAssertEqual(empty.quantile(0.5), 0)
    }

    /// A level held at 2 for 3 s, 10 for 1 s and 0 for 6 s; the first 2 s are warmup.
    func testTimeWeightedStatistics() {
        var w = TimeWeighted(start: 2_000_000, threshold: 10)
        w.set(5, at: 0)                // before the start: not counted
        w.set(2, at: 1_000_000)
        w.set(10, at: 5_000_000)
        w.set(0, at: 6_000_000)
        w.finish(at: 12_000_000)
        // Counted: [2 s, 5 s) at 2, [5 s, 6 s) at 10, [6 s, 12 s) at 0 → 10 s.
        XCTAssertEqual(w.histogram.totalWeight, 10_000_000)
        XCTAssertEqual(w.mean, (2 * 3 + 10 * 1) / 10.0, accuracy: 1e-12)
        XCTAssertEqual(w.maximum, 10)
        XCTAssertEqual(w.quantile(0.5), 0)
        XCTAssertEqual(w.quantile(0.8), 2)
        XCTAssertEqual(w.quantile(0.95), 10)
        XCTAssertEqual(w.fractionAtOrAboveThreshold, 0.1, accuracy: 1e-12)
        var twice = w
        twice.merge(w)
        XCTAssertEqual(twice.mean, w.mean)
        XCTAssertEqual(twice.histogram.totalWeight, 20_000_000)
    }

    func testTimeWeightedMaximumIgnoresWarmupPeaks() {
        var w = TimeWeighted(start: 100)
        w.set(50, at: 10)
        w.set(3, at: 20)
        w.finish(at: 200)
        XCTAssertEqual(w.maximum, 3)
    }

    /// `LevelAccumulator` (the hot-loop version with fixed storage) gives exactly what
    /// `TimeWeighted` gives for the same changes: steps of one, jumps across buckets,
    /// several changes at one instant, changes before `start`, levels at the threshold.
    func testLevelAccumulatorMatchesTimeWeighted() {
        var random = Xoshiro256StarStar(seed: 21)
        for round in 0..<40 {
            let start = Int64(random.next(below: 5_000))
            let threshold = Int64(random.next(below: 3_000)) + 1
            var accumulator = LevelAccumulator(start: start, threshold: threshold)
            var reference = TimeWeighted(start: start, threshold: threshold)
            var now: Int64 = 0
            var level: Int64 = 0
            for _ in 0..<20_000 {
                now += Int64(random.next(below: round % 3 == 0 ? 2 : 40))   // many equal times
                switch random.next(below: 100) {
                case 0: level = Int64(random.next(below: 5_000))              // a jump
                case 1..<50: level += 1
                default: level = max(0, level - 1)
                }
                accumulator.set(level, at: now)
                reference.set(level, at: now)
            }
            let end = now + Int64(random.next(below: 100))
            let got = accumulator.finish(at: end)
            reference.finish(at: end)
            let h = got.histogram, r = reference.histogram
            XCTAssertEqual(h.totalWeight, r.totalWeight)
            XCTAssertEqual(h.weightedSum, r.weightedSum)
            XCTAssertEqual(h.min, r.min)
            XCTAssertEqual(h.max, r.max)
            XCTAssertEqual(got.maximum, reference.maximum)
            XCTAssertEqual(got.timeAtOrAboveThreshold, reference.timeAtOrAboveThreshold)
            for value in stride(from: Int64(0), through: 5_200, by: 13) {
                XCTAssertEqual(h.weight(atMost: value), r.weight(atMost: value), "weight at most \(value)")
            }
            for q in [0.01, 0.1, 0.5, 0.9, 0.99, 1] { XCTAssertEqual(h.quantile(q), r.quantile(q)) }
        }
    }
}

final class ConfidenceIntervalTests: XCTestCase {
    func testStudentTQuantilesMatchTables() {
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 1), 12.706, accuracy: 1e-3)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 4), 2.776, accuracy: 1e-3)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 30), 2.042, accuracy: 1e-3)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 40), 2.021, accuracy: 1e-3)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 120), 1.980, accuracy: 1e-3)
        XCTAssertEqual(StudentT.quantile975(degreesOfFreedom: 100_000), 1.960, accuracy: 1e-3)
    }

    func testIntervalOfKnownSample() {
        let ci = ConfidenceInterval([1, 2, 3, 4, 5])
        XCTAssertEqual(ci.mean, 3)
        // s = √2.5, t(4) = 2.776: 2.776 · √(2.5/5).
        XCTAssertEqual(ci.halfWidth, 2.776445105 * (0.5).squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(ConfidenceInterval([7]).halfWidth, 0)
        XCTAssertEqual(ConfidenceInterval([]).count, 0)
    }

    /// Coverage: for normal samples of 5, about 95 % of intervals contain the true mean.
    func testCoverageIsNinetyFivePercent() {
        var random = Xoshiro256StarStar(seed: 21)
        var covered = 0
        for _ in 0..<4_000 {
            let xs = (0..<5).map { _ in 10 + 3 * NormalQuantile.of(random.nextOpenUnit()) }
            let ci = ConfidenceInterval(xs)
            if abs(ci.mean - 10) <= ci.halfWidth { covered += 1 }
        }
        XCTAssertEqual(Double(covered) / 4_000, 0.95, accuracy: 0.015)
    }
}
