import AccessLogs
import XCTest

/// Generated logs of every format, read back: exact counts, durations and concurrency
/// against the generator's truth.
final class LogAnalysisTests: XCTestCase {
    func testEveryFormatMatchesTheGeneratorsTruth() throws {
        let folder = temporaryFolder("truth")
        for format in LogFormat.allCases {
            var g = LogGenerator(format: format, seed: 7)
            let (records, lines) = g.lines()
            let path = writeLines(lines, to: folder + "/\(format.rawValue).log")
            let f = try analyze([path])
            XCTAssertEqual(f.format, format, "detected format")
            XCTAssertEqual(f.lines, lines.count)
            XCTAssertEqual(f.skipped, lines.count - records.count)
            let truth = LogTruth(records)
            XCTAssertGreaterThan(truth.concurrencyMax, 3, "the generated log should overlap requests")
            assertMatchesTruth(f, truth)
        }
    }

    func testBase64QueriesGiveTheSameFigures() throws {
        let folder = temporaryFolder("base64")
        for format in [LogFormat.iis, .apache] {
            var g = LogGenerator(format: format, devices: 10, hours: 3, seed: 3, base64Query: true)
            let (records, lines) = g.lines()
            XCTAssertTrue(lines.last?.contains("Cmd=") == false, "the log should use base64 queries")
            let f = try analyze([writeLines(lines, to: folder + "/\(format.rawValue).log")])
            assertMatchesTruth(f, LogTruth(records))
        }
    }

    func testSupersededCountsCollisionTokensAndHeartbeatComesFromHbToken() throws {
        var g = LogGenerator(format: .iis, devices: 8, hours: 4, seed: 11)
        let (records, lines) = g.lines()
        let f = try analyze([writeLines(lines, to: temporaryFolder("hb") + "/u_ex.log")])
        let truth = LogTruth(records)
        XCTAssertGreaterThan(truth.superseded, truth.conflict409, "some Pings carry the collision token")
        XCTAssertEqual(f.pings.superseded, truth.superseded)
        XCTAssertEqual(f.pings.shareSuperseded ?? -1, Double(truth.superseded) / Double(truth.pings), accuracy: 1e-12)
        XCTAssertEqual(f.pings.heartbeatSeconds, 900)
        XCTAssertEqual(f.pings.heartbeatSource, "Hb log token")
    }

    func testHeartbeatFromTheLongest200PingsWithoutTokens() throws {
        var g = LogGenerator(format: .apache, devices: 12, hours: 6, seed: 5)
        let (_, lines) = g.lines()
        let f = try analyze([writeLines(lines, to: temporaryFolder("hb2") + "/access.log")])
        // The generator's heartbeat Pings last 900.000–900.399 s.
        XCTAssertEqual(f.pings.heartbeatSeconds ?? 0, 900, accuracy: 1)
        XCTAssertEqual(f.pings.heartbeatSource, "longest 200 Pings")
    }

    func testTimeWindowKeepsRequestsStartingInside() throws {
        var g = LogGenerator(format: .nginx, devices: 6, hours: 4, seed: 2)
        let (records, lines) = g.lines()
        let from = g.start + 3_600_000_000, to = g.start + 2 * 3_600_000_000
        let path = writeLines(lines, to: temporaryFolder("window") + "/access.log")
        let f = try analyze([path], options: LogReader.Options(from: from, to: to))
        let inside = records.filter { $0.start >= from && $0.start < to }
        assertMatchesTruth(f, LogTruth(inside))
        XCTAssertEqual(f.skippedByReason.first { $0.reason == .outsideTimeWindow }?.count, records.count - inside.count)
    }

    func testHourlyFiguresUseTheLogsOwnOffset() throws {
        // Apache stamps with +0200: hour of day in that zone.
        let line = #"10.0.0.1 - bob [01/Mar/2024:23:30:00 +0200] "POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=bob&DeviceId=D1&DeviceType=iPhone HTTP/1.1" 200 12 "-" "UA" 5000000"#
        let f = try analyze([writeLines([line], to: temporaryFolder("offset") + "/a.log")])
        XCTAssertEqual(f.utcOffsetMinutes, 120)
        XCTAssertEqual(f.hourly[23].requests, 1)
        XCTAssertEqual(f.spanStart, Double(1_709_328_600))   // 21:30 UTC
    }
}
