import XCTest
import JSON5

/// Random damage to valid documents must never crash the parser, and every error must point into the text.
final class FuzzTests: XCTestCase {
    /// Bytes that matter to the grammar, so mutations hit interesting paths more often than noise would.
    private let interesting: [UInt8] = Array("{}[]:,'\"\\/*\n\r\t 0123456789.+-eExXuIN$_a".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xE2, 0x80, 0xA8, 0xF0, 0x9F, 0xFF]

    func testRandomMutationsOfTheSample() {
        var generator = SeededGenerator(seed: 20_240_601)
        let original = Array(sampleScenario.utf8)
        var accepted = 0
        for _ in 0..<5_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                mutate(&bytes, using: &generator)
            }
            // Invalid UTF-8 becomes U+FFFD, as it would when a file is read into a String.
            let text = String(decoding: bytes, as: UTF8.self)
            if check(text) { accepted += 1 }
        }
        // Some mutations (inside strings and comments) leave the document valid.
        XCTAssertGreaterThan(accepted, 0)
        XCTAssertLessThan(accepted, 5_000)
    }

    func testRandomTokenSoup() {
        var generator = SeededGenerator(seed: 7)
        let tokens = ["{", "}", "[", "]", ":", ",", "a", "'s'", "\"d\"", "1", "-", "+", ".", "0x", "e", "true", "null",
                      "NaN", "Infinity", "//", "/*", "*/", "\n", " ", "\\", "\\u0061", "é", "\u{2028}", "0", "'"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...30, using: &generator)
            let text = (0..<count).map { _ in tokens.randomElement(using: &generator) ?? "" }.joined()
            check(text)
        }
    }

    func testTruncationsOfTheSample() {
        let scalars = Array(sampleScenario.unicodeScalars)
        for length in 0..<scalars.count {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[0..<length])
            check(text)
        }
    }

    /// Parses `text` and checks the outcome; returns whether it was accepted.
    @discardableResult
    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        do {
            let node = try JSON5.parse(text)
            // Whatever is accepted must survive a trip through standard JSON.
            let json = node.jsonText(pretty: false)
            guard let again = try? JSON5.parse(json) else {
                XCTFail("jsonText of \(text.debugDescription) does not parse: \(json)", file: file, line: line)
                return true
            }
            XCTAssertEqual(again.jsonText(pretty: false), json, file: file, line: line)
            return true
        } catch {
            let location = error.location
            XCTAssertTrue((0...text.utf8.count).contains(location.offset), "\(error) for \(text.debugDescription)", file: file, line: line)
            XCTAssertEqual(location, naiveLocation(of: location.offset, in: text), "\(error) for \(text.debugDescription)", file: file, line: line)
            XCTAssertFalse(error.message.isEmpty, file: file, line: line)
            return false
        }
    }

    private func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        guard !bytes.isEmpty else {
            bytes.append(interesting.randomElement(using: &generator) ?? 0)
            return
        }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        let replacement = Bool.random(using: &generator)
            ? interesting.randomElement(using: &generator) ?? 0
            : UInt8.random(in: 0...255, using: &generator)
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            bytes[position] = replacement
        case 1:
            bytes.remove(at: position)
        case 2:
            bytes.insert(replacement, at: position)
        case 3:
            let end = min(bytes.count, position + Int.random(in: 1...20, using: &generator))
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
        default:
            let end = min(bytes.count, position + Int.random(in: 1...20, using: &generator))
            bytes.removeSubrange(position..<end)
        }
    }
}
