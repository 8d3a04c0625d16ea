import Foundation
import XCTest
@testable import PushSimCLI

/// Issue 16: the CSV files load as is (pandas, R, a spreadsheet): every column holds one
/// type — all integers, all numbers, or text — with `null` (or nothing) where a figure does
/// not exist; and timeseries.csv's columns have the same type in every file.
final class CSVTypesTests: XCTestCase {
    enum Kind: String { case integer, number, text, empty }

    /// RFC 4180 records, written here independently of the project's reader.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field); field = ""
            } else if c == "\n" {
                fields.append(field); field = ""
                records.append(fields); fields = []
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append(fields) }
        return records
    }

    static func kind(of value: String) -> Kind {
        if value.isEmpty || value == "null" { return .empty }
        if value.range(of: #"^-?[0-9]+$"#, options: .regularExpression) != nil { return .integer }
        if value.range(of: #"^-?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil { return .number }
        return .text
    }

    /// The type of each column, by header; fails for a column that mixes numbers and text
    /// and for a row whose length differs from the header's.
    static func columnKinds(_ text: String, file: String) -> [String: Kind] {
        let rows = records(text)
        guard let header = rows.first else { XCTFail("\(file): empty"); return [:] }
        var kinds: [String: Kind] = [:]
        for (i, name) in header.enumerated() {
            var seen = Set<Kind>()
            for (line, row) in rows.dropFirst().enumerated() {
                guard row.count == header.count else {
                    XCTFail("\(file):\(line + 2): \(row.count) fields, the header has \(header.count)")
                    return [:]
                }
                seen.insert(kind(of: row[i]))
            }
            seen.remove(.empty)
            if seen.contains(.text) && seen.count > 1 {
                XCTFail("\(file): column \"\(name)\" mixes text and numbers")
            }
            kinds[name] = seen.contains(.text) ? .text : seen.contains(.number) ? .number : seen.contains(.integer) ? .integer : .empty
        }
        return kinds
    }

    func testSweepAndReplicationTablesHaveOneTypePerColumn() throws {
        let folder = temporaryFolder("types")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = writeSmallSweepFile(in: folder)
        let s = pushsim("sweep", file, "--vary", "populations.iphone.heartbeat.fixed=5m,1h30m",
                        "--vary", "server.onNewerRequest=conflict409,expire200", "--vary", "server.threads=60,100",
                        "--replications", "2", "--out", folder + "/sweep", "--quiet")
        XCTAssertEqual(s.status, 0, s.err)
        let sweep = Self.columnKinds(try XCTUnwrap(read(folder + "/sweep/sweep.csv")), file: "sweep.csv")
        XCTAssertEqual(sweep["point"], .integer)
        XCTAssertEqual(sweep["replication"], .integer)
        // Durations in seconds, numbers as numbers, the text as written beside them.
        XCTAssertEqual(sweep["populations.iphone.heartbeat.fixed"], .integer)
        XCTAssertEqual(sweep["populations.iphone.heartbeat.fixed.label"], .text)
        XCTAssertEqual(sweep["server.threads"], .integer)
        XCTAssertEqual(sweep["server.onNewerRequest"], .text)
        XCTAssertEqual(sweep["pings.share409"], .number)
        let rows = Self.records(try XCTUnwrap(read(folder + "/sweep/sweep.csv")))
        let h = try XCTUnwrap(rows[0].firstIndex(of: "populations.iphone.heartbeat.fixed"))
        XCTAssertEqual(Set(rows.dropFirst().map { $0[h] }), ["300", "5400"])
        XCTAssertEqual(Set(rows.dropFirst().map { $0[h + 1] }), ["5m", "1h30m"])
        XCTAssertEqual(rows.count, 1 + 8 * 2)

        let summary = Self.columnKinds(try XCTUnwrap(read(folder + "/sweep/sweep-summary.csv")), file: "sweep-summary.csv")
        XCTAssertEqual(summary["replications"], .integer)
        XCTAssertEqual(summary["pings.share409.mean"], .number)
        XCTAssertNotNil(summary["pings.share409.ci95"])
        XCTAssertEqual(Self.records(try XCTUnwrap(read(folder + "/sweep/sweep-summary.csv"))).count, 1 + 8)

        let r = pushsim("run", file, "--replications", "3", "--out", folder + "/run", "--quiet")
        XCTAssertEqual(r.status, 0, r.err)
        let reps = Self.columnKinds(try XCTUnwrap(read(folder + "/run/replications.csv")), file: "replications.csv")
        XCTAssertEqual(reps["replication"], .integer)
        _ = Self.columnKinds(try XCTUnwrap(read(folder + "/run/replications-summary.csv")), file: "replications-summary.csv")
        // The checked-in reference loads the same way.
        _ = Self.columnKinds(try XCTUnwrap(read(repositoryRoot + "/Results/heartbeat-vs-firewall/sweep.csv")), file: "Results sweep.csv")
        _ = Self.columnKinds(try XCTUnwrap(read(repositoryRoot + "/Results/heartbeat-vs-firewall/sweep-summary.csv")), file: "Results sweep-summary.csv")
    }

    /// Two runs whose levels are whole in one and fractional in the other still give each
    /// column the same type (quickstart's queue is always empty: queue_mean is 0 throughout).
    func testTimeseriesColumnsKeepOneTypeInEveryFile() throws {
        let folder = temporaryFolder("series")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var kinds: [[String: Kind]] = []
        for name in ["quickstart", "domino-40-threads"] {
            let r = pushsim("run", repositoryRoot + "/Scenarios/\(name).json5", "--set", "duration=4h", "--set", "warmup=1h",
                            "--out", folder + "/" + name, "--quiet")
            XCTAssertEqual(r.status, 0, r.err)
            kinds.append(Self.columnKinds(try XCTUnwrap(read(folder + "/\(name)/timeseries.csv")), file: name + " timeseries.csv"))
        }
        XCTAssertEqual(kinds[0], kinds[1])
        XCTAssertEqual(kinds[0]["time_s"], .number)
        XCTAssertEqual(kinds[0]["queue_mean"], .number)
        XCTAssertEqual(kinds[0]["threads_max"], .integer)
    }

    /// With pandas installed, the same files through `pandas.read_csv`: no object column but
    /// the text ones. Skipped where python3 or pandas is missing.
    func testPandasReadsNumericColumnsWhenAvailable() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import pandas"]
        check.standardError = FileHandle.nullDevice
        check.standardOutput = FileHandle.nullDevice
        do { try check.run() } catch { throw XCTSkip("no python3") }
        check.waitUntilExit()
        try XCTSkipIf(check.terminationStatus != 0, "pandas is not installed")
        let script = """
        import pandas, sys
        d = pandas.read_csv(sys.argv[1])
        bad = [c for c in d.columns if d[c].dtype == object and not (c.endswith('.label') or c == 'server.onNewerRequest')]
        sys.exit(1 if bad else 0)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, repositoryRoot + "/Results/heartbeat-vs-firewall/sweep.csv"]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }
}
