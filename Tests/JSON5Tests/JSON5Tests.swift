import XCTest
import JSON5

/// The entry points in `JSON5.swift`.
final class JSON5Tests: XCTestCase {
    func testParseValueForCommandLineSettings() {
        XCTAssertEqual(JSON5.parseValue("600")?.numberValue?.integer, 600)
        XCTAssertEqual(JSON5.parseValue(" true ")?.boolValue, true)
        XCTAssertEqual(JSON5.parseValue("'10m'")?.stringValue, "10m")
        XCTAssertEqual(JSON5.parseValue("[\"30s\", \"15m\"]")?.arrayElements?.count, 2)
        XCTAssertEqual(JSON5.parseValue("{fixed: '15m'}")?["fixed"]?.value, .string("15m"))
        XCTAssertEqual(JSON5.parseValue("null"), .null)
        XCTAssertEqual(JSON5.parseValue("0.3")?.numberValue?.double, 0.3)
    }

    func testParseValueGivesNilForBareWords() {
        for text in ["10m", "forty", "stepDown", "lte", "1.2.3", "", "{a: 1", "'open"] {
            XCTAssertNil(JSON5.parseValue(text), text)
        }
    }

    func testParseThrowsTheSyntaxError() {
        XCTAssertThrowsError(try JSON5.parse("[1,,2]")) { error in
            XCTAssertEqual((error as? JSON5SyntaxError)?.description, "1:4: expected a value or ']', found ','")
        }
    }

    func testMaximumNestingDepth() {
        XCTAssertEqual(JSON5.maximumNestingDepth, 512)
    }
}
