import XCTest
@testable import JSON5

final class CharacterClassesTests: XCTestCase {
    func testWhitespaceIsTheJSON5Set() {
        let whitespace: [Unicode.Scalar] = ["\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{1680}", "\u{2003}", "\u{3000}"]
        for scalar in whitespace {
            XCTAssertTrue(JSON5Characters.isWhitespace(scalar), JSON5Parser.codePoint(scalar))
        }
        for scalar: Unicode.Scalar in ["a", "\u{00}", "\u{85}", "\u{200B}", "/"] {
            XCTAssertFalse(JSON5Characters.isWhitespace(scalar), JSON5Parser.codePoint(scalar))
        }
    }

    func testIdentifierClassesFollowECMAScript51() {
        for scalar: Unicode.Scalar in ["a", "Z", "$", "_", "é", "π", "ℕ", "Ⅻ", "中"] {
            XCTAssertTrue(JSON5Characters.isIdentifierStart(scalar), String(scalar))
        }
        for scalar: Unicode.Scalar in ["1", "\u{0301}", "\u{200C}", "\u{200D}", "‿", "٣"] {
            XCTAssertFalse(JSON5Characters.isIdentifierStart(scalar), String(scalar))
            XCTAssertTrue(JSON5Characters.isIdentifierPart(scalar), String(scalar))
        }
        for scalar: Unicode.Scalar in ["-", " ", "\\", "@", "·", "😀"] {
            XCTAssertFalse(JSON5Characters.isIdentifierPart(scalar), String(scalar))
        }
    }

    func testDecoderRejectsMalformedUTF8WithoutTrapping() {
        XCTAssertNil(UTF8Scalars.decode([0xE2, 0x80], at: 0))
        XCTAssertNil(UTF8Scalars.decode([0xFF], at: 0))
        XCTAssertNil(UTF8Scalars.decode([0xED, 0xA0, 0x80], at: 0))  // an encoded surrogate
        XCTAssertNil(UTF8Scalars.decode([0x41], at: 1))
        XCTAssertEqual(UTF8Scalars.decode(Array("😀".utf8), at: 0)?.length, 4)
    }
}
