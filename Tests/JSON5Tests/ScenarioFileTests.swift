import XCTest
import JSON5

final class ScenarioFileTests: XCTestCase {
    func testSampleScenarioParses() throws {
        let root = try JSON5.parse(sampleScenario)
        XCTAssertEqual(root.location.description, "2:1")
        XCTAssertEqual(root.value.objectMembers?.map(\.key), ["name", "seed", "duration", "warmup", "profile", "server", "populations"])
        XCTAssertEqual(root["name"]?.value, .string("quickstart"))
        XCTAssertEqual(root["seed"]?.value.numberValue?.integer, 1)
    }

    func testServerSection() throws {
        let server = try XCTUnwrap(try JSON5.parse(sampleScenario)["server"])
        XCTAssertEqual(server.location.description, "8:11")
        let threads = try XCTUnwrap(server.member("threads"))
        XCTAssertEqual(threads.keyLocation.description, "9:5")
        XCTAssertEqual(threads.value.location.description, "9:14")
        XCTAssertEqual(threads.value.value.numberValue?.integer, 600)
        XCTAssertEqual(server["pingHoldsThread"]?.value, .bool(true))
        XCTAssertEqual(server["heartbeatBounds"]?[1]?.value, .string("15m"))
        XCTAssertEqual(server["heartbeatBounds"]?[1]?.location.description, "12:30")
        let p95 = try XCTUnwrap(server["syncWork"]?["lognormal"]?.member("p95"))
        XCTAssertEqual(p95.value.value, .string("300ms"))
        XCTAssertEqual(p95.keyLocation.description, "15:47")
    }

    func testPopulation() throws {
        let population = try XCTUnwrap(try JSON5.parse(sampleScenario)["populations"]?[0])
        XCTAssertEqual(population.location.description, "18:5")
        XCTAssertEqual(population["count"]?.value.numberValue?.integer, 500)
        // The trailing comment after `heartbeat` must not disturb what follows.
        XCTAssertEqual(population["heartbeat"]?["fixed"]?.value, .string("15m"))
        XCTAssertEqual(population.member("pingGrace")?.keyLocation.description, "24:7")
        let probability = population["userOpens"]?["afterNotify"]?["probability"]?.value.numberValue
        XCTAssertEqual(probability?.double, 0.3)
        XCTAssertNil(probability?.integer)
        XCTAssertEqual(population["userOpens"]?["afterNotify"]?["delay"]?["exponential"]?["mean"]?.value, .string("2m"))
        XCTAssertEqual(population["network"]?["lossProbability"]?.value.numberValue?.integer, 0)
        XCTAssertEqual(population["battery"]?["volts"]?.value.numberValue?.double, 3.85)
        XCTAssertEqual(population["battery"]?["volts"]?.location.description, "30:36")
    }

    func testJSONTextOfTheSample() throws {
        let root = try JSON5.parse(sampleScenario)
        let expectedStart = """
        {
          "name": "quickstart",
          "seed": 1,
          "duration": "2d",
          "warmup": "2h",
          "profile": "office",
          "server": {
            "threads": 600,
            "queueLimit": 1000,
            "pingHoldsThread": true,
            "heartbeatBounds": ["30s", "15m"],
        """
        XCTAssertTrue(root.jsonText(pretty: true).hasPrefix(expectedStart), root.jsonText(pretty: true))
        XCTAssertTrue(root.jsonText(pretty: false).hasPrefix(#"{"name":"quickstart","seed":1,"duration":"2d","#))
    }
}
