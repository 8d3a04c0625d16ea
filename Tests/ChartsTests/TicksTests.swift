import XCTest
@testable import Charts

final class TicksTests: XCTestCase {
    /// Mantissa of a 1–2–5 step, or nil if the step is off the grid.
    func gridMantissa(_ step: Double) -> Double? {
        let exponent = (log10(step) + 1e-9).rounded(.down)
        let mantissa = step / pow(10, exponent)
        return [1.0, 2, 5].first { abs(mantissa - $0) < 1e-6 }
    }

    func assertNiceLinear(_ ticks: Ticks, covers lo: Double, _ hi: Double, file: StaticString = #filePath, line: UInt = #line) {
        let v = ticks.values
        let context = "ticks \(v) for [\(lo), \(hi)]"
        XCTAssertTrue((3...10).contains(v.count), "count " + context, file: file, line: line)
        XCTAssertTrue(v.allSatisfy(\.isFinite), context, file: file, line: line)
        XCTAssertNotNil(gridMantissa(ticks.step), "step \(ticks.step) off the 1–2–5 grid: " + context, file: file, line: line)
        for i in v.indices.dropFirst() {
            XCTAssertGreaterThan(v[i], v[i - 1], "increasing " + context, file: file, line: line)
            XCTAssertEqual(v[i] - v[i - 1], ticks.step, accuracy: ticks.step * 1e-6, "even " + context, file: file, line: line)
        }
        for value in v {
            let n = value / ticks.step
            XCTAssertEqual(n, n.rounded(), accuracy: 1e-6, "multiple of step " + context, file: file, line: line)
        }
        XCTAssertEqual(ticks.lower, v.first)
        XCTAssertEqual(ticks.upper, v.last)
        let tolerance = ticks.step * 1e-6
        XCTAssertLessThanOrEqual(ticks.lower, min(lo, hi) + tolerance, "covers low " + context, file: file, line: line)
        XCTAssertGreaterThanOrEqual(ticks.upper, max(lo, hi) - tolerance, "covers high " + context, file: file, line: line)
    }

    func testLinearTicksOverManyRanges() {
        let starts: [Double] = [-1e6, -37.2, -1, -0.003, 0, 0.001, 1, 3.7, 42, 1e5, 1e12, -1e-9, 7e-5]
        let spans: [Double] = [1e-6, 0.01, 0.37, 1, 7, 99, 1_234, 1e8, 3.3e15]
        var checked = 0
        for start in starts {
            for span in spans {
                // Skip spans too small to label distinctly relative to the start (the axis widens those).
                if span < abs(start) * 1e-9 { continue }
                for target in [3, 5, 7, 10] {
                    let ticks = NiceTicks.linear(lo: start, hi: start + span, target: target)
                    assertNiceLinear(ticks, covers: start, start + span)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }

    func testTargetIsRespectedRoughly() {
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 1, target: 5).values, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 100, target: 5).values, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 38, target: 5).values, [0, 10, 20, 30, 40])
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 5_200, target: 3).values, [0, 2_000, 4_000, 6_000])
        XCTAssertEqual(NiceTicks.linear(lo: 0, hi: 0.3, target: 4).values, [0, 0.1, 0.2, 0.3])
        XCTAssertEqual(NiceTicks.linear(lo: -7, hi: 12, target: 5).values, [-10, -5, 0, 5, 10, 15])
    }

    func testOutOfRangeTargetsAreClamped() {
        assertNiceLinear(NiceTicks.linear(lo: 0, hi: 1, target: 1), covers: 0, 1)
        assertNiceLinear(NiceTicks.linear(lo: 0, hi: 1, target: 100), covers: 0, 1)
        assertNiceLinear(NiceTicks.linear(lo: 0, hi: 1, target: -5), covers: 0, 1)
    }

    func testDegenerateInputs() {
        let zero = NiceTicks.linear(lo: 0, hi: 0)
        assertNiceLinear(zero, covers: 0, 1)
        let five = NiceTicks.linear(lo: 5, hi: 5)
        assertNiceLinear(five, covers: 5, 5)
        XCTAssertLessThan(five.lower, 5)
        XCTAssertGreaterThan(five.upper, 5)
        let negative = NiceTicks.linear(lo: -3, hi: -3)
        assertNiceLinear(negative, covers: -3, -3)
        assertNiceLinear(NiceTicks.linear(lo: .nan, hi: .nan), covers: 0, 1)
        assertNiceLinear(NiceTicks.linear(lo: .nan, hi: 7), covers: 7, 7)
        assertNiceLinear(NiceTicks.linear(lo: -.infinity, hi: .infinity), covers: 0, 1)
        assertNiceLinear(NiceTicks.linear(lo: 10, hi: 2), covers: 2, 10)
        assertNiceLinear(NiceTicks.linear(lo: -Double.greatestFiniteMagnitude, hi: Double.greatestFiniteMagnitude), covers: -1e300, 1e300)
        assertNiceLinear(NiceTicks.linear(lo: 1e-300, hi: 1e-300), covers: 1e-300, 1e-300)
        assertNiceLinear(NiceTicks.linear(lo: 1, hi: 1 + 1e-13), covers: 1, 1)
        assertNiceLinear(NiceTicks.linear(data: []), covers: 0, 1)
        assertNiceLinear(NiceTicks.linear(data: [.nan, .infinity]), covers: 0, 1)
        assertNiceLinear(NiceTicks.linear(data: [3, .nan, 9, -.infinity]), covers: 3, 9)
        assertNiceLinear(NiceTicks.linear(data: [3, 9], includeZero: true), covers: 0, 9)
    }

    func testTicksNeverPrintMinusZero() {
        let ticks = NiceTicks.linear(lo: -1, hi: 1)
        XCTAssertTrue(ticks.values.contains(0))
        XCTAssertFalse(ticks.values.contains { $0 == 0 && $0.sign == .minus })
    }

    func assertLog(_ ticks: Ticks, covers lo: Double, _ hi: Double, allowMultiples: Bool, file: StaticString = #filePath, line: UInt = #line) {
        let v = ticks.values
        let context = "log ticks \(v) for [\(lo), \(hi)]"
        XCTAssertTrue((3...10).contains(v.count), "count " + context, file: file, line: line)
        for i in v.indices.dropFirst() { XCTAssertGreaterThan(v[i], v[i - 1], context, file: file, line: line) }
        for value in v {
            XCTAssertGreaterThan(value, 0, context, file: file, line: line)
            let mantissa = gridMantissa(value)
            XCTAssertNotNil(mantissa, "\(value) not on 1–2–5 × 10^k: " + context, file: file, line: line)
            if !allowMultiples { XCTAssertEqual(mantissa, 1, "\(value) not a power of ten: " + context, file: file, line: line) }
        }
        XCTAssertLessThanOrEqual(ticks.lower, lo * (1 + 1e-9), "covers low " + context, file: file, line: line)
        XCTAssertGreaterThanOrEqual(ticks.upper, hi * (1 - 1e-9), "covers high " + context, file: file, line: line)
    }

    func testLogTicksArePowersOfTen() {
        assertLog(NiceTicks.logarithmic(lo: 1, hi: 1_000), covers: 1, 1_000, allowMultiples: false)
        XCTAssertEqual(NiceTicks.logarithmic(lo: 1, hi: 1_000).values, [1, 10, 100, 1_000])
        assertLog(NiceTicks.logarithmic(lo: 0.003, hi: 47_000), covers: 0.003, 47_000, allowMultiples: false)
        assertLog(NiceTicks.logarithmic(lo: 1e-5, hi: 1e9), covers: 1e-5, 1e9, allowMultiples: false)
        assertLog(NiceTicks.logarithmic(lo: 1e-300, hi: 1e300), covers: 1e-300, 1e300, allowMultiples: false)
        assertLog(NiceTicks.logarithmic(lo: 0.1, hi: 3_600), covers: 0.1, 3_600, allowMultiples: false)
    }

    func testNarrowLogRangesAdd2And5() {
        XCTAssertEqual(NiceTicks.logarithmic(lo: 10, hi: 100).values, [10, 20, 50, 100])
        XCTAssertEqual(NiceTicks.logarithmic(lo: 2.5, hi: 30).values, [2, 5, 10, 20, 50])
        assertLog(NiceTicks.logarithmic(lo: 0.011, hi: 0.9), covers: 0.011, 0.9, allowMultiples: true)
        let single = NiceTicks.logarithmic(lo: 100, hi: 100)
        assertLog(single, covers: 100, 100, allowMultiples: true)
        XCTAssertEqual(single.values, [50, 100, 200])
    }

    func testLogTicksIgnoreUnusableInputs() {
        assertLog(NiceTicks.logarithmic(lo: 0, hi: 100), covers: 100, 100, allowMultiples: true)
        assertLog(NiceTicks.logarithmic(lo: -5, hi: -1), covers: 1, 10, allowMultiples: true)
        assertLog(NiceTicks.logarithmic(lo: .nan, hi: .nan), covers: 1, 10, allowMultiples: true)
        assertLog(NiceTicks.logarithmic(lo: 1_000, hi: 1), covers: 1, 1_000, allowMultiples: false)
    }

    func testDurationTicksUseTimeUnits() {
        let twoDays = NiceTicks.duration(lo: 0, hi: 172_800, target: 9)
        XCTAssertEqual(twoDays.step, 21_600)
        XCTAssertEqual(twoDays.values.count, 9)
        let labels = TickLabels.make(twoDays.values, step: twoDays.step, kind: .linear, format: .duration)
        XCTAssertEqual(labels, ["0", "6h", "12h", "18h", "1d", "1d 6h", "1d 12h", "1d 18h", "2d"])
        let hour = NiceTicks.duration(lo: 300, hi: 3_600, target: 7)
        XCTAssertTrue([300.0, 600, 900].contains(hour.step), "step \(hour.step)")
        XCTAssertTrue(NiceTicks.durationSteps.contains(NiceTicks.duration(lo: 0, hi: 1e6).step))
        for (lo, hi) in [(0.0, 1.5), (0.0, 7.0), (10.0, 3e7), (-100.0, 100.0), (0.0, 1e12), (.nan, .nan)] {
            let t = NiceTicks.duration(lo: lo, hi: hi)
            XCTAssertTrue((3...10).contains(t.values.count), "\(t.values)")
            for i in t.values.indices.dropFirst() { XCTAssertGreaterThan(t.values[i], t.values[i - 1]) }
        }
    }

    func testLogDurationTicks() {
        let latency = NiceTicks.logarithmicDuration(lo: 0.1, hi: 3_600)
        XCTAssertEqual(latency.values, [0.1, 1, 10, 60, 600, 3_600])
        let labels = TickLabels.make(latency.values, step: latency.step, kind: .log10, format: .duration)
        XCTAssertEqual(labels, ["100ms", "1s", "10s", "1m", "10m", "1h"])
        let narrow = NiceTicks.logarithmicDuration(lo: 12, hi: 50)
        XCTAssertEqual(narrow.values, [10, 15, 30, 60])
        let outside = NiceTicks.logarithmicDuration(lo: 1e-9, hi: 1e12)
        XCTAssertEqual(outside, NiceTicks.logarithmic(lo: 1e-9, hi: 1e12))
    }

    func testTickLabelsShareDecimalsAndAreDistinct() {
        XCTAssertEqual(TickLabels.make([0, 0.5, 1, 1.5], step: 0.5, kind: .linear, format: .number), ["0", "0.5", "1.0", "1.5"])
        XCTAssertEqual(TickLabels.make([0, 500, 1_000, 1_500], step: 500, kind: .linear, format: .number), ["0", "500", "1,000", "1,500"])
        XCTAssertEqual(TickLabels.make([0, 20_000, 40_000], step: 20_000, kind: .linear, format: .number), ["0", "20k", "40k"])
        XCTAssertEqual(TickLabels.make([10_000, 10_500, 11_000], step: 500, kind: .linear, format: .number), ["10.0k", "10.5k", "11.0k"])
        XCTAssertEqual(TickLabels.make([0, 0.05, 0.1], step: 0.05, kind: .linear, format: .percent), ["0%", "5%", "10%"])
        XCTAssertEqual(TickLabels.make([0, 0.001, 0.002], step: 0.001, kind: .linear, format: .percent), ["0%", "0.1%", "0.2%"])
        XCTAssertEqual(TickLabels.make([1, 10, 100, 1_000, 10_000], step: 0, kind: .log10, format: .number), ["1", "10", "100", "1,000", "10k"])
        XCTAssertEqual(TickLabels.make([-2, -1, 0, 1], step: 1, kind: .linear, format: .number), ["-2", "-1", "0", "1"])
        let crowded = TickLabels.make([1.0001, 1.0002, 1.0003], step: 0, kind: .log10, format: .number)
        XCTAssertEqual(Set(crowded).count, 3, "\(crowded)")
    }
}
