import Foundation
import PushSim
import ScenarioFile
import XCTest
@testable import Experiments

/// Every scenario in Scenarios/ validates, runs, and reproduces its checked-in result in
/// Results/ byte for byte (summary.json; sweep.csv and sweep-summary.csv for a sweep file). A model change that
/// moves these figures must regenerate them on purpose:
///   swift run -c release pushsim run Scenarios/<file>
///   swift run -c release pushsim sweep Scenarios/<sweep file>     (after removing its folder)
/// and say in the change which behaviour moved them and why the new figures are right.
final class ResultsRegressionTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    var scenarioFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Self.root + "/Scenarios")) ?? [])
            .filter { $0.hasSuffix(".json5") }.sorted().map { Self.root + "/Scenarios/" + $0 }
    }

    func testEveryScenarioReproducesItsCheckedInResult() throws {
        XCTAssertGreaterThanOrEqual(scenarioFiles.count, 9)
        for file in scenarioFiles {
            let loaded: LoadedScenario
            do { loaded = try ScenarioLoader.load(file: file) } catch {
                XCTFail("\(file) does not load:\n\(error)")
                continue
            }
            let name = loaded.scenario.name
            let folder = Self.root + "/Results/" + name
            if loaded.sweep != nil {
                try checkSweep(loaded, file: file, folder: folder)
                continue
            }
            let expected = try XCTUnwrap(AtomicFile.read(folder + "/summary.json"), "missing Results/\(name)/summary.json")
            let actual = try Simulation.run(loaded.scenario, jobs: 2).summary.jsonText
            if actual != expected {
                XCTFail("Results/\(name)/summary.json no longer matches a run of \(file): \(firstDifference(expected, actual)). "
                        + "If a model change moved it on purpose, regenerate it and explain why in the change.")
            }
        }
    }

    func checkSweep(_ loaded: LoadedScenario, file: String, folder: String) throws {
        let text = try XCTUnwrap(AtomicFile.read(file))
        let sweep = try XCTUnwrap(loaded.sweep)
        let parameters = sweep.vary.map(SweepParameter.init)
        let plan = SweepRunner.plan(text: text, overrides: [], loaded: loaded, parameters: parameters, replications: sweep.replications)
        let out = NSTemporaryDirectory() + "regression-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let outcome = try SweepRunner.run(plan, text: text, file: file, overrides: [], folder: out, jobs: 2)
        XCTAssertTrue(outcome.complete)
        for table in ["sweep.csv", "sweep-summary.csv"] {
            let expected = try XCTUnwrap(AtomicFile.read(folder + "/" + table), "missing \(folder)/\(table)")
            let actual = try XCTUnwrap(AtomicFile.read(out + "/" + table))
            if actual != expected {
                XCTFail("\(folder)/\(table) no longer matches a sweep of \(file): \(firstDifference(expected, actual))")
            }
        }
    }

    func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "line \(i + 1): expected \(i < x.count ? String(x[i]) : "nothing"), found \(i < y.count ? String(y[i]) : "nothing")"
        }
        return "no difference"
    }
}
