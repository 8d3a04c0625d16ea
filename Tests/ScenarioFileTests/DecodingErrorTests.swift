@testable import ScenarioFile
import XCTest

/// Each kind of decoding error gives one exact, located message.
final class DecodingErrorTests: XCTestCase {
    func testWrongTypes() {
        assertProblems("{ populations: [{ name: \"a\", count: 10.5 }] }",
                       ["test.json5:1:37: populations.a.count: expected an integer, found 10.5"])
        assertProblems(populationDocument("mail: { perDay: \"forty\" }"),
                       ["test.json5:3:21: populations.iphone.mail.perDay: expected a number, found \"forty\""])
        assertProblems(populationDocument("battery: { volts: [3.85] }"),
                       ["test.json5:3:23: populations.iphone.battery.volts: expected a number, found an array"])
        assertProblems("{ name: 5, populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:9: name: expected a non-empty name, found 5"])
        assertProblems("{ description: null, populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:16: description: expected a string, found null"])
        assertProblems("{ server: { pingHoldsThread: \"yes\" }, populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:30: server.pingHoldsThread: expected true or false, found \"yes\""])
        assertProblems(populationDocument("mail: 75"),
                       ["test.json5:3:11: populations.iphone.mail: expected an object such as { perDay: 75 }, found 75"])
        assertProblems("{ populations: { name: \"a\", count: 1 } }",
                       ["test.json5:1:16: populations: expected an array of populations such as [{ name: \"iphone\", count: 500 }], found an object"])
        assertProblems("[]", ["test.json5:1:1: expected an object (the scenario), found an empty array"])
    }

    func testHugeAndOutOfRangeIntegers() {
        assertProblems("{ populations: [{ name: \"a\", count: 1e30 }] }",
                       ["test.json5:1:37: populations.a.count: expected an integer of at most 2147483646, found 1e30"])
        assertProblems("{ populations: [{ name: \"a\", count: -1e30 }] }",
                       ["test.json5:1:37: populations.a.count: expected a non-negative integer, found -1e30"])
        assertProblems("{ populations: [{ name: \"a\", count: Infinity }] }",
                       ["test.json5:1:37: populations.a.count: expected an integer, found Infinity"])
        assertProblems("{ seed: 18446744073709551616, populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:9: seed: expected an integer of at most 9223372036854775807, found 18446744073709551616"])
        assertProblems("{ seed: -1, populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:9: seed: expected a non-negative integer, found -1"])
    }

    func testDurations() {
        assertProblems(populationDocument("heartbeat: { fixed: \"15\" }"), [
            "test.json5:3:25: populations.iphone.heartbeat.fixed: expected a duration such as \"15m\", found \"15\" (missing unit after 15 (use us, ms, s, m, h or d))",
        ])
        assertProblems(populationDocument("heartbeat: { fixed: 15 }"), [
            "test.json5:3:25: populations.iphone.heartbeat.fixed: expected a duration such as \"15m\", found 15 (add a unit: \"15ms\", \"15s\", \"15m\" or \"15h\")",
        ])
        assertProblems(populationDocument("pingGrace: \"5 sec\""), [
            "test.json5:3:16: populations.iphone.pingGrace: expected a duration such as \"15m\", found \"5 sec\" (unknown unit \" sec\" (use us, ms, s, m, h or d))",
        ])
        assertProblems("{ warmup: -5, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:11: warmup: expected a duration such as \"15m\", found -5 (durations cannot be negative)",
        ])
        assertProblems("{ duration: \"1d1d\", populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:13: duration: expected a duration such as \"15m\", found \"1d1d\" (units must go from larger to smaller)",
        ])
        // 0 needs no unit, as a number or as text.
        XCTAssertEqual(problems(populationDocument("pingGrace: 0", "syncTimeout: \"1s\"")), [])
    }

    func testKeywordsWithSuggestions() {
        assertProblems(populationDocument("radio: \"5g\""), [
            "test.json5:3:12: populations.iphone.radio: expected a string such as \"lte\", \"3g\" or \"wifi\", found \"5g\"",
        ])
        assertProblems(populationDocument("radio: \"LTE\""), [
            "test.json5:3:12: populations.iphone.radio: expected a string such as \"lte\", \"3g\" or \"wifi\", found \"LTE\"; did you mean \"lte\"?",
        ])
        assertProblems(populationDocument("client: \"duel\""), [
            "test.json5:3:13: populations.iphone.client: expected a string such as \"single\" or \"dual\", found \"duel\"; did you mean \"dual\"?",
        ])
        assertProblems("{ server: { onNewerRequest: \"conflict\" }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:29: server.onNewerRequest: expected a string such as \"conflict409\", \"expire200\" or \"ignore\", found \"conflict\"; did you mean \"conflict409\"?",
        ])
        assertProblems(populationDocument("heartbeat: { adaptive: { onFailure: \"stepdown\" } }"), [
            "test.json5:3:41: populations.iphone.heartbeat.adaptive.onFailure: expected a string such as \"stepDown\", \"stepDownAndLock\" or \"revert\", found \"stepdown\"; did you mean \"stepDown\"?",
        ])
        assertProblems("{ profile: \"ofice\", populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:12: profile: expected \"flat\", \"office\" or an array of 24 hourly weights, found \"ofice\"; did you mean \"office\"?",
        ])
    }

    func testUnknownKeys() {
        assertProblems(populationDocument("heartbaet: { fixed: \"15m\" }"), [
            "test.json5:3:5: populations.iphone.heartbaet: unknown key \"heartbaet\"; did you mean \"heartbeat\"?",
        ])
        assertProblems(populationDocument("cuont: 3"), [
            "test.json5:3:5: populations.iphone.cuont: unknown key \"cuont\"; did you mean \"count\"?",
        ])
        assertProblems(populationDocument("battery: { capacity: 3000 }"), [
            "test.json5:3:16: populations.iphone.battery.capacity: unknown key \"capacity\"; known keys: mAh, volts",
        ])
        assertProblems("{ server: { thread: 4 }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:13: server.thread: unknown key \"thread\"; did you mean \"threads\"?",
        ])
        assertProblems("{ Populations: [], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:3: Populations: unknown key \"Populations\"; did you mean \"populations\"?",
        ])
    }

    func testMissingRequiredKeys() {
        assertProblems("{ }", ["test.json5:1:1: missing the required key \"populations\""])
        assertProblems("{ populations: [{ }] }", [
            "test.json5:1:17: populations[0]: missing the required key \"name\"",
            "test.json5:1:17: populations[0]: missing the required key \"count\"",
        ])
        assertProblems("{ populations: [] }", ["test.json5:1:16: populations: expected at least one population"])
        assertProblems("{ servers: [{ threads: 4 }], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:13: servers[0]: missing the required key \"name\"",
        ])
        assertProblems("{ server: { restarts: [{ downtime: \"1m\" }] }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:24: server.restarts[0]: missing the required key \"at\"",
        ])
        assertProblems(populationDocument("network: { delay: { uniform: { min: \"1ms\" } } }"), [
            "test.json5:3:34: populations.iphone.network.delay.uniform: missing the required key \"max\"",
        ])
    }

    func testServerAndServers() {
        assertProblems("{ server: {}, servers: [{ name: \"x\" }], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:15: servers: \"server\" and \"servers\" cannot both be given; use \"server\" for one server or \"servers\" for a pool",
        ])
        assertProblems("{ servers: [], populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:12: servers: expected at least one server"])
    }

    func testExactlyOneOf() {
        assertProblems(populationDocument("heartbeat: { fixed: \"15m\", adaptive: {} }"), [
            "test.json5:3:32: populations.iphone.heartbeat: expected exactly one of \"fixed\" or \"adaptive\", found both",
        ])
        assertProblems(populationDocument("heartbeat: {}"), [
            "test.json5:3:16: populations.iphone.heartbeat: expected exactly one of \"fixed\" or \"adaptive\", found an empty object",
        ])
        assertProblems(populationDocument("heartbeat: \"15m\""), [
            "test.json5:3:16: populations.iphone.heartbeat: expected an object such as { fixed: \"15m\" }, found \"15m\"",
        ])
        assertProblems(populationDocument("network: { delay: { constant: \"1ms\", uniform: {} } }"), [
            "test.json5:3:42: populations.iphone.network.delay: expected exactly one of \"constant\", \"exponential\", \"uniform\", \"lognormal\" or \"choice\", found \"constant\" and \"uniform\"",
        ])
        assertProblems(populationDocument("network: { delay: {} }"), [
            "test.json5:3:23: populations.iphone.network.delay: expected one of \"constant\", \"exponential\", \"uniform\", \"lognormal\" or \"choice\", found an empty object",
        ])
        // An unknown kind is reported once, as an unknown key, not also as "none given".
        assertProblems(populationDocument("network: { delay: { exponentail: { mean: \"1ms\" } } }"), [
            "test.json5:3:25: populations.iphone.network.delay.exponentail: unknown key \"exponentail\"; did you mean \"exponential\"?",
        ])
    }

    func testImpossibleValues() {
        assertProblems(populationDocument("userOpens: { afterNotify: { probability: 1.5 } }"), [
            "test.json5:3:46: populations.iphone.userOpens.afterNotify.probability: expected a probability between 0 and 1, found 1.5",
        ])
        assertProblems(populationDocument("network: { lossProbability: NaN }"), [
            "test.json5:3:33: populations.iphone.network.lossProbability: expected a probability between 0 and 1, found NaN",
        ])
        assertProblems(populationDocument("mail: { perDay: -3 }"), [
            "test.json5:3:21: populations.iphone.mail.perDay: expected a non-negative rate per day, found -3",
        ])
        assertProblems("{ populations: [{ name: \"a\", count: -5 }] }",
                       ["test.json5:1:37: populations.a.count: expected a non-negative integer, found -5"])
        assertProblems("{ server: { threads: 0 }, populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:22: server.threads: expected an integer of at least 1, found 0"])
        assertProblems("{ servers: [{ name: \"eu-1\", share: 0 }], populations: [{ name: \"a\", count: 1 }] }",
                       ["test.json5:1:36: servers.eu-1.share: expected a positive number, found 0"])
        assertProblems(populationDocument("traffic: { uplinkMbps: 0, bytesPerMailItem: -1 }"), [
            "test.json5:3:28: populations.iphone.traffic.uplinkMbps: expected a positive number, found 0",
            "test.json5:3:49: populations.iphone.traffic.bytesPerMailItem: expected a non-negative integer, found -1",
        ])
    }

    func testMinAboveMax() {
        assertProblems(populationDocument("firewall: { idleTimeout: { uniform: { min: \"4m\", max: \"1m\" } } }"), [
            "test.json5:3:48: populations.iphone.firewall.idleTimeout.uniform.min: min (4m) is greater than max (1m)",
        ])
        assertProblems(populationDocument("heartbeat: { adaptive: { min: \"20m\", max: \"10m\" } }"), [
            "test.json5:3:35: populations.iphone.heartbeat.adaptive.min: min (20m) is greater than max (10m)",
        ])
        assertProblems(populationDocument("heartbeat: { adaptive: { min: \"30m\" } }"), [
            "test.json5:3:35: populations.iphone.heartbeat.adaptive.min: min (30m) is greater than max (28m, the default)",
        ])
        assertProblems(populationDocument("heartbeat: { adaptive: { max: \"5m\" } }"), [
            "test.json5:3:35: populations.iphone.heartbeat.adaptive.max: min (8m, the default) is greater than max (5m)",
        ])
        assertProblems("{ server: { heartbeatBounds: [\"15m\", \"30s\"] }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:30: server.heartbeatBounds: min (15m) is greater than max (30s)",
        ])
        assertProblems("{ server: { heartbeatBounds: [\"15m\"] }, populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:30: server.heartbeatBounds: expected two durations [min, max] such as [\"30s\", \"15m\"], or \"none\", found 1 value",
        ])
    }

    func testProfileErrors() {
        assertProblems("{ profile: [1, 2, 3], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:12: profile: a daily profile needs 24 hourly weights, found 3",
        ])
        let zeros = Array(repeating: "0", count: 23).joined(separator: ", ")
        assertProblems("{ profile: [\(zeros), -1], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:82: profile[23]: expected a non-negative number, found -1",
        ])
        assertProblems("{ profile: [\(zeros), 0], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:12: profile: hourly weights must not all be zero",
        ])
    }

    func testDuplicateNamesAndServerReferences() {
        assertProblems("{ populations: [{ name: \"a\", count: 1 }, { name: \"a\", count: 2 }] }", [
            "test.json5:1:50: populations[1].name: a second population with the name \"a\"",
        ])
        assertProblems("{ servers: [{ name: \"x\" }, { name: \"x\" }], populations: [{ name: \"a\", count: 1 }] }", [
            "test.json5:1:36: servers[1].name: a second server with the name \"x\"",
        ])
        assertProblems("{ servers: [{ name: \"eu-1\" }, { name: \"us-1\" }], populations: [{ name: \"a\", count: 1, server: \"eu1\" }] }", [
            "test.json5:1:95: populations.a.server: no server named \"eu1\"; did you mean \"eu-1\"?",
        ])
        assertProblems("{ servers: [{ name: \"eu-1\" }, { name: \"us-1\" }], populations: [{ name: \"a\", count: 1, server: \"asia\" }] }", [
            "test.json5:1:95: populations.a.server: no server named \"asia\"; the servers are \"eu-1\" and \"us-1\"",
        ])
        // The single default server is called "server".
        XCTAssertEqual(problems("{ populations: [{ name: \"a\", count: 1, server: \"server\" }] }"), [])
    }

    func testElementsWithoutAUsableNameAreNamedByIndex() {
        assertProblems("{ populations: [{ name: \"a\", count: 1 }, { name: \"b.c\", count: -1 }, { name: 7, count: 1 }] }", [
            "test.json5:1:64: populations[1].count: expected a non-negative integer, found -1",
            "test.json5:1:78: populations[2].name: expected a non-empty name, found 7",
        ])
    }

    func testHostileStringsStayOnOneLine() {
        let found = problems("{ populations: [{ name: \"a\", count: \"x\\ny\\\"z\\u0007\(String(repeating: "w", count: 60))\" }] }")
        XCTAssertEqual(found.count, 1)
        XCTAssertFalse(found[0].contains("\n"))
        XCTAssertTrue(found[0].hasSuffix("found \"x\\ny\\\"z\\u{7}\(String(repeating: "w", count: 34))…\""), found[0])
    }
}
