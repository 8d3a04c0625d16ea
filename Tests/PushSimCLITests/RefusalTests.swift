import Foundation
import XCTest
@testable import PushSimCLI

/// Issue 16: what cannot work is refused before any work, in one sentence, with exit
/// status 2 (bad input) or 1 (an output that cannot be written), and nothing written.
final class RefusalTests: XCTestCase {
    let quickstart = repositoryRoot + "/Scenarios/quickstart.json5"

    /// Every file in `folder`, recursively (empty when it does not exist).
    func contents(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    }

    func testTwoBillionDevicesAreRefusedBeforeAllocating() {
        let folder = temporaryFolder("memory")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let r = pushsim("run", quickstart, "--set", "populations.iphone.count=2000000000", "--out", out)
        XCTAssertEqual(r.status, 2, r.err)
        // 2e9 devices × at least the 289 bytes measured per device is over 500 GiB.
        XCTAssertTrue(r.err.contains("needs about 5"), r.err)
        XCTAssertTrue(r.err.contains("GiB for 2,000,000,000 devices"), r.err)
        XCTAssertTrue(r.err.contains("README: Sweeps across machines"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))

        let v = pushsim("validate", quickstart, "--set", "populations.iphone.count=2000000000")
        XCTAssertEqual(v.status, 2)
        XCTAssertTrue(v.err.contains("2,000,000,000 devices"), v.err)

        let s = pushsim("sweep", quickstart, "--vary", "populations.iphone.count=10,2000000000", "--out", out)
        XCTAssertEqual(s.status, 2, s.err)
        XCTAssertTrue(s.err.contains("needs about"), s.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testMaxMemoryLimitsRunsAndJobs() {
        let folder = temporaryFolder("maxmem")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The process alone is over 20 MiB (Docs/Performance.md), so 16M refuses anything.
        let r = pushsim("run", quickstart, "--max-memory", "16M", "--out", folder + "/out")
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("--max-memory is 16 MiB"), r.err)
        XCTAssertTrue(contents(folder).isEmpty)
        // 1,000,000 devices is about 290 MB each: one fits in 1G, four at once do not.
        let million = ["--set", "populations.iphone.count=1000000", "--set", "server.threads=1200000"]
        XCTAssertEqual(pushsim("validate", quickstart, "--max-memory", "1G", million[0], million[1]).status, 0)
        let jobs = pushsim("run", quickstart, "--max-memory", "1G", million[0], million[1], million[2], million[3],
                           "--replications", "4", "--jobs", "4", "--out", folder + "/out")
        XCTAssertEqual(jobs.status, 2, jobs.err)
        XCTAssertTrue(jobs.err.contains("4 runs at once"), jobs.err)
        XCTAssertTrue(jobs.err.contains("fewer --jobs"), jobs.err)
        XCTAssertEqual(pushsim("run", quickstart, "--max-memory", "lots").status, 2)
    }

    func testValidatePrintsTheEstimateForEveryFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Scenarios")
            .filter { $0.hasSuffix(".json5") }.map { repositoryRoot + "/Scenarios/" + $0 }
        let r = PushSimCommand.main(["validate"] + files, console: Captured().console)
        XCTAssertEqual(r, 0)
        let captured = Captured()
        _ = PushSimCommand.main(["validate"] + files, console: captured.console)
        // One line per file, then one per server with its effective settings.
        let lines = captured.out.split(separator: "\n").filter { !$0.hasPrefix("  server") }
        XCTAssertEqual(lines.count, files.count)
        for line in lines { XCTAssertTrue(line.contains("needs about") && line.contains("MiB of memory"), String(line)) }
    }

    func testSampleIntervalsHaveALowerBound() {
        let tiny = pushsim("run", quickstart, "--set", "sampleInterval=1us", "--out", "/nonexistent/never")
        XCTAssertEqual(tiny.status, 2)
        XCTAssertTrue(tiny.err.contains("--set sampleInterval=1us: sampleInterval: expected an interval of at least 1s, found 1us"), tiny.err)
        let many = pushsim("validate", quickstart, "--set", "duration=200d", "--set", "sampleInterval=1s")
        XCTAssertEqual(many.status, 2)
        // 200 days of seconds: 17,280,000 rows.
        XCTAssertTrue(many.err.contains("at most 10,000,000 samples per server, found 17280000"), many.err)
        XCTAssertEqual(pushsim("validate", quickstart, "--set", "duration=100d", "--set", "sampleInterval=1s").status, 0)
    }

    func testScenarioNamesThatArePathsAreRefused() throws {
        let folder = temporaryFolder("names")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["../../x", "/tmp/x", "a/b", "..", ".hidden", "a\\b", ""] {
            let file = folder + "/n.json5"
            try "{\n  name: \"\(name.replacingOccurrences(of: "\\", with: "\\\\"))\",\n  populations: [{ name: \"p\", count: 5 }],\n}\n"
                .write(toFile: file, atomically: true, encoding: .utf8)
            let v = pushsim("validate", file)
            XCTAssertEqual(v.status, 2, name)
            XCTAssertTrue(v.err.contains("n.json5:2:9: name: expected a"), v.err)
            let r = pushsim("run", file, "--quiet")
            XCTAssertEqual(r.status, 2, name)
        }
        XCTAssertTrue(pushsim("validate", quickstart, "--set", "name=../../esc").err
            .contains("letters, digits, \"-\", \"_\" and \".\""))
        XCTAssertEqual(pushsim("validate", quickstart, "--set", "name=run-2.b_c").status, 0)
        // A file whose base name is not a valid name gets a valid default name.
        let odd = folder + "/my scenario (copy).json5"
        try "{ populations: [{ name: \"p\", count: 5 }] }".write(toFile: odd, atomically: true, encoding: .utf8)
        let v = pushsim("validate", odd)
        XCTAssertEqual(v.status, 0, v.err)
        XCTAssertTrue(v.out.contains("\"my-scenario--copy-\""), v.out)
    }

    func testTheSameVaryKeyTwiceIsRefused() throws {
        let twice = pushsim("sweep", quickstart, "--vary", "server.threads=100,200", "--vary", "server.threads=300")
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.err.contains("--vary server.threads is varied twice"), twice.err)
        // Spelled differently, the same parameter.
        let spelled = pushsim("sweep", quickstart, "--vary", "populations.0.count=5,6", "--vary", "populations[0].count=7")
        XCTAssertEqual(spelled.status, 2)
        XCTAssertTrue(spelled.err.contains("populations[0].count is the same parameter as populations.0.count"), spelled.err)
        // The file's sweep block follows the same rule.
        let folder = temporaryFolder("vary")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/s.json5"
        try """
        {
          populations: [{ name: "p", count: 5 }],
          sweep: { vary: { "populations.0.count": [5, 6],
                           "populations[0].count": [7] } },
        }
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let v = pushsim("validate", file)
        XCTAssertEqual(v.status, 2)
        XCTAssertTrue(v.err.contains("s.json5:4:20: sweep.vary[\"populations[0].count\"]: populations[0].count is the same parameter as populations.0.count"), v.err)
    }

    func testAnOutputThatCannotBeWrittenIsFoundBeforeSimulating() throws {
        let folder = temporaryFolder("out")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/regular"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        // 20 simulated days of 500 devices would take many seconds: the refusal comes first.
        let started = Date()
        let r = pushsim("run", quickstart, "--set", "duration=20d", "--out", file + "/x")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "pushsim run: cannot write \(file)/x: Not a directory; nothing was run.\n")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "it simulated first")
        let s = pushsim("sweep", quickstart, "--vary", "server.threads=100,200", "--out", file + "/y")
        XCTAssertEqual(s.status, 1)
        XCTAssertEqual(s.err, "pushsim sweep: cannot write \(file)/y: Not a directory; nothing was run.\n")
        XCTAssertFalse(r.err.contains("NSCocoaErrorDomain") || s.err.contains("Domain="))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x")
    }

    /// Permissions do not stop root (tests usually run as root in CI), so this one needs
    /// another user.
    func testAFolderWithoutWritePermissionIsRefused() throws {
        try XCTSkipIf(getuid() == 0, "running as root: permissions do not apply")
        let folder = temporaryFolder("perm")
        defer {
            chmod(folder, 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        chmod(folder, 0o555)
        let r = pushsim("run", quickstart, "--out", folder + "/x")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "pushsim run: cannot write \(folder)/x: Permission denied; nothing was run.\n")
    }

    func testANonNumericSeedIsAUsageError() {
        for command in ["run", "sweep"] {
            let r = pushsim(command, quickstart, "--seed", "abc")
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(r.err.hasPrefix("pushsim \(command): --seed expects a whole number from 0 to 9223372036854775807, such as --seed 7; found \"abc\""), r.err)
        }
        XCTAssertEqual(pushsim("run", quickstart, "--seed", "-1").status, 2)
    }
}
