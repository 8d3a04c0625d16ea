import Foundation
import XCTest
@testable import PushSimCLI

final class CommandTests: XCTestCase {
    func testHelpTeachesEveryCommand() {
        let overview = pushsim("--help")
        XCTAssertEqual(overview.status, 0)
        for name in ["run", "validate", "sweep", "merge", "report", "bench"] {
            XCTAssertTrue(overview.out.contains("  \(name)"), name)
            let help = pushsim(name, "--help")
            XCTAssertEqual(help.status, 0, name)
            XCTAssertTrue(help.out.contains("USAGE: pushsim \(name)"), name)
            XCTAssertTrue(help.out.contains("pushsim \(name) ") || name == "bench" && help.out.contains("bench engine"), "an example for \(name)")
        }
        XCTAssertEqual(pushsim("help", "sweep").out, pushsim("sweep", "--help").out)
    }

    func testUnknownCommandsAndOptionsExitTwo() {
        let r = pushsim("rnu", "x")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("did you mean \"run\""), r.err)
        let o = pushsim("run", "Scenarios/quickstart.json5", "--sede", "1")
        XCTAssertEqual(o.status, 2)
        XCTAssertTrue(o.err.contains("did you mean --seed"), o.err)
        XCTAssertEqual(pushsim().status, 2)
    }

    func testValidateReportsLocatedProblemsAndExitsTwo() throws {
        let folder = temporaryFolder("validate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/bad.json5"
        try """
        {
          name: "bad",
          populations: [
            { name: "iphone", count: 10, heartbaet: { fixed: "15m" } },
          ],
          server: { threads: 0 },
        }
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let r = pushsim("validate", bad, repositoryRoot + "/Scenarios/quickstart.json5")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("bad.json5:4:34: populations.iphone.heartbaet"), r.err)
        XCTAssertTrue(r.err.contains("did you mean \"heartbeat\""), r.err)
        XCTAssertTrue(r.err.contains("bad.json5:6:22: server.threads"), r.err)
        XCTAssertTrue(r.out.contains("quickstart.json5: ok"), r.out)
        XCTAssertEqual(pushsim("validate", repositoryRoot + "/Scenarios/quickstart.json5").status, 0)
        XCTAssertEqual(pushsim("validate", folder + "/missing.json5").status, 2)
    }

    func testRunWritesEveryOutputFile() throws {
        let out = temporaryFolder("run")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = pushsim("run", repositoryRoot + "/Scenarios/quickstart.json5", "--set", "duration=6h",
                        "--set", "populations.iphone.count=50", "--out", out, "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        for file in ["summary.json", "timeseries.csv", "report.html", "run.json"] {
            XCTAssertNotNil(read(out + "/" + file), file)
        }
        XCTAssertTrue(r.out.contains("409 share"), r.out)
        XCTAssertTrue(read(out + "/summary.json")!.contains("\"devices\": 50"))
        let again = temporaryFolder("run2")
        defer { try? FileManager.default.removeItem(atPath: again) }
        _ = pushsim("run", repositoryRoot + "/Scenarios/quickstart.json5", "--set", "duration=6h",
                    "--set", "populations.iphone.count=50", "--out", again, "--quiet")
        XCTAssertEqual(read(out + "/summary.json"), read(again + "/summary.json"), "byte-identical summaries")
        XCTAssertEqual(read(out + "/report.html"), read(again + "/report.html"))
    }

    func testRunWithReplicationsWritesEachAndTheTable() throws {
        let out = temporaryFolder("reps")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = pushsim("run", repositoryRoot + "/Scenarios/quickstart.json5", "--set", "duration=3h",
                        "--set", "populations.iphone.count=30", "--replications", "3", "--jobs", "2", "--out", out, "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        for k in 0..<3 { XCTAssertNotNil(read("\(out)/replications/r\(k)/summary.json")) }
        let csv = try XCTUnwrap(read(out + "/replications.csv"))
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 3)
        XCTAssertEqual(try XCTUnwrap(read(out + "/replications-summary.csv")).split(separator: "\n").count, 2)
        XCTAssertEqual(read(out + "/summary.json"), read(out + "/replications/r0/summary.json"))
        // A labelled row per replication, then the mean ± 95 % of their 409 shares.
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("replication ") }.count, 3, r.out)
        let shares = try lines.filter { $0.hasPrefix("replication ") }.map { line -> Double in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            return try XCTUnwrap(Double(cells[2]))
        }
        let mean = try XCTUnwrap(lines.first { $0.hasPrefix("mean ± 95 %") })
        XCTAssertTrue(mean.contains(String(format: "%.1f ± ", shares.reduce(0, +) / 3)), mean)
    }

    /// The rebuilt report is the one `run` wrote, the scenario's description included
    /// (it comes from run.json: summary.json does not carry it).
    func testReportRebuildsTheSameReport() throws {
        let out = temporaryFolder("report")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = pushsim("run", repositoryRoot + "/Scenarios/domino-40-threads.json5", "--set", "duration=3h",
                        "--set", "populations.iphone.count=30", "--set", "populations.android.count=10",
                        "--out", out, "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        let original = try XCTUnwrap(read(out + "/report.html"))
        XCTAssertTrue(original.contains("Domino&#39;s default 40 HTTP threads"), "the description is in the report")
        try FileManager.default.removeItem(atPath: out + "/report.html")
        XCTAssertEqual(pushsim("report", out).status, 0)
        XCTAssertEqual(read(out + "/report.html"), original)
        XCTAssertEqual(pushsim("report", out + "/nothing").status, 2)
    }
}
