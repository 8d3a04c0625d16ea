import AccessLogs
import Foundation
import XCTest

/// Several files as one log: rotated files out of order, .gz, empty files, garbage, a
/// truncated last line, a new IIS header mid-file.
final class LogReaderTests: XCTestCase {
    func testRotatedFilesGivenOutOfOrderWithAnEmptyOneAndAGzippedOne() throws {
        let folder = temporaryFolder("rotated")
        for format in LogFormat.allCases {
            var g = LogGenerator(format: format, devices: 16, hours: 6, seed: 13)
            let (records, lines) = g.lines()
            let writer = AccessLogWriter(format: format)
            let header = writer.header(start: g.start)
            let body = Array(lines.dropFirst(header.count))
            let third = body.count / 3
            let parts = [Array(body[..<third]), Array(body[third..<(2 * third)]), Array(body[(2 * third)...])]
            var paths = parts.enumerated().map { k, part in
                writeLines(header + part, to: folder + "/\(format.rawValue).\(k).log")
            }
            try gzip(paths[1])
            paths[1] += ".gz"
            let empty = writeLines([], to: folder + "/\(format.rawValue).empty.log")
            let f = try analyze([paths[2], empty, paths[0], paths[1]])
            XCTAssertEqual(f.format, format)
            XCTAssertEqual(f.lines, lines.count + 2 * header.count)
            assertMatchesTruth(f, LogTruth(records))
        }
    }

    func testAPoolsOverlappingServersAreMergedByTime() throws {
        // Two servers, each serving half the devices over the same hours.
        let folder = temporaryFolder("pool")
        var g = LogGenerator(format: .iis, devices: 20, hours: 5, seed: 21)
        let (records, lines) = g.lines()
        let header = AccessLogWriter(format: .iis).header(start: g.start)
        let body = lines.dropFirst(header.count)
        let a = body.filter { $0.contains("Dev100") || $0.contains("Dev101") }
        let b = body.filter { !($0.contains("Dev100") || $0.contains("Dev101")) }
        XCTAssertFalse(a.isEmpty)
        let f = try analyze([writeLines(header + a, to: folder + "/a.log"), writeLines(header + b, to: folder + "/b.log")])
        assertMatchesTruth(f, LogTruth(records))
    }

    func testMidFileHeaderWithReorderedFields() throws {
        var g = LogGenerator(format: .iis, devices: 12, hours: 4, seed: 17)
        let (records, lines) = g.lines()
        let names = AccessLogWriter.iisFields.split(separator: " ").map(String.init)
        let order = Array(names.indices.reversed())               // every column moved
        let header = AccessLogWriter(format: .iis).header(start: g.start)
        let half = header.count + (lines.count - header.count) / 2
        var out = Array(lines[..<half])
        out.append("#Software: Microsoft Internet Information Services 10.0")
        out.append("#Fields: " + order.map { names[$0] }.joined(separator: " "))
        for line in lines[half...] {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            out.append(order.map { fields[$0] }.joined(separator: " "))
        }
        let f = try analyze([writeLines(out, to: temporaryFolder("midheader") + "/u_ex.log")])
        assertMatchesTruth(f, LogTruth(records))
        XCTAssertEqual(f.skipped, header.count + 2)
    }

    func testGarbageLinesAreSkippedCountedAndShownWithTheirLineNumbers() throws {
        var g = LogGenerator(format: .nginx, devices: 6, hours: 2, seed: 4)
        let (records, lines) = g.lines()
        var out = lines
        out.insert("\u{1}\u{2} binary garbage \u{FFFD}", at: 3)                                       // line 4
        out.insert(#"10.0.0.9 - - [01/Mar/2024:21:10:00 +0000] "GET /healthcheck HTTP/1.1" 200 2 "-" "lb" 0.001"#, at: 10)   // line 11
        out.insert("", at: 20)                                                                        // line 21
        out.append("10.0.0.9 - - [01/Mar/2024:23:59:59 +00")                                         // truncated
        let path = writeLines(out, to: temporaryFolder("garbage") + "/access.log", unterminatedLast: true)
        let f = try analyze([path])
        assertMatchesTruth(f, LogTruth(records))
        XCTAssertEqual(f.skipped, 4)
        XCTAssertEqual(f.skippedExamples.map(\.line), [4, 11, 21, out.count])
        XCTAssertEqual(f.skippedExamples.map(\.reason), [SkipReason.malformed.text, SkipReason.notActiveSync.text, SkipReason.emptyLine.text,
                                                         SkipReason.truncatedLastLine.text])
        XCTAssertEqual(f.skippedExamples.first?.file, path)
    }

    func testCRLFLinesAndAnUnterminatedWholeLastLine() throws {
        var g = LogGenerator(format: .iis, devices: 4, hours: 1, seed: 9)
        let (records, lines) = g.lines()
        let f = try analyze([writeLines(lines, to: temporaryFolder("crlf") + "/u_ex.log", unterminatedLast: true, crlf: true)])
        assertMatchesTruth(f, LogTruth(records))
    }

    func testAnEmptyLogIsRefused() throws {
        let path = writeLines([], to: temporaryFolder("empty") + "/empty.log")
        XCTAssertThrowsError(try LogReader(paths: [path], options: .init())) { error in
            XCTAssertTrue("\(error)".contains("is empty"), "\(error)")
        }
    }

    func testAnUnsupportedFileIsRefusedWithASentence() throws {
        let path = writeLines(["Mar  1 10:00:00 host sshd[42]: Accepted publickey for root", "Mar  1 10:00:01 host cron[7]: job"],
                              to: temporaryFolder("syslog") + "/syslog")
        XCTAssertThrowsError(try LogReader(paths: [path], options: .init())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("is not an access log of a supported format"), text)
            XCTAssertTrue(text.contains("--format"), text)
        }
    }

    func testAMissingFileAndAMissingGzip() throws {
        XCTAssertThrowsError(try LogReader(paths: ["/nonexistent/u_ex.log"], options: .init())) { error in
            XCTAssertTrue("\(error)".contains("cannot read /nonexistent/u_ex.log"), "\(error)")
        }
        let folder = temporaryFolder("nogzip")
        let path = writeLines(["x"], to: folder + "/a.log.gz")
        XCTAssertThrowsError(try LineReader(path: path, gzipSearchPath: folder)) { error in
            XCTAssertTrue("\(error)".contains("needs the system's gzip"), "\(error)")
        }
        // A corrupt .gz: gzip's own complaint is passed on.
        XCTAssertThrowsError(try analyze([path], format: .iis)) { error in
            XCTAssertTrue("\(error)".contains("gzip -dc failed"), "\(error)")
        }
    }

    func testDetectionSaysWhy() throws {
        let folder = temporaryFolder("detect")
        for format in LogFormat.allCases {
            var g = LogGenerator(format: format, devices: 2, hours: 0.5, seed: 1)
            let (_, lines) = g.lines()
            let reader = try LogReader(paths: [writeLines(lines, to: folder + "/\(format.rawValue).log")], options: .init())
            XCTAssertEqual(reader.format, format)
            XCTAssertTrue(reader.formatReason.contains("line 1 of"), reader.formatReason)
        }
        // Apache %D behind an alias, with no Traveler path: apache; the same line given as domino by --format.
        let line = #"10.0.0.5 - - [01/Mar/2024:10:05:00 +0000] "POST /Microsoft-Server-ActiveSync?Cmd=Ping HTTP/1.1" 200 12 "-" "UA" 1500"#
        let path = writeLines([line], to: folder + "/ambiguous.log")
        XCTAssertEqual(try LogReader(paths: [path], options: .init()).format, .apache)
        let given = try LogReader(paths: [path], options: .init(format: .domino))
        XCTAssertEqual(given.formatReason, "given by --format")
        XCTAssertEqual(try analyze([path], format: .domino).command(.ping)?.duration.max, 1.5)
        XCTAssertEqual(try analyze([path], options: .init(microsPerUnit: 1_000_000)).command(.ping)?.duration.max, 1_500, "--time-unit s")
    }

    func gzip(_ path: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-f", path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }
}
