@testable import ScenarioFile
import XCTest

final class MultipleErrorTests: XCTestCase {
    func testAllErrorsAreReportedInFileOrder() {
        let text = """
        {
          seed: 1.5,
          duration: "2 days",
          server: { threads: 0, queueLimt: 10 },
          populations: [
            { name: "iphone", count: 500, radio: "5g", heartbeat: { fixed: 900 } },
            { name: "iphone", count: -1, mail: { perDay: "lots" } },
            { count: 3 },
          ],
        }
        """
        XCTAssertEqual(problems(text, file: "many.json5"), [
            "many.json5:2:9: seed: expected an integer, found 1.5",
            "many.json5:3:13: duration: expected a duration such as \"15m\", found \"2 days\" (unknown unit \" days\" (use us, ms, s, m, h or d))",
            "many.json5:4:22: server.threads: expected an integer of at least 1, found 0",
            "many.json5:4:25: server.queueLimt: unknown key \"queueLimt\"; did you mean \"queueLimit\"?",
            "many.json5:6:42: populations.iphone.radio: expected a string such as \"lte\", \"3g\" or \"wifi\", found \"5g\"",
            "many.json5:6:68: populations.iphone.heartbeat.fixed: expected a duration such as \"15m\", found 900 (add a unit: \"900ms\", \"900s\", \"900m\" or \"900h\")",
            "many.json5:7:13: populations[1].name: a second population with the name \"iphone\"",
            "many.json5:7:30: populations[1].count: expected a non-negative integer, found -1",
            "many.json5:7:50: populations[1].mail.perDay: expected a number, found \"lots\"",
            "many.json5:8:5: populations[2]: missing the required key \"name\"",
        ])
    }

    func testFileProblemsComeBeforeOverrideProblemsInTheOrderGiven() {
        XCTAssertEqual(problems(populationDocument("radio: \"4g\""), overrides: ["seed=-1", "warmup=10", "populations.iphone.radio=wifi"]), [
            "--set seed=-1: seed: expected a non-negative integer, found -1",
            "--set warmup=10: warmup: expected a duration such as \"15m\", found 10 (add a unit: \"10ms\", \"10s\", \"10m\" or \"10h\")",
        ])
        XCTAssertEqual(problems(populationDocument("pingGrace: \"x\""), overrides: ["seed=-1"]), [
            "test.json5:3:16: populations.iphone.pingGrace: expected a duration such as \"15m\", found \"x\" (expected a number at \"x\")",
            "--set seed=-1: seed: expected a non-negative integer, found -1",
        ])
    }

    func testValidationWaitsForASuccessfulDecode() {
        // The warmup problem would compare against a default standing in for the bad duration.
        XCTAssertEqual(problems("{ duration: \"x\", warmup: \"3d\", populations: [{ name: \"a\", count: 1 }] }"), [
            "test.json5:1:13: duration: expected a duration such as \"15m\", found \"x\" (expected a number at \"x\")",
        ])
    }
}
