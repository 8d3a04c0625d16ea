import JSON5
import PushSim
@testable import ScenarioFile
import XCTest

/// `Scenario.validate()` problems are placed at the key they are about.
final class ValidationLocationTests: XCTestCase {
    func testProblemsAtTheirValue() {
        XCTAssertEqual(problems(populationDocument("heartbeat: { fixed: \"0s\" }", "syncTimeout: \"0s\"")), [
            "test.json5:3:25: populations.iphone.heartbeat.fixed: expected a positive heartbeat, found 0s",
            "test.json5:4:18: populations.iphone.syncTimeout: expected a positive duration, found 0s",
        ])
        XCTAssertEqual(problems(populationDocument("heartbeat: { adaptive: { initial: \"1m\", step: \"0s\" } }")), [
            "test.json5:3:39: populations.iphone.heartbeat.adaptive.initial: expected a value between min (8m) and max (28m), found 1m",
            "test.json5:3:51: populations.iphone.heartbeat.adaptive.step: expected a positive step, found 0s",
        ])
        XCTAssertEqual(problems(populationDocument("firewall: { idleTimeout: \"0s\" }")), [
            "test.json5:3:30: populations.iphone.firewall.idleTimeout: expected positive timeouts (use none for no timeout)",
        ])
        XCTAssertEqual(problems(populationDocument("outbox: { conflictProbability: 0.8, permanentErrorProbability: 0.5 }")), [
            "test.json5:3:13: populations.iphone.outbox: conflictProbability + permanentErrorProbability must not exceed 1",
        ])
        XCTAssertEqual(problems("{ populations: [{ name: \"a\", count: 0 }, { name: \"b\", count: 0 }] }"), [
            "test.json5:1:16: populations: expected at least one device in all",
        ])
    }

    func testAbsentKeysAreLocatedAtTheEnclosingObject() {
        // warmup keeps its default (1h), which is not shorter than the duration.
        XCTAssertEqual(problems("{\n  duration: \"1h\",\n  populations: [{ name: \"a\", count: 1 }],\n}"), [
            "test.json5:1:1: warmup: expected a warmup shorter than the duration (1h), found 1h",
        ])
    }

    func testOneServerInAPoolIsNamedAsInTheFile() {
        XCTAssertEqual(problems("{ servers: [{ name: \"eu-1\", heartbeatBounds: [\"0s\", \"1m\"] }], populations: [{ name: \"a\", count: 1 }] }"), [
            "test.json5:1:46: servers.eu-1.heartbeatBounds: expected a positive lower bound, found 0s",
        ])
        XCTAssertEqual(problems("{ server: { heartbeatBounds: [\"0s\", \"1m\"] }, populations: [{ name: \"a\", count: 1 }] }"), [
            "test.json5:1:30: server.heartbeatBounds: expected a positive lower bound, found 0s",
        ])
    }

    func testNamesThatAreNotKeyPathsUseTheIndex() {
        XCTAssertEqual(problems("{ populations: [{ name: \"a.b\", count: 1, heartbeat: { fixed: \"0s\" } }] }"), [
            "test.json5:1:62: populations[0].heartbeat.fixed: expected a positive heartbeat, found 0s",
        ])
    }

    func testProblemsFromAnOverride() {
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.iphone.heartbeat.fixed=0s"]), [
            "--set populations.iphone.heartbeat.fixed=0s: populations.iphone.heartbeat.fixed: expected a positive heartbeat, found 0s",
        ])
    }

    func testLookupOfModelKeyPaths() throws {
        let text = """
        {
          servers: [{ name: "eu-1", restarts: [{ at: "1h" }] }, { name: "us-1" }],
          populations: [{ name: "iphone", count: 1 }],
        }
        """
        let root = try JSON5.parse(text)
        let document = try XCTUnwrap(DecodeContext().document(root, defaultName: "x"))
        func locate(_ path: String) -> String {
            let issue = KeyPathLookup.issues(for: [ScenarioProblem(path, "m")], in: document, root: root)[0]
            return "\(issue.location) \(issue.keyPath)"
        }
        XCTAssertEqual(locate("servers.eu-1.restarts[0].at"), "2:46 servers.eu-1.restarts[0].at")
        XCTAssertEqual(locate("servers.eu-1.restarts[1].at"), "2:39 servers.eu-1.restarts[1].at")
        XCTAssertEqual(locate("servers.us-1.threads"), "2:57 servers.us-1.threads")
        XCTAssertEqual(locate("populations.iphone.traffic"), "3:17 populations.iphone.traffic")
        XCTAssertEqual(locate("populations"), "3:16 populations")
        XCTAssertEqual(locate("sampleInterval"), "1:1 sampleInterval")
        XCTAssertEqual(locate("no.such[3].path"), "1:1 no.such[3].path")
    }
}
