import Foundation
import XCTest
@testable import PushSimCLI

/// MODEL.md §5 and issue 4: a sweep's results do not depend on threads, shards or
/// interruptions.
final class SweepCommandTests: XCTestCase {
    func testJobsAndShardsGiveTheSameSweepCSV() throws {
        let folder = temporaryFolder("sweep")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeSmallSweepFile(in: folder)
        XCTAssertEqual(pushsim("sweep", file, "--jobs", "1", "--out", folder + "/one", "--quiet").status, 0)
        XCTAssertEqual(pushsim("sweep", file, "--jobs", "2", "--out", folder + "/two", "--quiet").status, 0)
        let reference = try XCTUnwrap(read(folder + "/one/sweep.csv"))
        XCTAssertEqual(reference.split(separator: "\n").count, 1 + 3 * 2)
        let summary = try XCTUnwrap(read(folder + "/one/sweep-summary.csv"))
        XCTAssertEqual(summary.split(separator: "\n").count, 1 + 3)
        XCTAssertEqual(read(folder + "/two/sweep.csv"), reference)

        let s1 = pushsim("sweep", file, "--shard", "1/2", "--out", folder + "/s1", "--quiet")
        XCTAssertEqual(s1.status, 0, s1.err)
        XCTAssertTrue(s1.out.contains("Not complete"), s1.out)
        XCTAssertNil(read(folder + "/s1/sweep.csv"))
        XCTAssertEqual(pushsim("sweep", file, "--shard", "2/2", "--out", folder + "/s2", "--quiet").status, 0)
        let m = pushsim("merge", folder + "/s1", folder + "/s2", "--out", folder + "/merged")
        XCTAssertEqual(m.status, 0, m.err)
        XCTAssertEqual(read(folder + "/merged/sweep.csv"), reference)
        XCTAssertEqual(read(folder + "/merged/sweep-summary.csv"), summary)
        XCTAssertEqual(read(folder + "/merged/report.html"), read(folder + "/one/report.html"))
    }

    /// The same with every shard as its own process, as a job array would run them.
    func testShardsAsSeparateProcessesMergeToTheSameBytes() throws {
        let folder = temporaryFolder("procs")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeSmallSweepFile(in: folder)
        XCTAssertEqual(pushsim("sweep", file, "--out", folder + "/one", "--quiet").status, 0)
        let shards = try (1...3).map { try runProcess(["sweep", file, "--shard", "\($0)/3", "--out", "\(folder)/p\($0)", "--quiet"], wait: false) }
        for p in shards { p.waitUntilExit(); XCTAssertEqual(p.terminationStatus, 0) }
        let merge = try runProcess(["merge", folder + "/p1", folder + "/p2", folder + "/p3", "--out", folder + "/p1"])
        XCTAssertEqual(merge.terminationStatus, 0)
        XCTAssertEqual(read(folder + "/p1/sweep.csv"), read(folder + "/one/sweep.csv"))
    }

    /// Kill a sweep while it runs, rerun it: the same sweep.csv as an uninterrupted run,
    /// and the finished runs are not redone.
    func testAKilledSweepResumesToTheSameResult() throws {
        let folder = temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeSmallSweepFile(in: folder)
        XCTAssertEqual(pushsim("sweep", file, "--out", folder + "/whole", "--quiet").status, 0)
        // Interrupt after the first finished run.
        let process = try runProcess(["sweep", file, "--jobs", "1", "--out", folder + "/cut", "--quiet"], wait: false)
        let deadline = Date().addingTimeInterval(120)
        var finished: [String] = []
        while Date() < deadline && process.isRunning {
            finished = (FileManager.default.enumerator(atPath: folder + "/cut")?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix("summary.json") }
            if !finished.isEmpty { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertNil(read(folder + "/cut/sweep.csv"), "killed before the end")
        let before = Set(finished)
        let kept = try before.map { ($0, try XCTUnwrap(read(folder + "/cut/" + $0))) }
        let r = pushsim("sweep", file, "--out", folder + "/cut", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("already done"), r.out)
        XCTAssertEqual(read(folder + "/cut/sweep.csv"), read(folder + "/whole/sweep.csv"))
        for (path, text) in kept { XCTAssertEqual(read(folder + "/cut/" + path), text, "\(path) was rewritten") }
    }

    func testAFolderOfAnotherSweepIsRefused() throws {
        let folder = temporaryFolder("other")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeSmallSweepFile(in: folder)
        XCTAssertEqual(pushsim("sweep", file, "--shard", "1/3", "--out", folder + "/o", "--quiet").status, 0)
        let r = pushsim("sweep", file, "--replications", "3", "--out", folder + "/o", "--quiet")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("different sweep"), r.err)
    }

    func testBadSweepValuesAreRefusedBeforeAnythingRuns() throws {
        let folder = temporaryFolder("badvary")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeSmallSweepFile(in: folder)
        let r = pushsim("sweep", file, "--vary", "populations.iphone.heartbeat.fixed=5m,15", "--out", folder + "/o", "--quiet")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("heartbeat.fixed"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/o/sweep.json"))
        XCTAssertEqual(pushsim("sweep", repositoryRoot + "/Scenarios/quickstart.json5", "--out", folder + "/q").status, 2,
                       "nothing to vary")
    }
}
