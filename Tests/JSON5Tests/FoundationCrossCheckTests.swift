import Foundation
import XCTest
import JSON5

/// Compares the parser with Foundation's JSON5 reader (`JSONDecoder.allowsJSON5`).
final class FoundationCrossCheckTests: XCTestCase {
    /// Documents both must accept with the same value.
    private let validDocuments = [
        sampleScenario,
        "{}",
        "[]",
        "null",
        "true",
        "'single'",
        #""double""#,
        "{unquoted: 1, 'single': 2, \"double\": 3}",
        "{$dollar: 1, _under: 2, camelCase9: 3}",
        "{true: 1, null: 2, if: 3, Infinity: 4}",
        "{π: 'pi', ünï: 'u', a\u{200C}b: 'zwnj'}",
        "[1, 2, 3,]",
        "{a: 1, b: 2,}",
        "[[], {}, [[]], {a: {}},]",
        "// comment\n{a: /* inline */ 1} // after",
        "/* multi\nline */ [1, /* x */ 2]",
        "[0x1F, 0XFF, -0x10, +0xa]",
        "[.5, 5., +.5, -.5, +5, -5]",
        "[1e3, 1E3, 1e+3, 1e-3, 2.5E-2, 1.e2, .5e1]",
        "[0, -0, 0.0, 1.0, 100]",
        "[9223372036854775807, -9223372036854775808, 9223372036854775808]",
        "[0.1, 0.2, 0.30000000000000004, 3.85, 1.7976931348623157e308, 5e-324]",
        "[Infinity, -Infinity, +Infinity, NaN, -NaN, +NaN]",
        #"['\'', "\"", '"', "'", '\\', '\/']"#,
        #"["\b\f\n\r\t"]"#,
        #"["\x41\x62\xe9", "\u0041\u00e9\u4e2d", "\uD83D\uDE00"]"#,
        "['a\u{2028}b\u{2029}c']",
        "['ünï😀中文']",
        "\u{FEFF}{bom: true}",
        "\u{0B}\u{0C}[1]\r\n",
        #"{"": 1, ' ': 2}"#,
        "{a: [1, {b: [null, true, false, 'x']}], c: {d: {e: {f: [[[0]]]}}}}",
        "{nested: {array: [{x: 1, y: 2}, {x: 3, y: 4},]},}",
    ]

    /// Documents both must reject.
    private let invalidDocuments = [
        "",
        "   ",
        "// only a comment",
        "012",
        "00",
        "[1,,2]",
        "[,]",
        "{,}",
        "{a:1,,}",
        #""\1""#,
        #""\01""#,
        #""\x4""#,
        #""\u12""#,
        #""\uD800""#,
        "- 1",
        "1a",
        "0x",
        ".e5",
        ".",
        "+",
        "1e",
        "[1 2]",
        "{a 1}",
        "{a-b: 1}",
        "{1: 1}",
        "{1a: 1}",
        "{a: 1 b: 2}",
        "nulls",
        "truex",
        "True",
        "/*/ 1",
        "/* unterminated",
        "1 /",
        "[1]x",
        "1 2",
        "0x1F.5",
        "1_000",
        "Infinityx",
        "-Infinity1",
        "'abc",
        "\"a\nb\"",
        "{a: }",
        "{: 1}",
        "[1}",
        "{a: 1]",
        "[",
        "{a: 1",
        "undefined",
    ]

    func testValidDocumentsAgree() {
        XCTAssertGreaterThanOrEqual(validDocuments.count, 30)
        for document in validDocuments {
            let ours = parsed(document)
            guard let theirs = FoundationValue.json5(document) else {
                XCTFail("Foundation rejects \(document.debugDescription)")
                continue
            }
            XCTAssertTrue(theirs.matches(ours.value), "\(document.debugDescription): Foundation \(theirs), ours \(ours.jsonText(pretty: false))")
        }
    }

    func testInvalidDocumentsAreRejectedByBoth() {
        XCTAssertGreaterThanOrEqual(invalidDocuments.count, 20)
        for document in invalidDocuments {
            XCTAssertNil(FoundationValue.json5(document), "Foundation accepts \(document.debugDescription)")
            guard let error = syntaxError(document) else { continue }
            XCTAssertLessThanOrEqual(error.location.offset, document.utf8.count)
        }
    }

    /// Where Foundation departs from the JSON5 1.0.0 specification, the parser follows the specification.
    func testWhereFoundationDepartsFromTheSpecification() {
        // Foundation accepts these; the specification forbids them.
        let forbidden = [
            "1e+",  // Foundation reads 1: an exponent needs digits.
            "0x1p3",  // Foundation reads a hexadecimal float (8): JSON5 has only hexadecimal integers.
        ]
        for document in forbidden {
            XCTAssertNotNil(syntaxError(document), document)
        }

        // Foundation rejects these; the specification allows them.
        let allowed: [(document: String, value: JSON5Value)] = [
            (#""\0""#, .string("\u{0}")),  // \0 not followed by a digit
            (#""\v""#, .string("\u{0B}")),
            (#""\a\U""#, .string("aU")),  // any other escaped character stands for itself
            // Line continuations stand for nothing (ECMAScript 5.1 §7.8.4, and the JSON5 reference
            // implementation); Foundation keeps the line break, or rejects U+2028.
            ("'a\\\nb'", .string("ab")),
            ("'a\\\r\nb'", .string("ab")),
            ("'a\\\u{2028}b'", .string("ab")),
            ("'tab\there'", .string("tab\there")),  // control characters need no escape
            ("\u{A0}1", .number(JSON5Number(text: "1", double: 1, integer: 1))),  // NBSP is whitespace
            ("\u{3000}1", .number(JSON5Number(text: "1", double: 1, integer: 1))),  // so is every Zs
            ("\u{2028}1\u{2029}", .number(JSON5Number(text: "1", double: 1, integer: 1))),  // LS and PS are line terminators
        ]
        for (document, value) in allowed {
            XCTAssertEqual(parsed(document).value, value, document.debugDescription)
        }

        // Foundation rejects these as not representable; JSON5 numbers are IEEE doubles,
        // so they round to Infinity or to the nearest double.
        XCTAssertEqual(parsed("1e400").value.numberValue?.double, .infinity)
        XCTAssertEqual(parsed("0x1FFFFFFFFFFFFFFFF").value.numberValue?.double, 0x1p65)

        // Foundation keeps `\u0061` in an unquoted key literally (key "\u0061"); ECMAScript resolves it.
        XCTAssertEqual(parsed(#"{\u0061: 1}"#).value.objectMembers?.first?.key, "a")

        // Foundation lets duplicate keys pass; this parser reports them on purpose.
        XCTAssertNotNil(FoundationValue.json5("{a: 1, a: 2}"))
        XCTAssertNotNil(syntaxError("{a: 1, a: 2}"))
    }

    /// Random documents in the syntax both readers share, written with random JSON5 styling.
    func testRandomDocumentsAgree() {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<1000 {
            var writer = RandomJSON5Writer(generator: generator)
            let document = writer.document()
            generator = writer.generator
            let ours = parsed(document)
            guard let theirs = FoundationValue.json5(document) else {
                XCTFail("Foundation rejects \(document.debugDescription)")
                continue
            }
            XCTAssertTrue(theirs.matches(ours.value), "\(document.debugDescription): Foundation \(theirs)")
            let plain = try? JSONDecoder().decode(FoundationValue.self, from: Data(ours.jsonText(pretty: true).utf8))
            XCTAssertTrue(plain?.matches(ours.value, nonFiniteAsStrings: true) ?? false, "jsonText of \(document.debugDescription)")
        }
    }
}

/// Writes random JSON5 documents that stay inside what Foundation also accepts.
struct RandomJSON5Writer {
    var generator: SeededGenerator
    private var keyCounter = 0

    init(generator: SeededGenerator) {
        self.generator = generator
    }

    mutating func document() -> String {
        trivia() + value(depth: 0) + trivia()
    }

    private mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &generator) < percent
    }

    private mutating func trivia() -> String {
        let choices = ["", "", " ", "\n", "  ", "\t", "\r\n", "/* c */", "// c\n", " /* a\nb */ "]
        return choices.randomElement(using: &generator) ?? ""
    }

    private mutating func value(depth: Int) -> String {
        let kind = Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &generator)
        switch kind {
        case 0: return ["null", "true", "false"].randomElement(using: &generator) ?? "null"
        case 1, 2: return number()
        case 3, 4, 5: return string()
        case 6:
            let count = Int.random(in: 0...4, using: &generator)
            var parts: [String] = []
            for _ in 0..<count { parts.append(trivia() + value(depth: depth + 1) + trivia()) }
            let trailing = count > 0 && chance(40) ? "," + trivia() : ""
            return "[" + trivia() + parts.joined(separator: ",") + trailing + "]"
        default:
            let count = Int.random(in: 0...4, using: &generator)
            var parts: [String] = []
            for _ in 0..<count { parts.append(trivia() + key() + trivia() + ":" + trivia() + value(depth: depth + 1) + trivia()) }
            let trailing = count > 0 && chance(40) ? "," + trivia() : ""
            return "{" + trivia() + parts.joined(separator: ",") + trailing + "}"
        }
    }

    private mutating func number() -> String {
        let integer = Int64.random(in: -1_000_000...1_000_000, using: &generator)
        switch Int.random(in: 0..<9, using: &generator) {
        case 0: return String(integer)
        case 1: return (integer < 0 ? "-0x" : "0x") + String(integer.magnitude, radix: 16, uppercase: chance(50))
        case 2: return "+" + String(integer.magnitude)
        case 3: return "." + String(integer.magnitude) + (chance(50) ? "e-2" : "")
        case 4: return String(integer) + "."
        case 5: return String(integer) + "e" + String(Int.random(in: -5...5, using: &generator))
        case 6: return String(Double(integer) / 1024)
        case 7: return String(Double.random(in: -1e300...1e300, using: &generator))
        default: return ["Infinity", "-Infinity", "NaN", String(Int64.max), String(Int64.min), "-0"].randomElement(using: &generator) ?? "0"
        }
    }

    private mutating func string() -> String {
        let quote: Character = chance(50) ? "'" : "\""
        // No line continuations, no \0, \v or identity escapes: Foundation differs there (see above).
        let alphabet: [String] = ["a", "Z", " ", "'", "\"", "\\", "é", "😀", "中", "\n", "\t", "/", "\u{2028}", "\r", "$"]
        var text = String(quote)
        for _ in 0..<Int.random(in: 0...8, using: &generator) {
            let piece = alphabet.randomElement(using: &generator) ?? "a"
            switch piece {
            case "\\": text += "\\\\"
            case "\n": text += chance(50) ? "\\n" : "\\u000A"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += chance(50) ? "\\u2028" : "\u{2028}"
            case String(quote): text += "\\" + piece
            case "é": text += chance(50) ? "\\xE9" : "é"
            case "😀": text += chance(50) ? "\\uD83D\\uDE00" : "😀"
            default: text += piece
            }
        }
        return text + String(quote)
    }

    private mutating func key() -> String {
        keyCounter += 1
        let name = ["k", "$k", "_k", "ключ", "key"].randomElement(using: &generator) ?? "k"
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: return name + String(keyCounter)
        case 1: return "'" + name + " \(keyCounter)'"
        default: return "\"" + name + "-\(keyCounter)\""
        }
    }
}
