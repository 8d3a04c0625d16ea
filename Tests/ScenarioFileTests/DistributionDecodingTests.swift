import DiscreteEvent
import JSON5
import PushSim
@testable import ScenarioFile
import XCTest

final class DistributionDecodingTests: XCTestCase {
    private func decode(_ text: String) -> (DurationDistribution?, [String]) {
        let context = DecodeContext()
        guard let node = try? JSON5.parse(text) else { return (nil, ["syntax"]) }
        let result = context.distribution(node, "d")
        return (result, context.issues.map { "\($0.location) \($0.keyPath): \($0.message)" })
    }

    func testEveryKind() throws {
        XCTAssertEqual(decode("\"50ms\"").0, .constant(.milliseconds(50)))
        XCTAssertEqual(decode("0").0, .constant(.zero))
        XCTAssertEqual(decode("{ constant: \"1h30m\" }").0, .constant(.minutes(90)))
        XCTAssertEqual(decode("{ exponential: { mean: \"2m\" } }").0, .exponential(mean: .minutes(2)))
        XCTAssertEqual(decode("{ uniform: { min: \"1m\", max: \"1m\" } }").0, .uniform(min: .minutes(1), max: .minutes(1)))
        XCTAssertEqual(decode("{ lognormal: { median: \"150ms\", p95: \"300ms\" } }").0,
                       try .lognormal(median: .milliseconds(150), p95: .milliseconds(300)))
        XCTAssertEqual(decode("{ choice: [[\"4m\", 1], [\"350s\", 0]] }").0,
                       try .choice([(.minutes(4), 1), (.seconds(350), 0)]))
        XCTAssertEqual(decode("{ uniform: { min: \"1m\", max: \"2m\" } }").1, [])
    }

    func testProblemsAreReportedAtTheirNode() {
        XCTAssertEqual(decode("{ uniform: { max: \"1m\", min: \"2m\" } }").1, ["1:30 d.uniform.min: min (2m) is greater than max (1m)"])
        XCTAssertEqual(decode("{ exponential: { mean: \"2m\", sd: \"1m\" } }").1,
                       ["1:30 d.exponential.sd: unknown key \"sd\"; known keys: mean"])
        XCTAssertEqual(decode("{ lognormal: { median: \"x\", p95: 5 } }").1, [
            "1:24 d.lognormal.median: expected a duration such as \"15m\", found \"x\" (expected a number at \"x\")",
            "1:34 d.lognormal.p95: expected a duration such as \"15m\", found 5 (add a unit: \"5ms\", \"5s\", \"5m\" or \"5h\")",
        ])
        XCTAssertEqual(decode("[\"1m\"]").1, [
            "1:1 d: expected a duration such as \"15m\" or an object such as { exponential: { mean: \"2m\" } }, found an array",
        ])
    }

    func testDistributionErrors() {
        assertProblems(populationDocument("network: { delay: { lognormal: { median: \"150ms\", p95: \"100ms\" } } }"), [
            "test.json5:3:60: populations.iphone.network.delay.lognormal.p95: p95 must be at least the median (150ms), found 100ms",
        ])
        assertProblems(populationDocument("network: { delay: { lognormal: { median: \"0s\", p95: \"1s\" } } }"), [
            "test.json5:3:46: populations.iphone.network.delay.lognormal.median: the median must be positive, found 0s",
        ])
        assertProblems("{ server: { pingWork: { choice: [[\"4m\", -1], [\"x\", 1], 5] } }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:41: server.pingWork.choice[0][1]: expected a non-negative number, found -1",
            "test.json5:1:47: server.pingWork.choice[1][0]: expected a duration such as \"15m\", found \"x\" (expected a number at \"x\")",
            "test.json5:1:56: server.pingWork.choice[2]: expected a [duration, weight] pair such as [\"4m\", 0.3], found 5",
        ])
        assertProblems("{ server: { pingWork: { choice: [] } }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:33: server.pingWork.choice: a choice needs at least one value",
        ])
        assertProblems("{ server: { pingWork: { choice: [[\"1m\", 0]] } }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:33: server.pingWork.choice: weights must not all be zero",
        ])
        assertProblems("{ server: { syncWork: { exponential: \"2m\" } }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:38: server.syncWork.exponential: expected an object such as { mean: \"2m\" }, found \"2m\"",
        ])
        assertProblems("{ server: { syncWork: true }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:23: server.syncWork: expected a duration such as \"15m\" or an object such as { exponential: { mean: \"2m\" } }, found true",
        ])
        assertProblems(populationDocument("firewall: { idleTimeout: \"nnoe\" }"), [
            "test.json5:3:30: populations.iphone.firewall.idleTimeout: expected a duration such as \"15m\" or \"none\", found \"nnoe\"; did you mean \"none\"?",
        ])
    }

}
