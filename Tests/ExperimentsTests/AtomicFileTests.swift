import Foundation
import XCTest
@testable import Experiments

final class AtomicFileTests: XCTestCase {
    func testWritesWholeFilesAndLeavesNoTemporaries() throws {
        let folder = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("one", to: folder + "/a/b/c.txt")
        try AtomicFile.write("two", to: folder + "/a/b/c.txt")
        XCTAssertEqual(AtomicFile.read(folder + "/a/b/c.txt"), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b"), ["c.txt"])
    }

    func testParallelMapKeepsOrderAndRethrows() throws {
        struct Boom: Error {}
        XCTAssertEqual(try parallelMap(count: 100, jobs: 4) { $0 * $0 }, (0..<100).map { $0 * $0 })
        XCTAssertThrowsError(try parallelMap(count: 10, jobs: 3) { i -> Int in if i == 5 { throw Boom() }; return i })
    }
}
