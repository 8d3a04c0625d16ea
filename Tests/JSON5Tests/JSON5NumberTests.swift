import XCTest
import JSON5

final class JSON5NumberTests: XCTestCase {
    private func assertNumber(
        _ text: String, double: Double, integer: Int64?,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let number = number(text, file: file, line: line) else { return }
        XCTAssertEqual(number.text, text, file: file, line: line)
        if double.isNaN {
            XCTAssertTrue(number.double.isNaN, "\(number.double)", file: file, line: line)
        } else {
            XCTAssertEqual(number.double, double, file: file, line: line)
            XCTAssertEqual(number.double.sign, double.sign, "sign of \(text)", file: file, line: line)
        }
        XCTAssertEqual(number.integer, integer, file: file, line: line)
    }

    func testDecimalIntegers() {
        assertNumber("0", double: 0, integer: 0)
        assertNumber("600", double: 600, integer: 600)
        assertNumber("-42", double: -42, integer: -42)
        assertNumber("+7", double: 7, integer: 7)
        assertNumber("-0", double: -0.0, integer: 0)
    }

    func testFractionsWithLeadingOrTrailingDot() {
        assertNumber(".5", double: 0.5, integer: nil)
        assertNumber("+.5", double: 0.5, integer: nil)
        assertNumber("-.25", double: -0.25, integer: nil)
        assertNumber("5.", double: 5, integer: 5)
        assertNumber("3.85", double: 3.85, integer: nil)
        assertNumber("0.3", double: 0.3, integer: nil)
    }

    func testExponents() {
        assertNumber("1e3", double: 1000, integer: 1000)
        assertNumber("1E+3", double: 1000, integer: 1000)
        assertNumber("2.5e-3", double: 0.0025, integer: nil)
        assertNumber("1.5e1", double: 15, integer: 15)
        assertNumber("1.e5", double: 100_000, integer: 100_000)
        assertNumber(".5e1", double: 5, integer: 5)
        assertNumber("120e-1", double: 12, integer: 12)
        assertNumber("0e999999999999", double: 0, integer: 0)
        assertNumber("1e400", double: .infinity, integer: nil)
        assertNumber("-1e400", double: -.infinity, integer: nil)
        assertNumber("1e-400", double: 0, integer: nil)
    }

    func testHexadecimal() {
        assertNumber("0x1F", double: 31, integer: 31)
        assertNumber("0X1f", double: 31, integer: 31)
        assertNumber("-0x10", double: -16, integer: -16)
        assertNumber("+0xFF", double: 255, integer: 255)
        assertNumber("0x7FFFFFFFFFFFFFFF", double: 9.223372036854775807e18, integer: .max)
        assertNumber("-0x8000000000000000", double: -9.223372036854775808e18, integer: .min)
        assertNumber("0x8000000000000000", double: 9.223372036854775808e18, integer: nil)
        assertNumber("0x00000000000000000001", double: 1, integer: 1)
        // Beyond 64 bits the double is still correctly rounded.
        assertNumber("0x1000000000000000000000001", double: 0x1p96, integer: nil)
        // Exactly halfway rounds to even; a 1 in the last of 26 digits tips it up.
        assertNumber("0x20000000000001000000000000", double: 0x1p101, integer: nil)
        assertNumber("0x20000000000001000000000001", double: 0x1.0000000000001p101, integer: nil)
    }

    func testInfinityAndNaN() {
        assertNumber("Infinity", double: .infinity, integer: nil)
        assertNumber("+Infinity", double: .infinity, integer: nil)
        assertNumber("-Infinity", double: -.infinity, integer: nil)
        assertNumber("NaN", double: .nan, integer: nil)
        assertNumber("-NaN", double: .nan, integer: nil)
    }

    func testInt64Bounds() {
        assertNumber("9223372036854775807", double: 9.223372036854775807e18, integer: .max)
        assertNumber("-9223372036854775808", double: -9.223372036854775808e18, integer: .min)
        assertNumber("9223372036854775808", double: 9.223372036854775808e18, integer: nil)
        assertNumber("-9223372036854775809", double: -9.223372036854775809e18, integer: nil)
        assertNumber("1e19", double: 1e19, integer: nil)
        assertNumber("9.223372036854775807e18", double: 9.223372036854775807e18, integer: .max)
    }

    func testIntegerIsExactWhereTheDoubleRounds() {
        assertNumber("9007199254740993", double: 9_007_199_254_740_992, integer: 9_007_199_254_740_993)
    }

    func testNaNEqualsItselfSoHashingWorks() {
        let nan = JSON5Number(text: "NaN", double: .nan, integer: nil)
        XCTAssertEqual(nan, nan)
        XCTAssertEqual(Set([nan, JSON5Number(text: "NaN", double: -.nan, integer: nil)]).count, 1)
        XCTAssertTrue(nan.hasSameValue(as: JSON5Number(text: "-NaN", double: .nan, integer: nil)))
    }

    func testEqualityIncludesSpellingButSameValueDoesNot() {
        let hex = JSON5Number(text: "0x1F", double: 31, integer: 31)
        let decimal = JSON5Number(integer: 31)
        XCTAssertNotEqual(hex, decimal)
        XCTAssertTrue(hex.hasSameValue(as: decimal))
        XCTAssertTrue(JSON5Number(text: "-0", double: -0.0, integer: 0).hasSameValue(as: JSON5Number(integer: 0)))
        XCTAssertFalse(JSON5Number(double: 0.5).hasSameValue(as: JSON5Number(double: 0.25)))
    }

    func testConvenienceInitializers() {
        XCTAssertEqual(JSON5Number(integer: 42), JSON5Number(text: "42", double: 42, integer: 42))
        XCTAssertEqual(JSON5Number(double: 2.0), JSON5Number(text: "2", double: 2, integer: 2))
        XCTAssertEqual(JSON5Number(double: 0.5), JSON5Number(text: "0.5", double: 0.5, integer: nil))
        XCTAssertEqual(JSON5Number(double: -.infinity).text, "-Infinity")
        XCTAssertEqual(JSON5Number(double: .nan).text, "NaN")
    }
}
