import XCTest
import JSON5

/// The sample scenario file from the design brief.
let sampleScenario = """
// 500 iPhones on one Traveler 8.5 server, two days.
{
  name: "quickstart",
  seed: 1,
  duration: "2d",
  warmup: "2h",
  profile: "office",
  server: {
    threads: 600,
    queueLimit: 1000,
    pingHoldsThread: true,
    heartbeatBounds: ["30s", "15m"],
    onNewerRequest: "conflict409",
    pingWork: "5ms",
    syncWork: { lognormal: { median: "150ms", p95: "300ms" } },
  },
  populations: [
    {
      name: "iphone",
      count: 500,
      client: "single",
      mode: "push",
      heartbeat: { fixed: "15m" },   // or { adaptive: { initial: "8m", min: "8m", max: "28m", step: "5m", onFailure: "stepDown" } }
      pingGrace: "5s",
      mail: { perDay: 75 },
      userOpens: { perDay: 20, afterNotify: { probability: 0.3, delay: { exponential: { mean: "2m" } } } },
      firewall: { idleTimeout: "30m" },
      network: { delay: "50ms", lossProbability: 0 },
      radio: "lte",
      battery: { mAh: 3000, volts: 3.85 },
    },
  ],
}

"""

/// Parses `text`, failing the test (and returning a null node) if it is rejected.
func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSON5Node {
    do {
        return try JSON5.parse(text)
    } catch {
        XCTFail("\(text.debugDescription) was rejected: \(error)", file: file, line: line)
        return JSON5Node(value: .null, location: .start)
    }
}

/// The error for `text`, failing the test if it parses.
func syntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSON5SyntaxError? {
    do {
        let node = try JSON5.parse(text)
        XCTFail("\(text.debugDescription) was accepted as \(node.jsonText(pretty: false))", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Asserts that `text` is rejected at `line:column` with exactly `message`.
func assertSyntaxError(
    _ text: String,
    at expectedLine: Int,
    _ expectedColumn: Int,
    _ message: String,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    guard let error = syntaxError(text, file: file, line: line) else { return }
    XCTAssertEqual(error.location.line, expectedLine, "line of \(error)", file: file, line: line)
    XCTAssertEqual(error.location.column, expectedColumn, "column of \(error)", file: file, line: line)
    XCTAssertEqual(error.message, message, file: file, line: line)
}

/// The value parsed from `text` as a number, or nil.
func number(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSON5Number? {
    let value = parsed(text, file: file, line: line).value
    guard case .number(let number) = value else {
        XCTFail("\(text) is not a number: \(value)", file: file, line: line)
        return nil
    }
    return number
}

/// The location of `offset` counted independently of the parser: one scalar at a time,
/// lines ending at LF, CR, CR LF, U+2028 and U+2029.
func naiveLocation(of offset: Int, in text: String) -> SourceLocation {
    var line = 1
    var column = 1
    var consumed = 0
    var previousWasCR = false
    for scalar in text.unicodeScalars {
        if consumed >= offset { break }
        consumed += String(scalar).utf8.count
        switch scalar {
        case "\r":
            line += 1
            column = 1
            previousWasCR = true
            continue
        case "\n":
            if !previousWasCR {
                line += 1
                column = 1
            }
        case "\u{2028}", "\u{2029}":
            line += 1
            column = 1
        default:
            column += 1
        }
        previousWasCR = false
    }
    return SourceLocation(line: line, column: column, offset: offset)
}
