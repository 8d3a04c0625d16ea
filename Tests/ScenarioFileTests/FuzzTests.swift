import JSON5
@testable import ScenarioFile
import XCTest

/// Loading never traps, whatever the input, and every located diagnostic points inside the text.
final class FuzzTests: XCTestCase {
    /// The quickstart plus a sweep block and a pool, so that every decoder is exercised.
    private static let richText = """
    {
      name: "rich", seed: 3, duration: "1d", warmup: "1h", sampleInterval: "1m",
      profile: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1],
      servers: [
        { name: "eu-1", share: 2, threads: 60, heartbeatBounds: ["30s", "15m"], restarts: [{ at: "12h", downtime: "1m" }],
          pingWork: { choice: [["1ms", 1], ["9ms", 0.5]] }, syncWork: { uniform: { min: "50ms", max: "90ms" } } },
        { name: "us-1", onNewerRequest: "expire200" },
      ],
      populations: [
        { name: "android", count: 7, client: "dual", heartbeat: { adaptive: { initial: "9m", min: "8m", max: "28m", step: "5m", onFailure: "revert" } },
          outbox: { perDay: 3, resendDelay: { exponential: { mean: "5m" } } }, firewall: { idleTimeout: "none" },
          traffic: { uplinkMbps: 2, bytesPerMailItem: 1000 }, server: "us-1" },
      ],
      sweep: { vary: { "populations.android.count": [1, 2], "servers.eu-1.threads": [10, 20] }, replications: 2 },
    }
    """

    private static let insertions = [
        "\"", "{", "}", "[", "]", ",", ":", "-", "1e30", "-1", "0", "NaN", "Infinity", "\"x\"", "null", "true",
        "\"15\"", "0x7FFFFFFFFFFFFFFF", "99999999999999999999", "\u{2028}", "\r", "\r\n", "//", "/*", "*/", "\n", "é",
        "\"1h30m\"", "\"-5m\"", ".5", "heartbaet", "{}", "[]", "\"none\"", "\"9999999999999999999d\"", "'", "\\u0041",
        "populations", "name: \"iphone\",", "count: 3,", "{ fixed: \"0s\" }", "\"\u{1F600}\"", "\t", "+", "0.0000001",
    ]

    func testMutatedFilesNeverTrapAndStayInside() {
        var random = SplitMix(seed: 0x5EED)
        let bases = [Array(quickstartText.unicodeScalars), Array(Self.richText.unicodeScalars)]
        var loadedCount = 0
        for iteration in 0..<2_500 {
            var scalars = bases[iteration % 2]
            for _ in 0..<(1 + random.below(3)) { mutate(&scalars, &random) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let found = diagnostics(text, file: "fuzz.json5")
            if found.isEmpty { loadedCount += 1 }
            for diagnostic in found { check(diagnostic, in: text, iteration: iteration) }
        }
        // Some mutations (inside comments or strings) keep the file valid; most do not.
        XCTAssertGreaterThan(loadedCount, 0)
        XCTAssertLessThan(loadedCount, 2_500)
    }

    func testRandomOverridesNeverTrap() throws {
        var random = SplitMix(seed: 42)
        let values: [JSON5Value] = [
            .null, .bool(true), .string("15m"), .string("x"), .string("none"), .string(""), .array([]), .object([]),
            .number(JSON5Number(integer: -1)), .number(JSON5Number(integer: 0)), .number(JSON5Number(double: 1e30)),
            .number(JSON5Number(double: .nan)), .number(JSON5Number(double: 0.5)), .number(JSON5Number(integer: .max)),
        ] + [
            "{ fixed: '0s' }", "{ adaptive: { min: '9m', max: '1m' } }", "{ uniform: { min: '2m', max: '1m' } }",
            "{ lognormal: { median: '1s', p95: '1ms' } }", "{ choice: [['1m', 0]] }", "['30s']", "['1m', '30s']",
            "[{ at: 'x' }]", "{ name: 'n', count: 1 }", "[{ name: 'n', count: 1 }, { name: 'n', count: -1 }]", "{ exponential: {} }",
        ].compactMap { JSON5.parseValue($0) }
        for base in [quickstartText, Self.richText] {
            let paths = keyPaths(of: try JSON5.parse(base), prefix: "") + ["nope", "populations.ghost.count", "servers.3.x", "server.restarts[5].at"]
            for _ in 0..<400 {
                var overrides: [ScenarioOverride] = []
                for _ in 0..<(1 + random.below(3)) {
                    var path = paths[random.below(paths.count)]
                    if random.below(4) == 0 { path += ".extra" }
                    overrides.append(ScenarioOverride(keyPath: path, value: values[random.below(values.count)]))
                }
                for diagnostic in diagnostics(base, file: "fuzz.json5", overrides: overrides) {
                    if diagnostic.location == nil {
                        XCTAssertNotNil(diagnostic.override, diagnostic.description)
                    } else {
                        check(diagnostic, in: base, iteration: -1)
                    }
                }
            }
        }
    }

    // MARK: Helpers

    private func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout SplitMix) {
        let position = random.below(scalars.count + 1)
        switch random.below(4) {
        case 0:
            let end = min(scalars.count, position + 1 + random.below(6))
            scalars.removeSubrange(position..<end)
        case 1:
            let token = Self.insertions[random.below(Self.insertions.count)]
            scalars.insert(contentsOf: token.unicodeScalars, at: position)
        case 2:
            guard position < scalars.count else { return }
            let replacement = Self.insertions[random.below(Self.insertions.count)].unicodeScalars.first ?? "x"
            scalars[position] = replacement
        default:
            let end = min(scalars.count, position + 1 + random.below(20))
            scalars.insert(contentsOf: scalars[position..<end], at: end)
        }
    }

    private func check(_ diagnostic: ScenarioDiagnostic, in text: String, iteration: Int) {
        XCTAssertFalse(diagnostic.message.isEmpty)
        XCTAssertEqual(diagnostic.file, "fuzz.json5")
        guard let location = diagnostic.location else {
            XCTAssertNotNil(diagnostic.override, "#\(iteration): \(diagnostic)")
            return
        }
        let utf8 = Array(text.utf8)
        XCTAssertTrue(location.offset >= 0 && location.offset <= utf8.count, "#\(iteration): \(diagnostic)")
        XCTAssertGreaterThanOrEqual(location.line, 1)
        XCTAssertGreaterThanOrEqual(location.column, 1)
        if let expected = Self.lineAndColumn(ofOffset: location.offset, in: text) {
            XCTAssertEqual("\(expected.line):\(expected.column)", "\(location.line):\(location.column)",
                           "#\(iteration): \(diagnostic)\n\(text)")
        } else {
            XCTFail("#\(iteration): offset \(location.offset) is not at a character boundary: \(diagnostic)")
        }
    }

    /// Line and column of a UTF-8 offset, with the JSON5 line terminators (LF, CR, CR LF, U+2028, U+2029).
    static func lineAndColumn(ofOffset offset: Int, in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var position = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if position == offset { return (line, column) }
            if position > offset { return nil }
            position += String(scalar).utf8.count
            switch scalar {
            case "\n":
                if !previousWasCR { line += 1 }
                column = 1
            case "\r", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return position == offset ? (line, column) : nil
    }

    private func keyPaths(of node: JSON5Node, prefix: String) -> [String] {
        switch node.value {
        case .object(let members):
            return members.flatMap { member -> [String] in
                let path = KeyPath.appending(member.key, to: prefix)
                return [path] + keyPaths(of: member.value, prefix: path)
            }
        case .array(let elements):
            return elements.indices.flatMap { index -> [String] in
                let path = KeyPath.appending(index: index, to: prefix)
                return [path] + keyPaths(of: elements[index], prefix: path)
            }
        default:
            return []
        }
    }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}
