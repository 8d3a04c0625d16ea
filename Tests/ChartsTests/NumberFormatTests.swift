import XCTest
@testable import Charts

final class NumberFormatTests: XCTestCase {
    func testCompact() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (0.05, "0.05"), (-0.05, "-0.05"), (0.9995, "1"), (0.99949, "0.999"),
            (1, "1"), (12.345, "12.3"), (123.456, "123"), (999, "999"), (1_000, "1,000"), (1_500, "1,500"),
            (-1_500, "-1,500"), (1_234.5, "1,235"), (9_999.4, "9,999"), (9_999.6, "10k"), (10_000, "10k"),
            (12_345, "12.3k"), (100_000, "100k"), (999_499, "999k"), (999_950, "1M"), (1_000_000, "1M"),
            (1_234_567, "1.23M"), (2_500_000, "2.5M"), (-2_500_000, "-2.5M"), (1e9, "1G"), (3e12, "3T"),
            (2.5e15, "2.5e15"), (0.0001, "0.0001"), (0.00002, "2e-5"), (-0.00001, "-1e-5"), (1.5e-7, "1.5e-7"),
            (.nan, "—"), (.infinity, "∞"), (-.infinity, "-∞"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(NumberFormat.compact(value), expected, "compact(\(value))")
        }
        XCTAssertEqual(NumberFormat.compact(12_345, significantDigits: 5), "12.345k")
        XCTAssertEqual(NumberFormat.compact(0.123456, significantDigits: 2), "0.12")
    }

    func testFixedRoundsTheDecimalRepresentationHalfAwayFromZero() {
        let cases: [(Double, Int, String)] = [
            (0.9995, 3, "1.000"), (0.9994, 3, "0.999"), (1.005, 2, "1.01"), (2.5, 0, "3"), (-2.5, 0, "-3"),
            (-0.004, 2, "0.00"), (0, 2, "0.00"), (0.1 + 0.2, 2, "0.30"), (123.0, 1, "123.0"), (1e-7, 3, "0.000"),
            (99.95, 1, "100.0"), (-99.95, 1, "-100.0"),
        ]
        for (value, decimals, expected) in cases {
            XCTAssertEqual(NumberFormat.fixed(value, decimals: decimals), expected, "fixed(\(value), \(decimals))")
        }
        XCTAssertEqual(NumberFormat.fixed(1_234_567.891, decimals: 2, grouping: true), "1,234,567.89")
        XCTAssertEqual(NumberFormat.fixed(1e21, decimals: 0, grouping: true), "1,000,000,000,000,000,000,000")
        XCTAssertEqual(NumberFormat.fixed(.nan, decimals: 2), "—")
    }

    func testGrouped() {
        XCTAssertEqual(NumberFormat.grouped(1_500), "1,500")
        XCTAssertEqual(NumberFormat.grouped(0.125), "0.13")
        XCTAssertEqual(NumberFormat.grouped(57.6), "57.6")
        XCTAssertEqual(NumberFormat.grouped(1e6), "1,000,000")
        XCTAssertEqual(NumberFormat.grouped(-1_234.5, maxFractionDigits: 0), "-1,235")
        XCTAssertEqual(NumberFormat.grouped(-0.001), "0")
        XCTAssertEqual(NumberFormat.grouped(999.999), "1,000")
    }

    func testPercent() {
        let cases: [(Double, Int, String)] = [
            (0.384, 1, "38.4%"), (0.5, 1, "50.0%"), (0.5, 0, "50%"), (0.0015, 2, "0.15%"), (0.99995, 2, "100.00%"),
            (0.3845, 1, "38.5%"), (0.38449, 1, "38.4%"), (-0.012, 1, "-1.2%"), (12.5, 1, "1,250.0%"), (0, 1, "0.0%"),
            (-0.0000001, 1, "0.0%"), (1, 0, "100%"),
        ]
        for (value, decimals, expected) in cases {
            XCTAssertEqual(NumberFormat.percent(value, decimals: decimals), expected, "percent(\(value), \(decimals))")
        }
        XCTAssertEqual(NumberFormat.percent(.nan), "—")
        XCTAssertEqual(NumberFormat.percentTrimmed(0.5, maxDecimals: 2), "50%")
        XCTAssertEqual(NumberFormat.percentTrimmed(0.0015, maxDecimals: 6), "0.15%")
    }

    func testDuration() {
        let cases: [(Double, String)] = [
            (0, "0s"), (0.05, "50ms"), (0.0005, "500µs"), (0.9999, "999.9ms"), (0.99999, "1s"), (57, "57s"), (5, "5s"), (59.94, "59.9s"), (59.97, "1m"), (3_599.97, "1h"), (5e-7, "0.5µs"),
            (90, "1.5m"), (100, "1.7m"), (900, "15m"), (3_599, "1h"), (7_200, "2h"), (86_400, "1d"),
            (129_600, "1.5d"), (-30, "-30s"), (864_000, "10d"), (1e-12, "0s"), (.nan, "—"), (.infinity, "∞"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(NumberFormat.duration(value), expected, "duration(\(value))")
        }
        XCTAssertEqual(NumberFormat.duration(2.345, maxDecimals: 2), "2.35s")
        XCTAssertEqual(NumberFormat.duration(90, maxDecimals: 0), "2m")
    }

    func testDurationCompound() {
        let cases: [(Double, Int, String)] = [
            (108_000, 2, "1d 6h"), (5_400, 2, "1h 30m"), (86_399.9, 2, "1d"), (45, 2, "45s"), (0.25, 2, "250ms"),
            (90_061, 3, "1d 1h 1m"), (3_661, 2, "1h 1m"), (3_661, 1, "1h"), (-7_200, 2, "-2h"), (172_800, 2, "2d"),
            (172_799, 2, "2d"), (61, 2, "1m 1s"), (1, 2, "1s"),
        ]
        for (value, parts, expected) in cases {
            XCTAssertEqual(NumberFormat.durationCompound(value, maxParts: parts), expected, "durationCompound(\(value), \(parts))")
        }
    }

    func testDecimalDigitsParsesEveryDescriptionForm() {
        XCTAssertEqual(DecimalDigits(1500.0), DecimalDigits(isNegative: false, digits: [1, 5], exponent: 4))
        XCTAssertEqual(DecimalDigits(0.00001), DecimalDigits(isNegative: false, digits: [1], exponent: -4))
        XCTAssertEqual(DecimalDigits(2.5e20), DecimalDigits(isNegative: false, digits: [2, 5], exponent: 21))
        XCTAssertEqual(DecimalDigits(-0.0), DecimalDigits.zero)
        XCTAssertNil(DecimalDigits(.nan))
        XCTAssertEqual(DecimalDigits(0.96)?.rounded(fractionDigits: 0), DecimalDigits(isNegative: false, digits: [1], exponent: 1))
        XCTAssertEqual(DecimalDigits(0.4)?.rounded(fractionDigits: 0), DecimalDigits.zero)
        XCTAssertEqual(DecimalDigits(Double.leastNonzeroMagnitude)?.render(fractionDigits: 2, grouping: false), "0.00")
    }

    func testValueFormatLabelsAndDetails() {
        XCTAssertEqual(ValueFormat.number.label(1_500), "1,500")
        XCTAssertEqual(ValueFormat.number.detail(172_800.5), "172,800.5")
        XCTAssertEqual(ValueFormat.number.detail(0.0012345), "0.001235")
        XCTAssertEqual(ValueFormat.percent.label(0.384), "38.4%")
        XCTAssertEqual(ValueFormat.percent.detail(0.38456), "38.46%")
        XCTAssertEqual(ValueFormat.duration.label(1_800), "30m")
        XCTAssertEqual(ValueFormat.duration.detail(108_000), "1d 6h")
        XCTAssertEqual(ValueFormat.custom { "v=\($0)" }.label(2), "v=2.0")
    }

    func testSVGNumberFormatting() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (-0.004, "0"), (1.006, "1.01"), (12.5, "12.5"), (12.50001, "12.5"), (3.14159, "3.14"),
            (0.05, "0.05"), (-2.345, "-2.35"), (100, "100"), (.nan, "0"), (.infinity, "0"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(SVGNumber.format(value), expected, "SVGNumber(\(value))")
        }
    }
}
