import Foundation
import XCTest
@testable import PushSimCLI

/// Issue 13: `pushsim size` agrees with a brute-force sweep of the same seeds, resumes
/// without redoing anything, reports non-monotone evaluations, and refuses bad input
/// before running anything.
final class SizeCommandTests: XCTestCase {
    /// 30 iPhones on one server for 3 hours: a run takes milliseconds.
    func writeScenario(in folder: String, threads: Int = 100, count: Int = 30) -> String {
        let path = folder + "/fleet.json5"
        try? """
        {
          name: "fleet",
          seed: 5,
          duration: "3h",
          warmup: "30m",
          server: { threads: \(threads) },
          populations: [{ name: "iphone", count: \(count) }],
        }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func sizeJSON(_ folder: String) throws -> [String: Any] {
        let text = try XCTUnwrap(read(folder + "/size.json"), "no size.json in \(folder)")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The `mean` rows of sweep.csv: value of the varied parameter → metric → mean.
    func sweepMeans(_ folder: String, metrics: [String]) throws -> [(value: Int, means: [String: Double])] {
        let lines = try XCTUnwrap(read(folder + "/sweep-summary.csv")).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let columns = metrics.map { m in header.firstIndex(of: m + ".mean")! }
        // point, replications, then the varied parameter's numeric column.
        return lines.dropFirst().map { row in
            (Int(row[2])!, Dictionary(uniqueKeysWithValues: zip(metrics, columns.map { Double(row[$0]) ?? .nan })))
        }
    }

    /// Smallest threads meeting two targets, then every value from 1 to one past the answer
    /// swept with the same seeds: the first value whose means meet both is the answer, and
    /// the runs at the answer are byte for byte the sweep's.
    func testSmallestThreadsAgreeWithABruteForceSweep() throws {
        let folder = temporaryFolder("size-threads")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder)
        let r = pushsim("size", file, "--find", "server.threads", "--target", "threads.fullFraction <= 0.01",
                        "--target", "pushLatency.p95 <= 60", "--replications", "2", "--jobs", "2", "--out", folder + "/size", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        let json = try sizeJSON(folder + "/size")
        let answer = try XCTUnwrap(json["answer"] as? Double)
        XCTAssertTrue(r.out.hasPrefix("server.threads = \(Int(answer)) — smallest meeting 2 targets ("), r.out)
        let next = try XCTUnwrap((json["nextValue"] as? [String: Any])?["value"] as? Double)
        XCTAssertEqual(next, answer - 1)
        let rules = try XCTUnwrap(json["ruleOfThumb"] as? [[String: Any]])
        XCTAssertEqual(rules.first?["value"] as? Double, 36, "1.2 × 30 devices, not 37 from 1.2's binary rounding")

        let values = (1...Int(answer) + 1).map(String.init).joined(separator: ",")
        let s = pushsim("sweep", file, "--vary", "server.threads=\(values)", "--replications", "2", "--out", folder + "/sweep", "--quiet")
        XCTAssertEqual(s.status, 0, s.err)
        let means = try sweepMeans(folder + "/sweep", metrics: ["threads.fullFraction", "pushLatency.p95"])
        let meeting = means.filter { $0.means["threads.fullFraction"]! <= 0.01 && $0.means["pushLatency.p95"]! <= 60 }.map(\.value)
        XCTAssertEqual(meeting.first, Int(answer), "brute force: \(means)")
        XCTAssertFalse(meeting.contains(Int(next)))
        // The same runs: the sweep point whose point.json names the answer holds the same bytes.
        let pointsFolder = folder + "/sweep/points"
        let sweepPoint = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: pointsFolder).first { name in
            read("\(pointsFolder)/\(name)/point.json")?.contains("\"server.threads\": \"\(Int(answer))\"") == true
        }, "no sweep point for \(Int(answer))")
        for r in 0..<2 {
            XCTAssertEqual(read("\(folder)/size/points/\(Int(answer))/r\(r)/summary.json"),
                           read("\(pointsFolder)/\(sweepPoint)/r\(r)/summary.json"))
        }
    }

    /// Largest device count on 20 threads, against a sweep of every count up to one past it.
    func testLargestDeviceCountAgreesWithABruteForceSweep() throws {
        let folder = temporaryFolder("size-devices")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder, threads: 20)
        let r = pushsim("size", file, "--find", "populations.iphone.count", "--largest", "--range", "1..100",
                        "--target", "threads.fullFraction <= 0.01", "--replications", "2", "--out", folder + "/size", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        let json = try sizeJSON(folder + "/size")
        let answer = Int(try XCTUnwrap(json["answer"] as? Double))
        let next = Int(try XCTUnwrap((json["nextValue"] as? [String: Any])?["value"] as? Double))
        XCTAssertEqual(next, answer + 1)
        XCTAssertTrue(r.out.hasPrefix("populations.iphone.count = \(answer) — largest meeting 1 target (\(next): threads.fullFraction "), r.out)
        let values = (1...answer + 1).map(String.init).joined(separator: ",")
        XCTAssertEqual(pushsim("sweep", file, "--vary", "populations.iphone.count=\(values)", "--replications", "2",
                               "--out", folder + "/sweep", "--quiet").status, 0)
        let means = try sweepMeans(folder + "/sweep", metrics: ["threads.fullFraction"])
        let meeting = means.filter { $0.means["threads.fullFraction"]! <= 0.01 }.map(\.value)
        XCTAssertEqual(meeting.last, answer, "brute force: \(means)")
        XCTAssertFalse(meeting.contains(next))
        let rules = try XCTUnwrap(json["ruleOfThumb"] as? [[String: Any]])
        XCTAssertEqual(rules.first?["value"] as? Double, 16, "20 threads ÷ 1.2 = 16 devices")
    }

    /// A second invocation runs nothing and writes the same size.json; after losing the
    /// result files and one value's runs (an interrupted search), only those runs are redone.
    func testResumingRedoesNothing() throws {
        let folder = temporaryFolder("size-resume")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder)
        let args = ["size", file, "--find", "server.threads", "--target", "threads.fullFraction <= 0.01", "--out", folder + "/o"]
        let first = PushSimCommand.main(args, console: Captured().console)
        XCTAssertEqual(first, 0)
        let reference = try XCTUnwrap(read(folder + "/o/size.json"))
        let again = Captured()
        XCTAssertEqual(PushSimCommand.main(args, console: again.console), 0)
        XCTAssertTrue(again.err.contains("(0 runs now"), again.err)
        XCTAssertEqual(read(folder + "/o/size.json"), reference)

        let json = try sizeJSON(folder + "/o")
        let answer = Int(try XCTUnwrap(json["answer"] as? Double))
        try FileManager.default.removeItem(atPath: folder + "/o/size.json")
        try FileManager.default.removeItem(atPath: "\(folder)/o/points/\(answer)")
        let resumed = Captured()
        XCTAssertEqual(PushSimCommand.main(args, console: resumed.console), 0)
        XCTAssertTrue(resumed.err.contains("(3 runs now"), "only the 3 replications of \(answer) again: \(resumed.err)")
        XCTAssertEqual(read(folder + "/o/size.json"), reference)

        // Other targets reuse the runs too.
        let other = Captured()
        XCTAssertEqual(PushSimCommand.main(Array(args.dropLast(2)) + ["--target", "threads.fullFraction <= 0.5", "--out", folder + "/o"],
                                           console: other.console), 0)
        XCTAssertTrue(other.out.contains("server.threads = "), other.out)
    }

    /// Targets met only inside a band of values: the search sees a value that meets below
    /// one that fails, says so, and scans between them.
    func testNonMonotoneEvaluationsAreReported() throws {
        let folder = temporaryFolder("size-band")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder, count: 5)
        let r = pushsim("size", file, "--find", "server.threads", "--range", "1..40", "--jobs", "4", "--replications", "1",
                        "--target", "threads.capacity >= 3", "--target", "threads.capacity <= 6", "--out", folder + "/o", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("server.threads = 3 — smallest meeting 2 targets (2: threads.capacity 2 < 3)"), r.out)
        XCTAssertTrue(r.out.contains("not monotone"), r.out)
        let json = try sizeJSON(folder + "/o")
        XCTAssertEqual(json["monotone"] as? Bool, false)
        let contradictions = try XCTUnwrap(json["contradictions"] as? [[String: Any]])
        XCTAssertTrue(contradictions.contains { $0["fails"] as? String == "8" }, "\(contradictions)")
        let values = Set(((json["points"] as? [[String: Any]]) ?? []).compactMap { $0["value"] as? Double })
        XCTAssertTrue(Set((3...8).map(Double.init)).isSubset(of: values), "the bracket 3…8 is scanned: \(values.sorted())")
        let report = try XCTUnwrap(read(folder + "/o/report.html"))
        XCTAssertTrue(report.contains("not monotone"))
    }

    func testNoValueMeetsExitsOneWithTheClosestValue() throws {
        let folder = temporaryFolder("size-none")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder)
        let r = pushsim("size", file, "--find", "server.threads", "--range", "1..10", "--replications", "1",
                        "--target", "threads.fullFraction <= 0.01", "--out", folder + "/o", "--quiet")
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.hasPrefix("No value of server.threads in 1..10 meets the target; the closest is "), r.err)
        XCTAssertTrue(r.err.contains("threads.fullFraction ") && r.err.contains(" from <= 0.01."), r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertNil(try sizeJSON(folder + "/o")["answer"] as? Double)
    }

    /// A search that climbs (a target no count meets) stops with a sentence before the round
    /// whose largest value would not fit in `--max-memory`: exit 2, the smaller values run
    /// and kept, none at or above the refused one, no size.json.
    func testASearchThatClimbsOutOfMemoryStopsBeforeRunning() throws {
        let folder = temporaryFolder("size-memory")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder)
        let out = folder + "/o"
        let r = pushsim("size", file, "--find", "populations.iphone.count", "--replications", "1", "--jobs", "1",
                        "--target", "threads.fullFraction >= 2", "--max-memory", "30M", "--out", out, "--quiet")
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("the search stopped before running it"), r.err)
        XCTAssertTrue(r.err.contains("--max-memory is 30 MiB"), r.err)
        let refused = try XCTUnwrap(r.err.components(separatedBy: "populations.iphone.count = ").dropFirst().first?
            .prefix { $0.isNumber }).description
        let ran = try FileManager.default.contentsOfDirectory(atPath: out + "/points").compactMap(Int.init)
        XCTAssertFalse(ran.isEmpty, "the values that fit were run")
        XCTAssertTrue(ran.allSatisfy { $0 < Int(refused)! }, "\(ran) against \(refused)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/size.json"))
    }

    func testBadInputIsRefusedBeforeAnythingRuns() throws {
        let folder = temporaryFolder("size-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder)
        let out = folder + "/o"
        func refused(_ extra: [String], _ expected: String, line: UInt = #line) {
            let args = ["size", file, "--out", out] + extra
            let captured = Captured()
            XCTAssertEqual(PushSimCommand.main(args, console: captured.console), 2, captured.err, line: line)
            XCTAssertTrue(captured.err.contains(expected), captured.err, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/points"), "nothing may run", line: line)
        }
        let t = ["--target", "threads.fullFraction <= 0.01"]
        refused(["--find", "server.threads", "--target", "pushLatncy.p95 <= 60"],
                "--target \"pushLatncy.p95 <= 60\": unknown metric \"pushLatncy.p95\" in summary.json; did you mean \"pushLatency.p95\"?")
        refused(["--find", "server.threads", "--target", "populations.iphon.battery.percentPerDay <= 5"], "did you mean \"populations.iphone.battery.percentPerDay\"?")
        refused(["--find", "server.thread"] + t, "--find server.thread: server.thread: unknown key \"thread\"; did you mean \"threads\"?")
        refused(["--find", "populations.ipone.count"] + t, "no population named \"ipone\"; did you mean \"iphone\"?")
        refused(["--find", "server.onNewerRequest"] + t, "--find server.onNewerRequest")
        refused(["--find", "server.threads", "--target", "threads.fullFraction 0.01"], "found no operator")
        refused(["--find", "server.threads", "--target", "threads.fullFraction <= lots"], "expected a number or a duration")
        refused(["--find", "server.threads", "--range", "10..1"] + t, "--range 10..1: expected LO..HI")
        refused(["--find", "server.threads", "--range", "0..10"] + t, "--find server.threads=0: server.threads: expected an integer of at least 1, found 0")
        refused(["--find", "server.queueLimit"] + t, "give --range LO..HI")
        refused(["--find", "server.threads", "--smallest", "--largest"] + t, "not both")
        refused(t, "--find")
    }

    /// A heartbeat's default range stops at the server's upper bound (15m by default).
    func testAHeartbeatRangeStopsAtTheServersBounds() throws {
        let folder = temporaryFolder("size-heartbeat")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeScenario(in: folder, count: 10)
        let r = pushsim("size", file, "--find", "populations.iphone.heartbeat.fixed", "--largest", "--resolution", "5m",
                        "--replications", "1", "--target", "pings.total >= 0", "--out", folder + "/o")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("clamped to the server's heartbeat bounds 30s…15m"), r.err)
        XCTAssertTrue(r.out.hasPrefix("populations.iphone.heartbeat.fixed = 15m — largest meeting 1 target (15m is the top of the range)"), r.out)
        XCTAssertEqual((try sizeJSON(folder + "/o")["range"] as? [String: Any])?["high"] as? Double, 900)
    }
}
