import AccessLogs
import Foundation
import XCTest
@testable import PushSimCLI

/// `pushsim calibrate`: the scenario and calibration.json, refusals with exit 2 and nothing written.
final class CalibrateCommandTests: XCTestCase {
    /// An IIS log of one iPhone: `pings` Pings with Hb 300, every 4th superseded (200 with
    /// the collision token, as Exchange logs it), each followed by a Sync.
    func iisLog(_ folder: String, pings: Int) -> String {
        let w = AccessLogWriter(format: .iis)
        let t0: Int64 = 1_709_287_200_000_000
        var lines = w.header(start: t0)
        var t = t0
        for k in 0..<pings {
            let d: Int64 = k % 4 == 0 ? 100_000_000 : k % 4 == 1 ? 50_000_000 : 300_000_000
            lines.append(w.line(AccessLogRecord(start: t, duration: d, command: .ping, status: 200, user: "alice", deviceID: "ApplAAA",
                                                deviceType: "iPhone", heartbeatSeconds: 300, pingCollision: k % 4 == 0)))
            t += d
            lines.append(w.line(AccessLogRecord(start: t, duration: 150_000, command: .sync, status: 200, user: "alice", deviceID: "ApplAAA", deviceType: "iPhone")))
            t += 1_000_000
        }
        let path = folder + "/u_ex240301.log"
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }

    /// A straggler (a device type with fewer than 30 Pings) beside a type with enough is set
    /// aside, said in the terminal, the scenario and calibration.json; it alone is refused.
    func testADeviceTypeWithTooFewPingsIsSetAsideBesideOneWithEnough() throws {
        let folder = temporaryFolder("calibrate-straggler")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = iisLog(folder, pings: 40)
        let w = AccessLogWriter(format: .iis)
        var extra = ""
        for k in 0..<3 {
            extra += w.line(AccessLogRecord(start: 1_709_287_200_000_000 + Int64(k) * 600_000_000, duration: 60_000_000, command: .ping, status: 200,
                                            user: "bob", deviceID: "OutlookBBB", deviceType: "Outlook", heartbeatSeconds: 300)) + "\n"
        }
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        handle.write(Data(extra.utf8))
        handle.closeFile()
        let out = folder + "/out"
        let r = pushsim("calibrate", log, "--out", out, "--quiet", "--no-check")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Set aside, with fewer than 30 Pings each for an estimate, and not in the scenario: Outlook: 1 device, 3 Pings, 0 Syncs"), r.out)
        let scenario = try String(contentsOfFile: out + "/u_ex240301.json5", encoding: .utf8)
        XCTAssertTrue(scenario.contains("// Set aside"), scenario)
        XCTAssertFalse(scenario.contains("name: \"outlook\""), "no population for the straggler")
        XCTAssertEqual(pushsim("validate", out + "/u_ex240301.json5").status, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/calibration.json"))) as? [String: Any])
        let estimates = try XCTUnwrap(json["estimates"] as? [String: Any])
        let aside = try XCTUnwrap(estimates["setAside"] as? [[String: Any]])
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(aside.first?["deviceType"] as? String, "Outlook")
        XCTAssertEqual(aside.first?["pings"] as? Int, 3)
        XCTAssertEqual(estimates["devices"] as? Int, 1, "the scenario's devices")
    }

    /// `--from`/`--to` (the reader options of `pushsim logs`) take a window of the log: the
    /// first hour of the 2-hour log holds too few Pings and is refused, the whole log is not.
    func testFromAndToTakeAWindowOfTheLog() throws {
        let folder = temporaryFolder("calibrate-window")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = iisLog(folder, pings: 40)
        let r = pushsim("calibrate", log, "--to", "2024-03-01T11:00:00Z", "--out", folder + "/hour", "--quiet", "--no-check")
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("device type \"iPhone\" has 20 Pings"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/hour"))
        XCTAssertEqual(pushsim("calibrate", log, "--from", "2024-03-01", "--out", folder + "/all", "--quiet", "--no-check").status, 0)
        XCTAssertEqual(pushsim("calibrate", log, "--to", "yesterday", "--out", folder + "/bad", "--quiet").status, 2)
    }

    /// A fleet whose check run would not fit in memory still gets its scenario and estimates;
    /// the check is said not to have run, and why (stderr, report), and `check` is null.
    func testACheckRunTooLargeForMemoryIsSkippedAndSaidSo() throws {
        let folder = temporaryFolder("calibrate-memory")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = iisLog(folder, pings: 40)
        let out = folder + "/out"
        let r = pushsim("calibrate", log, "--out", out, "--max-memory", "1K", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("the check is not run: it needs about"), r.err)
        XCTAssertFalse(r.out.contains("pingsPerDeviceDay"), r.out)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/calibration.json"))) as? [String: Any])
        XCTAssertTrue(json["check"] is NSNull)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(report.contains("The check was not run (the check run needs about"), "the report says why")
        XCTAssertEqual(pushsim("validate", out + "/u_ex240301.json5").status, 0, "the scenario loads")
    }

    func testWritesAScenarioThatLoadsAndTheEstimates() throws {
        let folder = temporaryFolder("calibrate-cli")
        let log = iisLog(folder, pings: 40)
        let out = folder + "/out"
        let r = pushsim("calibrate", log, "--out", out, "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("iPhone: 1 device, single client, H 300 s"), r.out)
        let scenario = out + "/u_ex240301.json5"
        XCTAssertEqual(pushsim("validate", scenario).status, 0, "the scenario loads")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/calibration.json"))) as? [String: Any])
        let estimates = try XCTUnwrap(json["estimates"] as? [String: Any])
        XCTAssertEqual(estimates["serverKind"] as? String, "exchange")
        XCTAssertEqual(estimates["client"] as? String, "single")
        XCTAssertEqual(estimates["devices"] as? Int, 1)
        // 10 mail Pings (50 s) and 10 superseded over 10·100 + 10·50 + 20·300 s of Pings.
        let pingSeconds: Double = 10 * 100 + 10 * 50 + 20 * 300
        let days = pingSeconds / 86_400
        let mail = try XCTUnwrap(estimates["mailPerDay"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(mail["value"] as? Double), 10 / days, accuracy: 1e-3)
        let ci = try XCTUnwrap(mail["ci95"] as? [Double])
        XCTAssertEqual(ci[1] - ci[0], 2 * 1.96 * 10.0.squareRoot() / days, accuracy: 1e-3)
        let opens = try XCTUnwrap(estimates["opensPerDay"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(opens["value"] as? Double), 10 / days, accuracy: 1e-3)
        XCTAssertEqual((estimates["heartbeatSeconds"] as? [String: Any])?["value"] as? Int, 300)
        // The check run: the log's figures beside the simulation's.
        XCTAssertTrue(r.out.contains("pingsPerDeviceDay"), r.out)
        let check = try XCTUnwrap(json["check"] as? [String: Any])
        let share = try XCTUnwrap(check["supersededShare"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(share["log"] as? Double), 0.25, accuracy: 1e-9)
        XCTAssertNotNil(share["simulation"] as? Double)

        // Same input, same bytes; --no-check leaves `check` null.
        let again = pushsim("calibrate", log, "--out", folder + "/again", "--quiet")
        XCTAssertEqual(again.status, 0, again.err)
        for name in ["u_ex240301.json5", "calibration.json", "report.html"] {
            // The report names the scenario by the --out given.
            let first = try String(contentsOfFile: out + "/" + name, encoding: .utf8).replacingOccurrences(of: out, with: "OUT")
            XCTAssertEqual(first, try String(contentsOfFile: folder + "/again/" + name, encoding: .utf8).replacingOccurrences(of: folder + "/again", with: "OUT"), name)
        }
        XCTAssertEqual(pushsim("calibrate", log, "--out", folder + "/nocheck", "--no-check", "--quiet").status, 0)
        let plain = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/nocheck/calibration.json"))) as? [String: Any])
        XCTAssertTrue(plain["check"] is NSNull)
        let page = try String(contentsOfFile: folder + "/nocheck/report.html", encoding: .utf8)
        XCTAssertTrue(page.contains("The check was not run (--no-check)"), page)
        XCTAssertFalse(page.contains("pingsPerDeviceDay"), "no check table without a check")
    }

    /// An IIS log of one iPhone behind a firewall that cuts Pings at 240 s (H = 600 s): of
    /// every 10 Pings, 6 end at 240 s, 2 for mail (30 and 100 s), 2 superseded at 50 s.
    func cutLog(_ folder: String, pings: Int = 300, heartbeats: [Int] = [600]) -> String {
        let w = AccessLogWriter(format: .iis)
        let t0: Int64 = 1_709_287_200_000_000
        var lines = w.header(start: t0)
        var t = t0
        for k in 0..<pings {
            let seconds: Int64 = [240, 30, 240, 50, 240, 100, 240, 50, 240, 240][k % 10]
            let d = seconds * 1_000_000
            lines.append(w.line(AccessLogRecord(start: t, duration: d, command: .ping, status: 200, user: "bob", deviceID: "ApplBBB",
                                                deviceType: "iPhone", heartbeatSeconds: heartbeats[k % heartbeats.count], pingCollision: k % 10 == 3 || k % 10 == 7)))
            t += d
            lines.append(w.line(AccessLogRecord(start: t, duration: 1_000_000, command: .sync, status: 200, user: "bob", deviceID: "ApplBBB", deviceType: "iPhone")))
            t += 2_000_000
        }
        let path = folder + "/cut.log"
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return path
    }

    /// report.html beside the scenario: the check table with the flagged rows marked and the
    /// reasons the log shows; the same reasons on the terminal and in calibration.json.
    func testTheReportHoldsTheCheckFlagsAndReasons() throws {
        let folder = temporaryFolder("calibrate-report")
        let out = folder + "/out"
        let r = pushsim("calibrate", cutLog(folder), "--out", out, "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("pingDurationP95Seconds"), r.out)
        XCTAssertTrue(r.out.contains("← beyond the noise"), r.out)
        XCTAssertTrue(r.out.contains("Likely reasons, from the log:"), r.out)
        XCTAssertTrue(r.out.contains("- firewallCut (iPhone): 180 Pings (75.0 % of the type's 240 not superseded) end at 240 s, shorter than H = 600 s"), r.out)
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        for expected in ["Check: the scenario against its log", "pingsPerDeviceDay", "pingDurationP95Seconds", "⚠ beyond the noise",
                         "Likely reasons, from the log", "firewallCut (iPhone)", "opensAfterNotify", "How to use it", "pushsim run " + out + "/cut.json5",
                         "the log&#39;s peak concurrency", "Estimates by device type"] {
            XCTAssertTrue(page.contains(expected) || page.contains(expected.replacingOccurrences(of: "&#39;", with: "'")), "report.html lacks \(expected)")
        }
        XCTAssertFalse(page.contains("<script") || page.contains("src=") || page.contains("href=") || page.contains("url("), "self-contained: no script, nothing fetched")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/calibration.json"))) as? [String: Any])
        let check = try XCTUnwrap(json["check"] as? [String: Any])
        // Competing risks reproduce the mean (the cut's Pings count as mail); the p95 shows the cut.
        let mean = try XCTUnwrap(check["pingDurationMeanSeconds"] as? [String: Any])
        let logMean: Double = (6 * 240 + 30 + 100 + 2 * 50) / 10
        XCTAssertEqual(try XCTUnwrap(mean["log"] as? Double), logMean, accuracy: 1e-6)
        let p95 = try XCTUnwrap(check["pingDurationP95Seconds"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(p95["log"] as? Double), 240, accuracy: 240 * 0.008)
        XCTAssertEqual(p95["flagged"] as? Bool, true, "no Ping of the log lasts over 240 s; the simulation's run to H = 600 s")
        XCTAssertEqual(try XCTUnwrap(p95["tolerance"] as? Double), (1 + 0.008 * 240) / 240, accuracy: 0.002, "every share above 0.9 is at 240 s")
        let reasons = try XCTUnwrap(check["reasons"] as? [[String: Any]])
        XCTAssertEqual(reasons.first?["code"] as? String, "firewallCut")
        XCTAssertEqual(reasons.first?["deviceType"] as? String, "iPhone")
        XCTAssertEqual(reasons.last?["code"] as? String, "opensAfterNotify", "the reason a log cannot show comes last")
        XCTAssertTrue(reasons.last?["deviceType"] is NSNull)
    }

    /// Heartbeats that vary beyond the bounds: exit 2, nothing in --out.
    func testRefusesAHeartbeatThatVariesBeyondTheBounds() throws {
        let folder = temporaryFolder("calibrate-varies")
        let out = folder + "/out"
        let r = pushsim("calibrate", cutLog(folder, pings: 60, heartbeats: [300, 600, 900]), "--out", out, "--quiet")
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("device type \"iPhone\" asks for heartbeats from 300 to 900 s"), r.err)
        XCTAssertTrue(r.err.contains("33.3 % of its 60 tokened Pings"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written, not even the folder")
    }

    func testRefusesTooFewPingsAndWritesNothing() throws {
        let folder = temporaryFolder("calibrate-few")
        let log = iisLog(folder, pings: 29)
        let out = folder + "/out"
        let r = pushsim("calibrate", log, "--out", out, "--quiet")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("device type \"iPhone\" has 29 Pings"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written, not even the folder")
    }

    func testRefusesALogWithoutPings() throws {
        let folder = temporaryFolder("calibrate-none")
        let w = AccessLogWriter(format: .iis)
        let t0: Int64 = 1_709_287_200_000_000
        let lines = w.header(start: t0) + (0..<5).map { k in
            w.line(AccessLogRecord(start: t0 + Int64(k) * 1_000_000, duration: 150_000, command: .sync, status: 200, user: "a", deviceID: "D", deviceType: "iPhone"))
        }
        let log = folder + "/syncs.log"
        FileManager.default.createFile(atPath: log, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        let r = pushsim("calibrate", log, "--out", folder + "/out", "--quiet")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("no Ping"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// Results/calibrate-quickstart (checked in, so that the browser check opens its
    /// report.html) is what calibrate makes of the quickstart run's Domino log, byte for byte:
    /// `pushsim run Scenarios/quickstart.json5 --access-log domino --out Results/quickstart-log`
    /// then `pushsim calibrate Results/quickstart-log/access.log --out Results/calibrate-quickstart`.
    func testTheCheckedInQuickstartCalibrationIsCurrent() throws {
        let folder = temporaryFolder("calibrate-quickstart")
        let run = pushsim("run", repositoryRoot + "/Scenarios/quickstart.json5", "--access-log", "domino", "--out", folder + "/log", "--quiet")
        XCTAssertEqual(run.status, 0, run.err)
        let r = pushsim("calibrate", folder + "/log/access.log", "--out", folder + "/cal", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        for name in ["access.json5", "calibration.json", "report.html"] {
            let fresh = try String(contentsOfFile: folder + "/cal/" + name, encoding: .utf8)
                .replacingOccurrences(of: folder + "/log", with: "Results/quickstart-log").replacingOccurrences(of: folder + "/cal", with: "Results/calibrate-quickstart")
            let reference = try String(contentsOfFile: repositoryRoot + "/Results/calibrate-quickstart/" + name, encoding: .utf8)
            XCTAssertEqual(fresh, reference, "Results/calibrate-quickstart/\(name) is stale: make it again with the two commands above")
        }
        // The same log read by `pushsim logs` (checked in for the browser check too):
        // `pushsim logs Results/quickstart-log/access.log --out Results/logs-quickstart`.
        let logs = pushsim("logs", folder + "/log/access.log", "--out", folder + "/logs", "--quiet")
        XCTAssertEqual(logs.status, 0, logs.err)
        for name in ["logs.json", "devices.csv", "hourly.csv", "report.html"] {
            let fresh = try String(contentsOfFile: folder + "/logs/" + name, encoding: .utf8)
                .replacingOccurrences(of: folder + "/log", with: "Results/quickstart-log")
            let reference = try String(contentsOfFile: repositoryRoot + "/Results/logs-quickstart/" + name, encoding: .utf8)
            XCTAssertEqual(fresh, reference, "Results/logs-quickstart/\(name) is stale: make it again with the commands above")
        }
    }
}
