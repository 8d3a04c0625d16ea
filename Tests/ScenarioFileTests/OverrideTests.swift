import DiscreteEvent
import JSON5
import PushSim
@testable import ScenarioFile
import XCTest

final class OverrideTests: XCTestCase {
    // MARK: Parsing

    func testParsing() throws {
        let duration = try ScenarioOverride(parsing: "populations.iphone.heartbeat.fixed=10m")
        XCTAssertEqual(duration.keyPath, "populations.iphone.heartbeat.fixed")
        XCTAssertEqual(duration.value, .string("10m"))
        XCTAssertEqual(duration.text, "populations.iphone.heartbeat.fixed=10m")
        XCTAssertEqual(try ScenarioOverride(parsing: "server.threads=600").value.numberValue?.integer, 600)
        XCTAssertEqual(try ScenarioOverride(parsing: "server.pingHoldsThread=false").value, .bool(false))
        XCTAssertEqual(try ScenarioOverride(parsing: "profile=office").value, .string("office"))
        XCTAssertEqual(try ScenarioOverride(parsing: "name=\"a=b\"").value, .string("a=b"))  // split at the first "="
        XCTAssertEqual(try ScenarioOverride(parsing: "description=").value, .string(""))
        let object = try ScenarioOverride(parsing: "populations.0.heartbeat={ adaptive: { min: '5m' } }")
        XCTAssertEqual(object.value["adaptive"]?["min"]?.value, .string("5m"))
        XCTAssertEqual(try ScenarioOverride(parsing: " seed =3").keyPath, "seed")
    }

    func testParsingErrors() {
        func message(_ text: String) -> String? {
            do {
                _ = try ScenarioOverride(parsing: text)
                return nil
            } catch {
                XCTAssertEqual(error.override, text)
                XCTAssertNil(error.location)
                return error.description
            }
        }
        XCTAssertEqual(message("seed"), "--set seed: expected key.path=value, found no \"=\"")
        XCTAssertEqual(message("=5"), "--set =5: expected a key path before \"=\", such as populations.iphone.count=600")
        XCTAssertEqual(message("a..b=3"),
                       "--set a..b=3: expected a key path such as populations.iphone.count or populations[0].count, found \"a..b\"")
        XCTAssertEqual(message("populations[x].count=3"),
                       "--set populations[x].count=3: expected a key path such as populations.iphone.count or populations[0].count, found \"populations[x].count\"")
    }

    func testBuiltInCode() {
        let override = ScenarioOverride(keyPath: "populations.iphone.heartbeat.fixed", value: .string("5m"))
        XCTAssertEqual(override.text, "populations.iphone.heartbeat.fixed=5m")
        XCTAssertEqual(try loaded(quickstartText).applying([override]).scenario.populations[0].heartbeat, .fixed(.minutes(5)))
        let malformed = ScenarioOverride(keyPath: "a.", value: .null)
        XCTAssertEqual(diagnostics(quickstartText, overrides: [malformed]).map(\.description), [
            "--set a.=null: expected a key path such as populations.iphone.count or populations[0].count, found \"a.\"",
        ])
    }

    // MARK: Applying

    func testSetReplacesAValue() throws {
        let scenario = try loaded(quickstartText, overrides: ["populations.iphone.heartbeat.fixed=10m", "server.threads=40",
                                                              "seed=9", "profile=flat"]).scenario
        XCTAssertEqual(scenario.populations[0].heartbeat, .fixed(.minutes(10)))
        XCTAssertEqual(scenario.server.threads, 40)
        XCTAssertEqual(scenario.seed, 9)
        XCTAssertEqual(scenario.profileName, "flat")
    }

    func testSetCreatesMissingObjects() throws {
        let loaded = try loaded(quickstartText, overrides: ["populations.iphone.outbox.perDay=3",
                                                            "populations.iphone.traffic.uplinkMbps=2",
                                                            "server.restarts[0].at=12h"])
        let iphone = loaded.scenario.populations[0]
        XCTAssertEqual(iphone.outbox.perDay, 3)
        XCTAssertEqual(iphone.traffic.uplinkMbps, 2)
        XCTAssertEqual(loaded.scenario.server.restarts, [Restart(at: .hours(12))])
        // Created nodes point at their override: line 0, column = position + 1.
        let outbox = try XCTUnwrap(loaded.tree["populations"]?[0]?.member("outbox"))
        XCTAssertEqual(outbox.keyLocation.line, 0)
        XCTAssertEqual(outbox.keyLocation.column, 1)
        XCTAssertEqual(loaded.tree["server"]?["restarts"]?[0]?["at"]?.location.column, 3)
        XCTAssertEqual(loaded.overrides.map(\.text), ["populations.iphone.outbox.perDay=3",
                                                      "populations.iphone.traffic.uplinkMbps=2", "server.restarts[0].at=12h"])
    }

    func testSelectByNameOrIndex() throws {
        let text = "{ populations: [{ name: \"iphone\", count: 1 }, { name: \"android\", count: 2 }] }"
        let byName = try loaded(text, overrides: ["populations.android.count=20"]).scenario
        XCTAssertEqual(byName.populations.map(\.count), [1, 20])
        let byDot = try loaded(text, overrides: ["populations.1.count=21"]).scenario
        XCTAssertEqual(byDot.populations.map(\.count), [1, 21])
        let byBracket = try loaded(text, overrides: ["populations[0].count=10"]).scenario
        XCTAssertEqual(byBracket.populations.map(\.count), [10, 2])
        let servers = "{ servers: [{ name: \"eu-1\" }, { name: \"us-1\" }], populations: [{ name: \"a\", count: 1 }] }"
        XCTAssertEqual(try loaded(servers, overrides: ["servers.us-1.threads=7"]).scenario.servers.map(\.threads), [40, 7])
        // One past the end appends.
        let appended = try loaded(text, overrides: ["populations.2={ name: 'ipad', count: 3 }"]).scenario
        XCTAssertEqual(appended.populations.map(\.name), ["iphone", "android", "ipad"])
    }

    func testSettingOneVariantReplacesTheOthers() throws {
        let adaptive = try loaded(quickstartText, overrides: [
            "populations.iphone.heartbeat.adaptive={ min: '5m', max: '20m' }",
        ]).scenario.populations[0].heartbeat
        XCTAssertEqual(adaptive, .adaptive(initial: .minutes(5), min: .minutes(5), max: .minutes(20), step: .minutes(5), onFailure: .stepDown))
        let back = try loaded(quickstartText, overrides: [
            "populations.iphone.heartbeat.adaptive.min=5m", "populations.iphone.heartbeat.fixed=10m",
        ])
        XCTAssertEqual(back.scenario.populations[0].heartbeat, .fixed(.minutes(10)))
        XCTAssertEqual(back.tree["populations"]?[0]?["heartbeat"]?.value.objectMembers?.map(\.key), ["fixed"])
        // Distribution kinds, including a distribution written as a plain duration.
        let server = try loaded(quickstartText, overrides: ["server.syncWork.exponential.mean=100ms",
                                                            "server.pingWork.uniform={ min: '1ms', max: '9ms' }"]).scenario.server
        XCTAssertEqual(server.syncWork, .exponential(mean: .milliseconds(100)))
        XCTAssertEqual(server.pingWork, .uniform(min: .milliseconds(1), max: .milliseconds(9)))
        XCTAssertEqual(try loaded(quickstartText, overrides: ["populations.iphone.firewall.idleTimeout=none"])
                        .scenario.populations[0].firewallIdleTimeout, nil)
    }

    func testDecodingErrorsInOverridesAreAttributedToThem() {
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.iphone.count=-5"]), [
            "--set populations.iphone.count=-5: populations.iphone.count: expected a non-negative integer, found -5",
        ])
        XCTAssertEqual(problems(quickstartText, overrides: ["populations[0].radio=5g"]), [
            "--set populations[0].radio=5g: populations.iphone.radio: expected a string such as \"lte\", \"3g\" or \"wifi\", found \"5g\"",
        ])
        // A key the schema does not know is an unknown key of the override.
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.iphone.hartbeat.fixed=1m"]), [
            "--set populations.iphone.hartbeat.fixed=1m: populations.iphone.hartbeat: unknown key \"hartbeat\"; did you mean \"heartbeat\"?",
        ])
        // Errors deep inside an override's value, and a population it creates.
        XCTAssertEqual(problems(quickstartText, overrides: ["server.syncWork={ lognormal: { median: '1s', p95: '1ms' } }",
                                                           "populations.1.name=android"]), [
            "--set server.syncWork={ lognormal: { median: '1s', p95: '1ms' } }: server.syncWork.lognormal.p95: p95 must be at least the median (1s), found 1ms",
            "--set populations.1.name=android: populations.android: missing the required key \"count\"",
        ])
        let diagnostic = diagnostics(quickstartText, overrides: [ScenarioOverride(keyPath: "seed", value: .string("x"))]).first
        XCTAssertNil(diagnostic?.location)
        XCTAssertEqual(diagnostic?.override, "seed=x")
        XCTAssertEqual(diagnostic?.file, "test.json5")
    }

    func testPathErrors() {
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.iphon.count=5"]), [
            "--set populations.iphon.count=5: populations.iphon: no population named \"iphon\"; did you mean \"iphone\"?",
        ])
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.ipad.count=5"]), [
            "--set populations.ipad.count=5: populations.ipad: no population named \"ipad\"; the populations are \"iphone\"",
        ])
        XCTAssertEqual(problems(quickstartText, overrides: ["populations[3].count=5"]), [
            "--set populations[3].count=5: populations[3]: position 3 is out of range: populations has 1 element",
        ])
        XCTAssertEqual(problems(quickstartText, overrides: ["servers.eu-1.threads=4"]), [
            "--set servers.eu-1.threads=4: servers: this scenario has one \"server\", not a pool (\"servers\"); write server.threads",
        ])
        let pool = "{ servers: [{ name: \"eu-1\" }], populations: [{ name: \"a\", count: 1 }] }"
        XCTAssertEqual(problems(pool, overrides: ["server.threads=4"]), [
            "--set server.threads=4: server: this scenario has a pool (\"servers\"), not one \"server\"; write servers.eu-1.threads",
        ])
        XCTAssertEqual(problems(quickstartText, overrides: ["server[0]=1"]), [
            "--set server[0]=1: server[0]: server is an object: select a key, not a position",
        ])
    }

    func testOverridesApplyInOrder() throws {
        let scenario = try loaded(quickstartText, overrides: ["seed=2", "seed=3"]).scenario
        XCTAssertEqual(scenario.seed, 3)
        // A later override may fix what an earlier one broke.
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.iphone.count=-5", "populations.iphone.count=5"]), [])
    }

    func testApplyingMoreOverridesToALoadedScenario() throws {
        let base = try loaded(quickstartText, overrides: ["seed=2"])
        let point = try base.applying([ScenarioOverride(parsing: "populations.iphone.count=50")])
        XCTAssertEqual(point.scenario.seed, 2)
        XCTAssertEqual(point.scenario.populations[0].count, 50)
        XCTAssertEqual(point.overrides.map(\.text), ["seed=2", "populations.iphone.count=50"])
        XCTAssertThrowsError(try base.applying([ScenarioOverride(parsing: "server.threads=0")])) { error in
            XCTAssertEqual("\(error)", "--set server.threads=0: server.threads: expected an integer of at least 1, found 0")
        }
    }

    func testOverridesOnADocumentThatIsNotAnObject() {
        XCTAssertEqual(problems("[1]", overrides: ["seed=1"]), ["test.json5:1:1: expected an object (the scenario), found an array"])
    }
}
