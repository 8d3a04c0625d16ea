import XCTest
import JSON5

final class JSON5StringTests: XCTestCase {
    private func string(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        parsed(text, file: file, line: line).value.stringValue
    }

    func testBothQuoteStyles() {
        XCTAssertEqual(string(#""double""#), "double")
        XCTAssertEqual(string("'single'"), "single")
        XCTAssertEqual(string(#"'has "double" inside'"#), #"has "double" inside"#)
        XCTAssertEqual(string(#""has 'single' inside""#), "has 'single' inside")
    }

    func testSingleCharacterEscapes() {
        XCTAssertEqual(string(#""\' \" \\ \b \f \n \r \t \v \0""#), "' \" \\ \u{08} \u{0C} \n \r \t \u{0B} \u{00}")
        XCTAssertEqual(string(#"'\''"#), "'")
    }

    func testHexAndUnicodeEscapes() {
        XCTAssertEqual(string(#""\x41\x7e\xE9""#), "A~é")
        XCTAssertEqual(string(#""\u0041\u00e9\u4E2D""#), "Aé中")
        XCTAssertEqual(string(#""\uD83D\uDE00""#), "😀")
        XCTAssertEqual(string(#""\u0000""#), "\u{0}")
    }

    func testOtherEscapedCharactersStandForThemselves() {
        XCTAssertEqual(string(#""\a\c\/\U\ü\😀""#), "ac/Uü😀")
    }

    func testZeroEscapeNotFollowedByDigit() {
        XCTAssertEqual(string(#""\0a""#), "\u{0}a")
    }

    func testLineContinuations() {
        XCTAssertEqual(string("'a\\\nb'"), "ab")
        XCTAssertEqual(string("'a\\\rb'"), "ab")
        XCTAssertEqual(string("'a\\\r\nb'"), "ab")
        XCTAssertEqual(string("'a\\\u{2028}b'"), "ab")
        XCTAssertEqual(string("'a\\\u{2029}b'"), "ab")
    }

    func testUnescapedSeparatorsTabsAndControlsAreAllowed() {
        XCTAssertEqual(string("'a\u{2028}b\u{2029}c'"), "a\u{2028}b\u{2029}c")
        XCTAssertEqual(string("'tab\there'"), "tab\there")
        XCTAssertEqual(string("'bell\u{07}'"), "bell\u{07}")
    }

    func testNonASCIIIsKeptAsIs() {
        XCTAssertEqual(string("'ünïcødé 中文 😀 e\u{0301}'"), "ünïcødé 中文 😀 e\u{0301}")
    }

    func testEmptyStrings() {
        XCTAssertEqual(string("''"), "")
        XCTAssertEqual(string(#""""#), "")
    }
}
