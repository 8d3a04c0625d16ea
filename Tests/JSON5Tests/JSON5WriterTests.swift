import Foundation
import XCTest
import JSON5

final class JSON5WriterTests: XCTestCase {
    private let documents = [
        sampleScenario,
        "{a: [1, 2.5, -0x10, 1e3, .5, 5., 1e-7, 1e21, 9223372036854775807, 18446744073709551616], b: {}, c: [], d: null}",
        #"['\'', "\"", '\\', '\b\f\n\r\t\v\0', '\x01\x1f\x7f', '\u2028\u2029', 'é😀', '/']"#,
        "{ nested: { deeper: { deepest: [[[true, false, null]]] } } }",
        "'just a string'",
        "-0.0",
        "[-0, 0.1, 0.30000000000000004, 5e-324, 1.7976931348623157e308, 123456789.125]",
    ]

    func testCompactOutput() {
        let node = parsed("{ b: [1, 'two', {c: true}], a: null, e: {}, f: [] }")
        XCTAssertEqual(node.jsonText(pretty: false), #"{"b":[1,"two",{"c":true}],"a":null,"e":{},"f":[]}"#)
    }

    func testPrettyOutput() {
        let node = parsed("{ b: [1, 'two', {c: true}], g: [1, 'two', null], a: null, e: {}, f: [] }")
        let expected = """
        {
          "b": [
            1,
            "two",
            {
              "c": true
            }
          ],
          "g": [1, "two", null],
          "a": null,
          "e": {},
          "f": []
        }
        """
        XCTAssertEqual(node.jsonText(pretty: true), expected)
    }

    func testScalarsAtTopLevel() {
        XCTAssertEqual(parsed("true").jsonText(pretty: true), "true")
        XCTAssertEqual(parsed("'x'").jsonText(pretty: true), #""x""#)
        XCTAssertEqual(parsed("[]").jsonText(pretty: true), "[]")
    }

    func testNumberForms() {
        let node = parsed("[0x1F, 1e3, 1.0, -0, .5, +2, 1e-7, 1e21, 0.1, 9007199254740993, Infinity, -Infinity, NaN]")
        XCTAssertEqual(
            node.jsonText(pretty: false),
            #"[31,1000,1,0,0.5,2,1e-07,1e+21,0.1,9007199254740993,"Infinity","-Infinity","NaN"]"#
        )
    }

    func testStringEscapesFollowRFC8259() {
        let node = JSON5Value.string("q\" b\\ s/ \u{08}\u{0C}\n\r\t \u{00}\u{01}\u{1F}\u{7F} \u{2028} é😀")
        XCTAssertEqual(node.jsonText(pretty: false), #""q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f"# + "\u{7F} \u{2028} é😀\"")
    }

    func testKeysAreEscapedToo() {
        XCTAssertEqual(parsed(#"{'a"b\n': 1}"#).jsonText(pretty: false), #"{"a\"b\n":1}"#)
    }

    func testHandBuiltValues() {
        let value = JSON5Value.object([
            JSON5Member(key: "x", keyLocation: .start, value: JSON5Node(value: .number(JSON5Number(double: 2.0)), location: .start)),
            JSON5Member(key: "y", keyLocation: .start, value: JSON5Node(value: .number(JSON5Number(text: "1e20", double: 1e20, integer: nil)), location: .start)),
        ])
        XCTAssertEqual(value.jsonText(pretty: false), #"{"x":2,"y":1e+20}"#)
    }

    func testRoundTripPreservesValues() throws {
        for document in documents {
            let original = try JSON5.parse(document)
            for pretty in [false, true] {
                let text = original.jsonText(pretty: pretty)
                let reparsed = try JSON5.parse(text)
                XCTAssertTrue(reparsed.isEquivalent(to: original), "\(document) → \(text)")
                XCTAssertEqual(reparsed.jsonText(pretty: pretty), text, "writing is idempotent")
            }
        }
    }

    func testNonFiniteNumbersComeBackAsStrings() throws {
        let text = try JSON5.parse("[Infinity, -Infinity, NaN, 1e999]").jsonText(pretty: false)
        XCTAssertEqual(try JSON5.parse(text).value.arrayElements?.map(\.value.stringValue), ["Infinity", "-Infinity", "NaN", "Infinity"])
    }

    func testOutputIsDeterministic() throws {
        for document in documents {
            let first = try JSON5.parse(document)
            let second = try JSON5.parse(document)
            XCTAssertEqual(first, second)
            XCTAssertEqual(first.jsonText(pretty: true), second.jsonText(pretty: true))
            XCTAssertEqual(Array(first.jsonText(pretty: false).utf8), Array(second.jsonText(pretty: false).utf8))
        }
    }

    func testFoundationReadsTheOutputAsPlainJSON() throws {
        for document in documents {
            let node = try JSON5.parse(document)
            for pretty in [false, true] {
                let data = Data(node.jsonText(pretty: pretty).utf8)
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]), document)
                // Strict JSONDecoder (no JSON5) must see the same values.
                let decoded = try JSONDecoder().decode(FoundationValue.self, from: data)
                XCTAssertTrue(decoded.matches(node.value, nonFiniteAsStrings: true), "\(document): \(decoded)")
            }
        }
    }
}
