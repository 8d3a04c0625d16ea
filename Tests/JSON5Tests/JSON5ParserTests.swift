import XCTest
import JSON5

final class JSON5ParserTests: XCTestCase {
    func testLiterals() {
        XCTAssertEqual(parsed("true").value, .bool(true))
        XCTAssertEqual(parsed("false").value, .bool(false))
        XCTAssertEqual(parsed("null").value, .null)
    }

    func testKeyAndValueLocations() {
        let text = """
        {
          name: "x",
            threads: 600,
          "quoted": [true, null],
        }
        """
        let node = parsed(text)
        XCTAssertEqual(node.location, SourceLocation(line: 1, column: 1, offset: 0))
        let threads = node.member("threads")
        XCTAssertEqual(threads?.keyLocation.line, 3)
        XCTAssertEqual(threads?.keyLocation.column, 5)
        XCTAssertEqual(threads?.value.location.description, "3:14")
        XCTAssertEqual(node.member("quoted")?.keyLocation.description, "4:3")
        XCTAssertEqual(node["quoted"]?[1]?.location.description, "4:20")
    }

    func testMemberOrderIsPreserved() {
        let node = parsed("{z: 1, a: 2, m: 3}")
        XCTAssertEqual(node.value.objectMembers?.map(\.key), ["z", "a", "m"])
    }

    func testCommentsAnywhereBetweenTokens() {
        let text = """
        // leading
        /* block */ { /* before key */ a /* before colon */ : /* before value */ 1 /* after value */ , // line
          b: [ /**/ 2 /***/ , /* * / */ ], /*
          multi-line */ }
        // trailing
        """
        let node = parsed(text)
        XCTAssertEqual(node.jsonText(pretty: false), #"{"a":1,"b":[2]}"#)
        XCTAssertEqual(node.location.description, "2:13")
    }

    func testLineCommentEndsAtAnyLineTerminator() {
        XCTAssertEqual(parsed("// a\u{2028}1").value.numberValue?.integer, 1)
        XCTAssertEqual(parsed("// a\u{2029}2").value.numberValue?.integer, 2)
        XCTAssertEqual(parsed("// a\r3").value.numberValue?.integer, 3)
        XCTAssertEqual(parsed("4// a").value.numberValue?.integer, 4)
    }

    func testAllJSON5WhitespaceIsSkipped() {
        let whitespace = "\t\n\u{0B}\u{0C}\r \u{A0}\u{2028}\u{2029}\u{FEFF}\u{1680}\u{2000}\u{200A}\u{202F}\u{205F}\u{3000}"
        let node = parsed(whitespace + "[" + whitespace + "1" + whitespace + "]" + whitespace)
        XCTAssertEqual(node.value.arrayElements?.count, 1)
    }

    func testByteOrderMarkAtStart() {
        let node = parsed("\u{FEFF}{a: 1}")
        XCTAssertEqual(node.location, SourceLocation(line: 1, column: 2, offset: 3))
    }

    func testTrailingCommas() {
        XCTAssertEqual(parsed("[1, 2,]").value.arrayElements?.count, 2)
        XCTAssertEqual(parsed("{a: 1,}").value.objectMembers?.count, 1)
        XCTAssertEqual(parsed("[[],{},]").value.arrayElements?.count, 2)
        XCTAssertEqual(parsed("[1, /* c */ ]").value.arrayElements?.count, 1)
    }

    func testEmptyContainers() {
        XCTAssertEqual(parsed("[]").value, .array([]))
        XCTAssertEqual(parsed("{ }").value, .object([]))
        XCTAssertEqual(parsed("[ /* nothing */ ]").value, .array([]))
    }

    func testIdentifierKeys() {
        let node = parsed("{ $: 1, _: 2, a1: 3, $_b$: 4, camelCase: 5 }")
        XCTAssertEqual(node.value.objectMembers?.map(\.key), ["$", "_", "a1", "$_b$", "camelCase"])
    }

    func testReservedWordsAreValidKeys() {
        let node = parsed("{ true: 1, null: 2, if: 3, class: 4, Infinity: 5, NaN: 6 }")
        XCTAssertEqual(node.value.objectMembers?.map(\.key), ["true", "null", "if", "class", "Infinity", "NaN"])
    }

    func testUnicodeIdentifierKeys() {
        let node = parsed("{ π: 1, ünïcödé: 2, 中文: 3, a\u{200C}b: 4, Ⅻ: 5, x\u{0301}: 6, a‿b: 7 }")
        XCTAssertEqual(node.value.objectMembers?.count, 7)
        XCTAssertEqual(node["中文"]?.value.numberValue?.integer, 3)
    }

    func testEscapedIdentifierKeys() {
        let node = parsed(#"{ \u0061b: 1, c\u0064: 2, \u00e9t\u00E9: 3, \ud835\udc00x: 4 }"#)
        XCTAssertEqual(node.value.objectMembers?.map(\.key), ["ab", "cd", "été", "𝐀x"])
        XCTAssertEqual(node.member("cd")?.keyLocation.description, "1:15")
    }

    func testQuotedKeys() {
        let node = parsed(#"{ "a b": 1, 'c"d': 2, "": 3, 'e': 4 }"#)
        XCTAssertEqual(node.value.objectMembers?.map(\.key), ["a b", "c\"d", "", "e"])
    }

    func testNestedStructure() {
        let node = parsed("{a: [1, {b: [[], [null]]}], c: {d: {e: 'deep'}}}")
        XCTAssertEqual(node["a"]?[1]?["b"]?[1]?[0]?.value, .null)
        XCTAssertEqual(node["c"]?["d"]?["e"]?.value, .string("deep"))
    }

    func testTopLevelScalars() {
        XCTAssertEqual(parsed(" 'x' ").value, .string("x"))
        XCTAssertEqual(parsed("/* a */ -1 // b").location.description, "1:9")
    }

    func testNestingUpToTheLimitIsAccepted() {
        let depth = JSON5.maximumNestingDepth
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        var node = parsed(text)
        for _ in 1..<depth {
            guard let inner = node[0] else { return XCTFail("missing level") }
            node = inner
        }
        XCTAssertEqual(node[0]?.value.numberValue?.integer, 1)
    }

    func testNestingBeyondTheLimitIsRejected() {
        let depth = JSON5.maximumNestingDepth
        let text = String(repeating: "{a:", count: depth) + "{}" + String(repeating: "}", count: depth)
        guard let error = syntaxError(text) else { return }
        XCTAssertEqual(error.location.column, 3 * depth + 1)
        XCTAssertEqual(error.message, "arrays and objects nested more than 512 levels deep")
    }

    func testHundredThousandOpenBracketsDoNotOverflowTheStack() {
        let error = syntaxError(String(repeating: "[", count: 100_000))
        XCTAssertEqual(error?.location.column, 513)
    }

    func testHundredKilobyteDocumentParsesQuickly() throws {
        var text = "{\n  items: [\n"
        var index = 0
        while text.utf8.count < 100_000 {
            text += "    { id: \(index), name: 'item \(index)', ratio: \(Double(index) / 7), tags: [\"a\", \"b\"], on: true }, // #\(index)\n"
            index += 1
        }
        text += "  ],\n}\n"
        let start = ContinuousClock.now
        let node = try JSON5.parse(text)
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(node["items"]?.value.arrayElements?.count, index)
        // The target is well under 50 ms in a debug build; the bound leaves room for slow CI machines.
        XCTAssertLessThan(elapsed, .milliseconds(250), "parsing 100 KB took \(elapsed)")
    }
}
