import AccessLogs
import Foundation
import XCTest
@testable import PushSimCLI

/// `pushsim logs`: outputs, refusals with exit 2, standard input.
final class LogsCommandTests: XCTestCase {
    /// A small IIS log: two devices, Pings (one 409) and Syncs.
    func iisLog(_ folder: String) -> String {
        let w = AccessLogWriter(format: .iis)
        let t0: Int64 = 1_709_287_200_000_000
        var lines = w.header(start: t0)
        for k in 0..<20 {
            let start = t0 + Int64(k) * 400_000_000
            lines.append(w.line(AccessLogRecord(start: start, duration: 300_000_000, command: .ping, status: k % 4 == 0 ? 409 : 200,
                                                user: "alice", deviceID: "ApplAAA", deviceType: "iPhone", heartbeatSeconds: 300)))
            lines.append(w.line(AccessLogRecord(start: start + 300_000_000, duration: 150_000, command: .sync, status: 200,
                                                user: "bob", deviceID: "androidc1", deviceType: "Android")))
        }
        let path = folder + "/u_ex240301.log"
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }

    func testWritesEveryOutputAndPrintsTheSummary() throws {
        let folder = temporaryFolder("logs-cli")
        let log = iisLog(folder)
        let r = pushsim("logs", log, "--out", folder + "/out", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("format       iis: an IIS #Software: directive on line 1"), r.out)
        XCTAssertTrue(r.out.contains("Pings        20: 409 share 25.0%"), r.out)
        for name in ["logs.json", "devices.csv", "hourly.csv", "report.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/out/" + name), name)
        }
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out/logs.json"))) as? [String: Any])
        XCTAssertEqual(json["requests"] as? Int, 40)
        let pings = try XCTUnwrap(json["pings"] as? [String: Any])
        XCTAssertEqual(pings["share409"] as? Double, 0.25)
        XCTAssertEqual(pings["heartbeatSeconds"] as? Int, 300)
        let commands = try XCTUnwrap(json["commands"] as? [String: Any])
        let ping = try XCTUnwrap(commands["Ping"] as? [String: Any])
        XCTAssertEqual(ping["byStatus"] as? [String: Int], ["200": 15, "409": 5])
        XCTAssertEqual((json["hourly"] as? [Any])?.count, 24)
        let csv = try String(contentsOfFile: folder + "/out/devices.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains("alice,ApplAAA,iPhone,20,20,5,5,0.25,300,0,"), csv)
        // Same input, same bytes.
        XCTAssertEqual(pushsim("logs", log, "--out", folder + "/again", "--quiet").status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/out/logs.json")), try Data(contentsOf: URL(fileURLWithPath: folder + "/again/logs.json")))
    }

    func testAnonymizeHidesUsersAndDevicesStably() throws {
        let folder = temporaryFolder("logs-anon")
        let log = iisLog(folder)
        XCTAssertEqual(pushsim("logs", log, "--out", folder + "/a", "--anonymize").status, 0)
        XCTAssertEqual(pushsim("logs", log, "--out", folder + "/b", "--anonymize").status, 0)
        let a = try String(contentsOfFile: folder + "/a/devices.csv", encoding: .utf8)
        XCTAssertFalse(a.contains("alice") || a.contains("ApplAAA"), a)
        XCTAssertTrue(a.contains("user-") && a.contains("device-"), a)
        XCTAssertEqual(a, try String(contentsOfFile: folder + "/b/devices.csv", encoding: .utf8))
        let html = try String(contentsOfFile: folder + "/a/report.html", encoding: .utf8)
        XCTAssertFalse(html.contains("alice") || html.contains("ApplAAA"))
    }

    func testAnUnsupportedFileIsRefusedWithExitStatus2() {
        let folder = temporaryFolder("logs-bad")
        let path = folder + "/notes.txt"
        FileManager.default.createFile(atPath: path, contents: Data("Dear diary,\ntoday the server was slow.\n".utf8))
        let r = pushsim("logs", path, "--out", folder + "/out")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("is not an access log of a supported format"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out/logs.json"))
    }

    func testALogWithoutActiveSyncRequestsIsRefusedNotReportedAsZero() {
        let folder = temporaryFolder("logs-web")
        let path = folder + "/access.log"
        let line = #"10.0.0.9 - - [01/Mar/2024:10:00:00 +0000] "GET /index.html HTTP/1.1" 200 512 "-" "curl" 1200"#
        FileManager.default.createFile(atPath: path, contents: Data((line + "\n" + line + "\n").utf8))
        let r = pushsim("logs", path, "--out", folder + "/out")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("none is an ActiveSync request"), r.err)
        XCTAssertTrue(r.err.contains("access.log:1: not an ActiveSync request"), r.err)
    }

    func testBadOptionsAreUsageErrors() {
        XCTAssertEqual(pushsim("logs").status, 2)
        let r = pushsim("logs", "x.log", "--format", "apach")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("did you mean \"apache\""), r.err)
        XCTAssertTrue(pushsim("logs", "x.log", "--from", "tuesday").err.contains("--from expects a UTC time"))
        XCTAssertTrue(pushsim("logs", "x.log", "--time-unit", "min").err.contains("--time-unit expects ms, us or s"))
        XCTAssertEqual(pushsim("logs", "/nonexistent/x.log", "--out", temporaryFolder("logs-missing")).status, 2)
    }

    func testAnUnwritableOutputFailsBeforeReading() {
        let folder = temporaryFolder("logs-unwritable")
        let log = iisLog(folder)
        let blocker = folder + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        let r = pushsim("logs", log, "--out", blocker + "/out")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("cannot write to"), r.err)
    }

    func testStandardInput() throws {
        let folder = temporaryFolder("logs-stdin")
        let log = iisLog(folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pushsimExecutable)
        process.arguments = ["logs", "-", "--out", folder + "/out", "--quiet"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let json = try String(contentsOfFile: folder + "/out/logs.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\"requests\": 40"), json)
    }
}
