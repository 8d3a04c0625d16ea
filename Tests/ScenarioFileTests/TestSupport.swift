import DiscreteEvent
import JSON5
import PushSim
@testable import ScenarioFile
import XCTest

/// The quickstart scenario exactly as the module's brief gives it.
let quickstartText = """
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

/// A one-population document with `extra` members added to the population (one line each,
/// starting on line 3) — for tests about a single population key.
func populationDocument(_ extra: String...) -> String {
    "{\n  populations: [{ name: \"iphone\", count: 10,\n" + extra.map { "    \($0),\n" }.joined() + "  }],\n}\n"
}

/// The descriptions of the diagnostics that loading `text` gives; empty when it loads.
func problems(_ text: String, file: String = "test.json5", overrides: [String] = []) -> [String] {
    do {
        let parsed = try overrides.map { text throws(ScenarioDiagnostic) in try ScenarioOverride(parsing: text) }
        _ = try ScenarioLoader.load(text: text, file: file, overrides: parsed)
        return []
    } catch let error as ScenarioLoadError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["\(error)"]
    }
}

/// The diagnostics of a document that must fail to load.
func diagnostics(_ text: String, file: String = "test.json5", overrides: [ScenarioOverride] = []) -> [ScenarioDiagnostic] {
    do {
        _ = try ScenarioLoader.load(text: text, file: file, overrides: overrides)
        return []
    } catch {
        return error.diagnostics
    }
}

/// Loads a document that must load.
func loaded(_ text: String, file: String = "test.json5", overrides: [String] = [],
            sourceFile: StaticString = #filePath, line: UInt = #line) throws -> LoadedScenario {
    do {
        let parsed = try overrides.map { text throws(ScenarioDiagnostic) in try ScenarioOverride(parsing: text) }
        return try ScenarioLoader.load(text: text, file: file, overrides: parsed)
    } catch let error as ScenarioLoadError {
        XCTFail("unexpected problems:\n\(error)", file: sourceFile, line: line)
        throw error
    }
}

/// Asserts the exact diagnostics of `text`, in order.
func assertProblems(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(problems(text), expected, file: file, line: line)
}
