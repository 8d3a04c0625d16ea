import Foundation
@testable import ScenarioFile
import XCTest

/// Every scenario file that ships with the project loads without a problem.
final class ScenarioFolderTests: XCTestCase {
    func testEveryShippedScenarioLoads() throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = [packageRoot.appendingPathComponent("Scenarios").path, "/work/main/Scenarios"]
        var checked = Set<String>()
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".json5") && checked.insert(name).inserted {
                let path = (folder as NSString).appendingPathComponent(name)
                do {
                    let loaded = try ScenarioLoader.load(file: path)
                    XCTAssertFalse(loaded.scenario.populations.isEmpty, path)
                } catch {
                    XCTFail("\(error)")
                }
            }
        }
        if checked.isEmpty { throw XCTSkip("no scenario files yet") }
    }
}
