import XCTest
import JSON5

final class JSON5SyntaxErrorTests: XCTestCase {
    func testDescriptionIsLocationThenMessage() {
        let error = JSON5SyntaxError(location: SourceLocation(line: 12, column: 7, offset: 200), message: "expected a value, found ','")
        XCTAssertEqual(error.description, "12:7: expected a value, found ','")
    }

    func testMissingCommaBetweenMembers() {
        assertSyntaxError("{\n  seed: 1\n  \"name\": 'x'\n}", at: 3, 3, #"expected ',' or '}' after an object member, found '"name"'"#)
    }

    func testMissingCommaBetweenElements() {
        assertSyntaxError("[1, 2 3]", at: 1, 7, "expected ',' or ']' after an array element, found '3'")
    }

    func testMissingColon() {
        assertSyntaxError("{\n  threads 600\n}", at: 2, 11, #"expected ':' after the key "threads", found '600'"#)
    }

    func testUnterminatedStringAtEndOfLine() {
        assertSyntaxError("{\n  name: \"quick\n}", at: 2, 9, #"unterminated string: no closing " before the end of the line (escape line breaks as \n)"#)
    }

    func testUnterminatedStringAtEndOfFile() {
        assertSyntaxError("['abc", at: 1, 2, "unterminated string: no closing ' before the end of the file")
        assertSyntaxError(#"["abc\"#, at: 1, 2, #"unterminated string: no closing " before the end of the file"#)
    }

    func testUnterminatedBlockComment() {
        assertSyntaxError("{\n  a: 1, /* note\n}", at: 2, 9, "unterminated block comment: no '*/' before the end of the file")
    }

    func testBadEscapes() {
        assertSyntaxError(#"{ a: "x\1" }"#, at: 1, 8, #"invalid escape '\1': octal escapes are not allowed"#)
        assertSyntaxError(#"'\07'"#, at: 1, 2, #"invalid escape '\07': '\0' must not be followed by a digit (octal escapes are not allowed)"#)
        assertSyntaxError(#"'\xG1'"#, at: 1, 2, #"invalid escape '\xG1': '\x' must be followed by 2 hexadecimal digits"#)
        assertSyntaxError(#"'ab\u12'"#, at: 1, 4, #"invalid escape '\u12': '\u' must be followed by 4 hexadecimal digits"#)
        assertSyntaxError(#"'\uD800x'"#, at: 1, 2, #"invalid escape '\uD800': a high surrogate must be followed by a '\uDC00'–'\uDFFF' low surrogate"#)
        assertSyntaxError(#"'\uDC00'"#, at: 1, 2, #"invalid escape '\uDC00': a low surrogate must follow a high surrogate"#)
    }

    func testLeadingZeros() {
        assertSyntaxError("{ port: 012 }", at: 1, 9, "invalid number '012': leading zeros are not allowed")
        assertSyntaxError("[-00]", at: 1, 2, "invalid number '-00': leading zeros are not allowed")
    }

    func testMalformedNumbers() {
        assertSyntaxError("[1e]", at: 1, 2, "invalid number '1e': expected digits in the exponent")
        assertSyntaxError("[0x]", at: 1, 2, "invalid number '0x': expected hexadecimal digits after '0x'")
        assertSyntaxError("[.]", at: 1, 2, "invalid number '.': expected a digit before or after '.'")
        assertSyntaxError("[10ms]", at: 1, 2, "invalid number '10ms': unexpected 'ms' after the number")
        assertSyntaxError("[- 1]", at: 1, 3, "expected a number after '-', found whitespace")
        assertSyntaxError("[+Inf]", at: 1, 3, "expected a number after '+', found 'Inf'")
        assertSyntaxError("[--1]", at: 1, 3, "expected a number after '-', found '-1'")
    }

    func testDoubleCommaAndLoneComma() {
        assertSyntaxError("[1,,2]", at: 1, 4, "expected a value or ']', found ','")
        assertSyntaxError("[,]", at: 1, 2, "expected a value or ']', found ','")
        assertSyntaxError("{,}", at: 1, 2, "expected an object key or '}', found ','")
        assertSyntaxError("{a: 1,,}", at: 1, 7, "expected an object key or '}', found ','")
    }

    func testBareWordValue() {
        assertSyntaxError("{\n  server: {\n    threads: forty,\n  },\n}", at: 3, 14, #"expected a value for "threads", found 'forty' (strings must be quoted)"#)
        assertSyntaxError("[True]", at: 1, 2, "expected a value or ']', found 'True' (strings must be quoted)")
        assertSyntaxError("nulls", at: 1, 1, "expected a value, found 'nulls' (strings must be quoted)")
        assertSyntaxError(#"tru\u0065"#, at: 1, 1, #"expected a value, found 'tru\u0065' (strings must be quoted)"#)
    }

    func testTrailingGarbage() {
        assertSyntaxError("{a: 1}\n}", at: 2, 1, "expected end of file after the top-level value, found '}'")
        assertSyntaxError("1 2", at: 1, 3, "expected end of file after the top-level value, found '2'")
        assertSyntaxError("[] /", at: 1, 4, "expected end of file after the top-level value, found '/'")
    }

    func testEmptyDocument() {
        assertSyntaxError("", at: 1, 1, "expected a value, found end of file")
        assertSyntaxError("  // only a comment\n", at: 2, 1, "expected a value, found end of file")
    }

    func testDuplicateKey() {
        let text = """
        {
          server: {
            queueLimit: 10,
            threads: 600,
            'threads': 700,
          },
        }
        """
        assertSyntaxError(text, at: 5, 5, #"duplicate key "threads" (first at line 4)"#)
        assertSyntaxError(#"{a: 1, \u0061: 2}"#, at: 1, 8, #"duplicate key "a" (first at line 1)"#)
        // Keys compare as Swift strings, so canonically equivalent spellings collide.
        assertSyntaxError("{'\u{E9}': 1, 'e\u{301}': 2}", at: 1, 10, "duplicate key \"e\u{301}\" (first at line 1)")
    }

    func testDuplicateKeyInALargeObject() {
        // Past 16 members the lookup switches from a scan to an index; both must agree.
        let members = (1...40).map { "k\($0): \($0)" }
        let early = "{\n" + members.joined(separator: ",\n") + ",\nk3: 0\n}"
        assertSyntaxError(early, at: 42, 1, #"duplicate key "k3" (first at line 4)"#)
        let atThreshold = "{\n" + members.prefix(15).joined(separator: ",\n") + ",\nk15: 0\n}"
        assertSyntaxError(atThreshold, at: 17, 1, #"duplicate key "k15" (first at line 16)"#)
        let late = "{\n" + members.joined(separator: ",\n") + ",\nk39: 0\n}"
        assertSyntaxError(late, at: 42, 1, #"duplicate key "k39" (first at line 40)"#)
        XCTAssertEqual(parsed("{" + members.joined(separator: ",") + "}").value.objectMembers?.count, 40)
    }

    func testSameKeyInDifferentObjectsIsFine() {
        XCTAssertNotNil(try? JSON5.parse("{a: {a: 1}, b: {a: 2}}"))
    }

    func testTooDeepNesting() {
        assertSyntaxError(String(repeating: "[", count: 600), at: 1, 513, "arrays and objects nested more than 512 levels deep")
    }

    func testUnclosedContainers() {
        assertSyntaxError("[1, 2", at: 1, 6, "expected ',' or ']' after an array element, found end of file")
        assertSyntaxError("{a: 1", at: 1, 6, "expected ',' or '}' after an object member, found end of file")
        assertSyntaxError("{a:", at: 1, 4, #"expected a value for "a", found end of file"#)
        assertSyntaxError("[1}", at: 1, 3, "expected ',' or ']' after an array element, found '}'")
    }

    func testBadKeys() {
        assertSyntaxError("{1: 2}", at: 1, 2, "expected an object key or '}', found '1'")
        assertSyntaxError("{a-b: 2}", at: 1, 3, #"expected ':' after the key "a", found '-b'"#)
        assertSyntaxError(#"{\u0020: 1}"#, at: 1, 2, #"invalid escape '\u0020' in a key: U+0020 cannot start an unquoted key"#)
        assertSyntaxError(#"{a\u002D: 1}"#, at: 1, 3, #"invalid escape '\u002D' in a key: U+002D cannot appear in an unquoted key"#)
        assertSyntaxError(#"{a\x41: 1}"#, at: 1, 3, #"invalid escape '\x41' in a key: only '\uXXXX' escapes are allowed in unquoted keys"#)
    }

    func testUnexpectedCharacters() {
        assertSyntaxError("[@]", at: 1, 2, "expected a value or ']', found '@'")
        assertSyntaxError("[\u{01}]", at: 1, 2, "expected a value or ']', found control character U+0001")
        assertSyntaxError("{a: 1 /x/ }", at: 1, 7, "expected ',' or '}' after an object member, found '/'")
        assertSyntaxError("{a: 1\n\n  b: 2}", at: 3, 3, "expected ',' or '}' after an object member, found 'b'")
    }

    func testLongSnippetsAreCut() {
        let word = String(repeating: "x", count: 40)
        assertSyntaxError("[\(word)]", at: 1, 2, "expected a value or ']', found '\(String(repeating: "x", count: 24))…' (strings must be quoted)")
    }

    func testErrorsAfterMultibyteTextCountScalars() {
        assertSyntaxError("{ 'ünï😀': 1 2 }", at: 1, 13, "expected ',' or '}' after an object member, found '2'")
    }

    func testParseValueReturnsNilOnError() {
        XCTAssertNil(JSON5.parseValue("10m"))
        XCTAssertNil(JSON5.parseValue(""))
    }
}
