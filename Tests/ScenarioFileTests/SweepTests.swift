import DiscreteEvent
import JSON5
import PushSim
@testable import ScenarioFile
import XCTest

final class SweepTests: XCTestCase {
    private let sweepText = """
    {
      populations: [{ name: "iphone", count: 10 }],
      sweep: {
        vary: {
          "populations.iphone.heartbeat.fixed": ["5m", "10m"],
          "server.threads": [40, 600, 1200],
        },
        replications: 3,
      },
    }
    """

    func testTheSweepBlockIsDecoded() throws {
        let loaded = try loaded(sweepText)
        let sweep = try XCTUnwrap(loaded.sweep)
        XCTAssertEqual(sweep.replications, 3)
        XCTAssertEqual(sweep.vary.map(\.keyPath), ["populations.iphone.heartbeat.fixed", "server.threads"])
        XCTAssertEqual(sweep.vary[0].values.map(\.displayText), ["5m", "10m"])
        XCTAssertEqual(sweep.vary[1].values.map(\.displayText), ["40", "600", "1200"])
        // The scenario itself is the file without the sweep.
        XCTAssertEqual(loaded.scenario.populations[0].heartbeat, .fixed(.minutes(15)))
        XCTAssertEqual(loaded.scenario.server.threads, 40)
    }

    func testPointsAreEveryCombinationFirstAxisSlowest() throws {
        let sweep = try XCTUnwrap(try loaded(sweepText).sweep)
        let points = sweep.points
        XCTAssertEqual(points.count, 6)
        XCTAssertEqual(points.map { $0.map(\.text) }[0...3].map { $0 }, [
            ["populations.iphone.heartbeat.fixed=5m", "server.threads=40"],
            ["populations.iphone.heartbeat.fixed=5m", "server.threads=600"],
            ["populations.iphone.heartbeat.fixed=5m", "server.threads=1200"],
            ["populations.iphone.heartbeat.fixed=10m", "server.threads=40"],
        ])
        let base = try loaded(sweepText)
        let last = try base.applying(try XCTUnwrap(points.last))
        XCTAssertEqual(last.scenario.populations[0].heartbeat, .fixed(.minutes(10)))
        XCTAssertEqual(last.scenario.server.threads, 1200)
        XCTAssertEqual(SweepSpec().points, [[]])
    }

    func testReplicationsDefaultToOne() throws {
        let text = "{ populations: [{ name: \"a\", count: 1 }], sweep: { vary: { seed: [1, 2] } } }"
        XCTAssertEqual(try loaded(text).sweep, SweepSpec(vary: [SweepAxis(keyPath: "seed", values: [.number(JSON5Number(integer: 1)), .number(JSON5Number(integer: 2))]).withLocations(of: text)], replications: 1))
    }

    func testEveryValueIsCheckedWhereItIsWritten() {
        let text = """
        {
          populations: [{ name: "iphone", count: 10 }],
          sweep: {
            vary: {
              "populations.iphone.heartbeat.fixed": ["5m", "0s", 15],
              duration: ["2d", "30m"],
              "populations.ipad.count": [1],
              "populations.iphone.hartbeat.fixed": ["1m"],
              "server.syncWork": [{ uniform: { min: "2s", max: "1s" } }],
            },
          },
        }
        """
        XCTAssertEqual(problems(text, file: "sweep.json5"), [
            "sweep.json5:5:52: populations.iphone.heartbeat.fixed: expected a positive heartbeat, found 0s",
            "sweep.json5:5:58: populations.iphone.heartbeat.fixed: expected a duration such as \"15m\", found 15 (add a unit: \"15ms\", \"15s\", \"15m\" or \"15h\")",
            "sweep.json5:6:24: warmup: expected a warmup shorter than the duration (30m), found 1h",
            "sweep.json5:7:7: populations.ipad: no population named \"ipad\"; the populations are \"iphone\"",
            "sweep.json5:8:7: populations.iphone.hartbeat: unknown key \"hartbeat\"; did you mean \"heartbeat\"?",
            "sweep.json5:9:45: server.syncWork.uniform.min: min (2s) is greater than max (1s)",
        ])
    }

    func testSweepBlockErrors() {
        XCTAssertEqual(problems("{ populations: [{ name: \"a\", count: 1 }], sweep: { vary: { seed: 1, \"a..b\": [1], \"sweep.replications\": [2], x: [] }, replications: 0, repeat: 2 } }"), [
            "test.json5:1:66: sweep.vary[\"seed\"]: expected a non-empty array of values such as [\"5m\", \"10m\"], found 1",
            "test.json5:1:69: sweep.vary[\"a..b\"]: expected a key path such as \"populations.iphone.heartbeat.fixed\", found \"a..b\"",
            "test.json5:1:82: sweep.vary[\"sweep.replications\"]: a sweep cannot vary its own sweep block",
            "test.json5:1:112: sweep.vary[\"x\"]: expected a non-empty array of values such as [\"5m\", \"10m\"], found an empty array",
            "test.json5:1:132: sweep.replications: expected an integer of at least 1, found 0",
            "test.json5:1:135: sweep.repeat: unknown key \"repeat\"; known keys: vary, replications",
        ])
        XCTAssertEqual(problems("{ populations: [{ name: \"a\", count: 1 }], sweep: { vary: [\"seed\"] } }"), [
            "test.json5:1:58: sweep.vary: expected an object of key paths and values such as { \"populations.iphone.count\": [100, 200] }, found an array",
        ])
    }

    func testCommandLineAxis() throws {
        let axis = try SweepAxis(parsing: "populations.iphone.heartbeat.fixed=5m,10m,15m")
        XCTAssertEqual(axis.keyPath, "populations.iphone.heartbeat.fixed")
        XCTAssertEqual(axis.values, [.string("5m"), .string("10m"), .string("15m")])
        let bounds = try SweepAxis(parsing: "server.heartbeatBounds=[\"30s\", \"15m\"],['1m','10m'],\"a,b\"")
        XCTAssertEqual(bounds.values.map(\.displayText), ["[\"30s\",\"15m\"]", "[\"1m\",\"10m\"]", "a,b"])
        XCTAssertEqual(try SweepAxis(parsing: "server.threads=40,600").values.map(\.displayText), ["40", "600"])
        XCTAssertThrowsError(try SweepAxis(parsing: "server.threads=40,,600")) { error in
            XCTAssertEqual("\(error)", "--vary server.threads=40,,600: server.threads: expected values separated by commas, such as 5m,10m,15m, found an empty value")
        }
        XCTAssertThrowsError(try SweepAxis(parsing: "server.threads")) { error in
            XCTAssertEqual("\(error)", "--vary server.threads: expected key.path=value, found no \"=\"")
        }
    }
}

private extension SweepAxis {
    /// The same axis with the values' nodes as the parser located them in `text`, for `==`.
    func withLocations(of text: String) -> SweepAxis {
        let parsed = try? JSON5.parse(text)
        let nodes = parsed?["sweep"]?["vary"]?[keyPath]?.value.arrayElements ?? []
        return SweepAxis(keyPath: keyPath, values: nodes.map(\.value))
    }
}
