import XCTest
@testable import PushSimCLI
import ScenarioFile

final class ArgumentsTests: XCTestCase {
    let options: [OptionSpec] = [.value("seed", "N", help: ""), .value("set", "k=v", help: "", repeatable: true), .flag("quiet", help: "")]

    func testValuesFlagsAndPositionals() throws {
        let a = try parseArguments(["f.json5", "--seed", "4", "--set=a.b=1", "--set", "c=2", "--quiet", "--", "--x"], options: options)
        XCTAssertEqual(a.positionals, ["f.json5", "--x"])
        XCTAssertEqual(a.value("seed"), "4")
        XCTAssertEqual(a.all("set"), ["a.b=1", "c=2"])
        XCTAssertTrue(a.has("quiet"))
    }

    func testMistakesAreExplained() {
        XCTAssertThrowsError(try parseArguments(["--sed", "4"], options: options)) {
            XCTAssertEqual(($0 as? UsageError)?.description, "unknown option --sed; did you mean --seed?")
        }
        XCTAssertThrowsError(try parseArguments(["--seed"], options: options)) {
            XCTAssertEqual(($0 as? UsageError)?.description, "--seed needs a value (N)")
        }
        XCTAssertThrowsError(try parseArguments(["--seed", "1", "--seed", "2"], options: options))
        XCTAssertThrowsError(try parseArguments(["--quiet=yes"], options: options))
        XCTAssertThrowsError(try parseArguments(["--seed", "x"], options: options).integer("seed", in: 0...9))
    }

    func testVaryValuesSplitAtTopLevelCommas() throws {
        let p = try parseVary("populations.iphone.heartbeat.fixed=5m, 10m,15m")
        XCTAssertEqual(p.labels, ["5m", "10m", "15m"])
        let q = try parseVary("populations.iphone.firewall.idleTimeout={choice: [[\"4m\", 1], [\"20m\", 1]]},\"30m\"")
        XCTAssertEqual(q.values.count, 2)
        XCTAssertEqual(try parseVary("server.threads=40,120").labels, ["40", "120"])
        // An escaped quote does not end a quoted value, so its comma does not split.
        XCTAssertEqual(try parseVary(#"populations.iphone.radio="x\",y",lte,3g"#).labels.count, 3)
        XCTAssertThrowsError(try parseVary("server.threads"))
        XCTAssertThrowsError(try parseVary("server.threads=40,,120")) {
            XCTAssertTrue("\($0)".contains("found an empty value"), "\($0)")
        }
    }

    func testMistypedWordsGetSuggestions() {
        XCTAssertEqual(Suggestions.closest(to: "sweap", among: ["run", "sweep", "merge"]), "sweep")
        XCTAssertEqual(Suggestions.closest(to: "replicatons", among: ["seed", "replications", "out"]), "replications")
        XCTAssertNil(Suggestions.closest(to: "zzz", among: ["run", "sweep"]))
    }
}
