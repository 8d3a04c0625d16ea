import JSON5
@testable import ScenarioFile
import XCTest

final class DiagnosticFormatTests: XCTestCase {
    func testDescriptionForms() {
        let located = ScenarioDiagnostic(file: "quickstart.json5", location: SourceLocation(line: 12, column: 7, offset: 200),
                                         keyPath: "populations.iphone.heartbeat.fixed", message: "expected a duration")
        XCTAssertEqual(located.description, "quickstart.json5:12:7: populations.iphone.heartbeat.fixed: expected a duration")
        let whole = ScenarioDiagnostic(file: "q.json5", location: .start, keyPath: "", message: "missing")
        XCTAssertEqual(whole.description, "q.json5:1:1: missing")
        let override = ScenarioDiagnostic(file: "q.json5", location: nil, override: "populations.iphone.count=-5",
                                          keyPath: "populations.iphone.count", message: "expected a non-negative integer, found -5")
        XCTAssertEqual(override.description,
                       "--set populations.iphone.count=-5: populations.iphone.count: expected a non-negative integer, found -5")
        let unreadable = ScenarioDiagnostic(file: "q.json5", location: nil, keyPath: "", message: "cannot read the file: no such file")
        XCTAssertEqual(unreadable.description, "q.json5: cannot read the file: no such file")
    }

    func testLoadErrorIsOneDiagnosticPerLine() {
        let error = ScenarioLoadError(diagnostics: [
            ScenarioDiagnostic(file: "a", location: .start, keyPath: "x", message: "one"),
            ScenarioDiagnostic(file: "a", location: nil, override: "y=1", keyPath: "y", message: "two"),
        ])
        XCTAssertEqual(error.description, "a:1:1: x: one\n--set y=1: y: two")
    }

    func testSyntaxErrorIsOneDiagnosticAtItsLocation() throws {
        let found = diagnostics("{\n  populations: [\n    { name: \"a\" count: 1 },\n  ],\n}\n", file: "broken.json5")
        XCTAssertEqual(found.count, 1)
        let syntax = try XCTUnwrap(found.first)
        XCTAssertEqual(syntax.location?.line, 3)
        XCTAssertEqual(syntax.location?.column, 17)
        XCTAssertEqual(syntax.keyPath, "")
        let expected = try JSON5SyntaxErrorMessage("{\n  populations: [\n    { name: \"a\" count: 1 },\n  ],\n}\n")
        XCTAssertEqual(syntax.description, "broken.json5:3:17: \(expected)")
    }

    func testSyntaxErrorStopsBeforeOverrides() {
        XCTAssertEqual(problems("{ seed: }", overrides: ["seed=2"]).count, 1)
    }

    private func JSON5SyntaxErrorMessage(_ text: String) throws -> String {
        do {
            _ = try JSON5.parse(text)
            throw XCTSkip("no syntax error")
        } catch let error as JSON5SyntaxError {
            return error.message
        }
    }
}
