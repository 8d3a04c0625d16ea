import Foundation
import XCTest
@testable import PushSimCLI

/// Issue 13, "sweeps recommend honestly": what the server used, --best, the validate
/// warning, and one --vary per parameter.
final class SweepBestCommandTests: XCTestCase {
    func writeFile(_ folder: String, _ text: String) -> String {
        let path = folder + "/s.json5"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    let small = """
    { name: "s", seed: 4, duration: "2h", warmup: "30m", server: { threads: 50 },
      populations: [{ name: "iphone", count: 10, firewall: { idleTimeout: "none" } }] }
    """

    func testAHeartbeatBeyondTheBoundIsShownAsClampedAndNotChosen() throws {
        let folder = temporaryFolder("clamp")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeFile(folder, small)
        let r = pushsim("sweep", file, "--vary", "populations.iphone.heartbeat.fixed=10m,15m,30m,60m", "--out", folder + "/o", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        let page = try XCTUnwrap(read(folder + "/o/report.html"))
        XCTAssertTrue(page.contains("30m (clamped to 15m by the server)"), "the devices ended on the server's 15m")
        XCTAssertTrue(page.contains("60m (clamped to 15m by the server)"))
        XCTAssertFalse(page.contains("best: 30m") || page.contains("best: 60m"))
        XCTAssertTrue(page.contains("Rule for the best point (the default for a heartbeat)"))
    }

    func testBestTargetsAreValidatedKeptAndStated() throws {
        let folder = temporaryFolder("best")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeFile(folder, small)
        let bad = pushsim("sweep", file, "--vary", "server.threads=5,20", "--best", "threads.fullFracton <= 0.01", "--out", folder + "/o")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("--best \"threads.fullFracton <= 0.01\": unknown metric \"threads.fullFracton\" in summary.json; did you mean \"threads.fullFraction\"?"), bad.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/o/points"))
        XCTAssertEqual(pushsim("sweep", file, "--vary", "server.threads=5,20", "--prefer", "largest", "--out", folder + "/o").status, 2,
                       "--prefer needs --best")

        let r = pushsim("sweep", file, "--vary", "server.threads=5,20,40", "--best", "populations.iphone.pushLatency.p95 <= 60",
                        "--prefer", "largest", "--out", folder + "/o", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        let page = try XCTUnwrap(read(folder + "/o/report.html"))
        XCTAssertTrue(page.contains("Rule for the best point (--best): the largest value"), "stated on the page")
        XCTAssertTrue(page.contains("best: 40"))
        // `pushsim report` rebuilds the same page from best.json.
        try FileManager.default.removeItem(atPath: folder + "/o/report.html")
        XCTAssertEqual(pushsim("report", folder + "/o").status, 0)
        XCTAssertEqual(read(folder + "/o/report.html"), page)
    }

    func testTheSameVaryKeyTwiceIsRefused() throws {
        let folder = temporaryFolder("twice")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeFile(folder, small)
        let r = pushsim("sweep", file, "--vary", "server.threads=5,20", "--vary", "server.threads=40", "--out", folder + "/o")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("--vary server.threads is varied twice"), r.err)
        let spelled = pushsim("sweep", file, "--vary", "populations.iphone.count=5", "--vary", "populations[0].count=6", "--out", folder + "/o")
        XCTAssertEqual(spelled.status, 2)
        XCTAssertTrue(spelled.err.contains("populations[0].count is the same parameter as populations.iphone.count"), spelled.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/o"))

        let block = writeFile(folder, """
        { populations: [{ name: "iphone", count: 10 }],
          sweep: { vary: { "populations.iphone.count": [1, 2],
                           "populations.0.count": [3] } } }
        """)
        let v = pushsim("validate", block)
        XCTAssertEqual(v.status, 2)
        XCTAssertTrue(v.err.contains("s.json5:3:20: sweep.vary[\"populations.0.count\"]: populations.0.count is the same parameter as populations.iphone.count"), v.err)
    }

    func testValidateWarnsAboutAHeartbeatOutsideTheServersBounds() {
        let folder = temporaryFolder("warn")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeFile(folder, """
        { server: { heartbeatBounds: ["1m", "20m"] },
          populations: [{ name: "iphone", count: 10, heartbeat: { fixed: "30m" } },
                        { name: "fast", count: 10, heartbeat: { fixed: "30s" } }] }
        """)
        let r = pushsim("validate", file)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains(": ok"), r.out)
        XCTAssertTrue(r.err.contains("s.json5:2:66: populations.iphone.heartbeat.fixed: warning: 30m is above the server's upper heartbeat bound (20m): it answers Status 5 and the devices use 20m"), r.err)
        XCTAssertTrue(r.err.contains("populations.fast.heartbeat.fixed: warning: 30s is below the server's lower heartbeat bound (1m)"), r.err)
    }
}
