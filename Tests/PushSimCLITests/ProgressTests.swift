import Foundation
import XCTest
@testable import PushSimCLI

/// Issue 16: progress where nobody watches a terminal is a plain line every 10 s and a final
/// line; `--progress` chooses; `--quiet` is silent.
final class ProgressTests: XCTestCase {
    let quickstart = repositoryRoot + "/Scenarios/quickstart.json5"
    let short = ["--set", "duration=3h", "--set", "warmup=1h", "--set", "populations.iphone.count=20"]

    func testALogGetsPlainLinesAndAFinalLine() {
        let folder = temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The tests' console is not a terminal, as under Slurm or with 2> run.log.
        let r = PushSimCommand.main(["run", quickstart] + short + ["--out", folder + "/a"], console: capture())
        XCTAssertEqual(r, 0)
        let err = lastErr
        XCTAssertFalse(err.contains("\u{1B}") || err.contains("\r"), err)
        let finals = err.split(separator: "\n").filter { $0.contains("done: runs 1/1 · simulated 3h 0m · ") && $0.hasSuffix("events/s") }
        XCTAssertEqual(finals.count, 1, err)
        XCTAssertTrue(err.hasPrefix("pushsim ["), err)
    }

    func testPlainLinesComeEveryIntervalWithoutEscapes() {
        let captured = Captured()
        let line = ProgressLine(captured.console, mode: .plain, plainInterval: 0)
        line.sink.itemFinished(1, 3, 1000, 3600)
        line.sink.itemFinished(2, 3, 1000, 3600)
        line.sink.itemFinished(3, 3, 1000, 3600)
        line.finish()
        let lines = captured.err.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, captured.err)
        XCTAssertTrue(lines[0].contains("runs 1/3 · simulated 1h 0m · "), String(lines[0]))
        XCTAssertTrue(lines[0].contains(" events/s · ETA "), String(lines[0]))
        XCTAssertTrue(lines[2].contains("done: runs 3/3 · simulated 3h 0m"), String(lines[2]))
        // At the default interval of 10 s nothing is printed until the final line.
        let quiet = Captured()
        let slow = ProgressLine(quiet.console, mode: .plain)
        slow.sink.itemFinished(1, 3, 1000, 3600)
        XCTAssertEqual(quiet.err, "")
    }

    func testProgressOptionAndQuiet() {
        let folder = temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let none = pushsim("run", quickstart, short[0], short[1], short[2], short[3], short[4], short[5], "--progress", "none", "--out", folder + "/n")
        XCTAssertEqual(none.status, 0)
        XCTAssertEqual(none.err, "")
        let quiet = pushsim("sweep", quickstart, short[0], short[1], short[2], short[3], short[4], short[5],
                            "--vary", "server.threads=30,40", "--progress", "plain", "--quiet", "--out", folder + "/q")
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.err, "")
        let bar = pushsim("sweep", quickstart, short[0], short[1], short[2], short[3], short[4], short[5],
                          "--vary", "server.threads=30,40", "--progress", "bar", "--out", folder + "/b")
        XCTAssertEqual(bar.status, 0)
        XCTAssertTrue(bar.err.contains("\r\u{1B}[2Kruns 2/2"), bar.err)
        let wrong = pushsim("run", quickstart, "--progress", "fancy")
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.err.contains("--progress expects plain, bar or none, found \"fancy\""), wrong.err)
    }

    func testADebugBuildSaysSoForBenchmarks() {
        let r = pushsim("bench", "model", "--devices", "10")
        XCTAssertEqual(r.status, 0)
        #if DEBUG
        XCTAssertEqual(r.err.components(separatedBy: "debug build").count, 2, r.err)
        #else
        XCTAssertFalse(r.err.contains("debug build"))
        #endif
        // Small work says nothing of it.
        XCTAssertFalse(pushsim("run", quickstart, short[0], short[1], short[2], short[3], short[4], short[5], "--out",
                               temporaryFolder("small")).err.contains("debug build"))
    }

    /// `bench access-log FILE`: a line for the run without a log, then one per format, with
    /// the log's size and the ratio to the plain run; no FILE is a usage error.
    func testBenchAccessLogPrintsEveryFormat() {
        // A day of 50 iPhones: some 17,000 lines, megabytes of log in every format.
        let r = pushsim("bench", "access-log", quickstart, "--set", "duration=1d", "--set", "populations.iphone.count=50", "--repetitions", "1")
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.map { $0.split(separator: " ")[1] }, ["format=none", "format=iis", "format=apache", "format=nginx", "format=domino", "format=zpush"])
        XCTAssertTrue(lines[0].contains("mb=0.0 ") && lines[0].hasSuffix("ratio=1.00"), String(lines[0]))
        for line in lines.dropFirst() { XCTAssertFalse(line.contains("mb=0.0 "), "a log was written: \(line)") }
        let missing = pushsim("bench", "access-log")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("bench access-log expects one scenario FILE"), missing.err)
        let typo = pushsim("bench", "acess-log")
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.err.contains("did you mean `access-log`?"), typo.err)
    }

    private var captured = Captured()
    private func capture() -> Console {
        captured = Captured()
        return captured.console
    }
    private var lastErr: String { captured.err }
}
