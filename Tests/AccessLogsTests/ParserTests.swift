import AccessLogs
import XCTest

/// One line of each format, and each writer's line read back by its parser.
final class ParserTests: XCTestCase {
    let ping = AccessLogRecord(start: 1_709_287_200_000_000, duration: 287_431_000, command: .ping, status: 409,
                               user: "jdoe", deviceID: "Appl88926N4U3NR", deviceType: "iPhone")

    /// `r` moved so that the stamp its format writes (start or end) falls on a whole second.
    func aligned(_ r: AccessLogRecord, _ format: LogFormat) -> AccessLogRecord {
        var r = r
        if format.stampsEnd { r.start = LogGenerator.ceilSecond(r.end) - r.duration }
        return r
    }

    func testEveryWriterRoundTripsThroughItsParser() throws {
        for format in LogFormat.allCases {
            var records = [ping,
                           AccessLogRecord(start: 1_709_287_500_000_000, duration: 0, command: .sync, status: 200, user: "a b", deviceID: "X&Y=1", deviceType: "Android"),
                           AccessLogRecord(start: 1_709_287_600_000_000, duration: 12_000, command: .options, status: 200, user: "jdoe", deviceID: "", deviceType: ""),
                           AccessLogRecord(start: 1_709_287_700_000_000, duration: 75_000, command: .folderSync, status: 503, user: "jdoe", deviceID: "D", deviceType: "iPhone")]
            if format == .iis {
                records.append(AccessLogRecord(start: 1_709_287_700_000_000, duration: 900_001_000, command: .ping, status: 200, user: "jdoe",
                                               deviceID: "D", deviceType: "iPhone", heartbeatSeconds: 900, pingCollision: true))
            }
            for base64 in [false, true] {
                let writer = AccessLogWriter(format: format, base64Query: base64)
                let parser = format.parser()
                for h in writer.header(start: 0) { XCTAssertEqual(LogFormat.record(h, parser: parser), .failure(SkipError(reason: .directive))) }
                for r in records.map({ aligned($0, format) }) {
                    XCTAssertEqual(try LogFormat.record(writer.line(r), parser: parser).get(), r, "\(format) base64=\(base64): \(writer.line(r))")
                }
            }
        }
    }

    func testIIS() throws {
        let header = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken"
        let line = "2024-03-01 10:04:47 10.1.1.1 POST /Microsoft-Server-ActiveSync/default.eas User=jdoe&DeviceId=Appl88926N4U3NR&DeviceType=iPhone&Cmd=Ping&Log=V161_Hb900_ 443 CORP\\jdoe 10.2.2.2 Apple-iPhone/1402 200 0 0 287431"
        let r = try parse(line, .iis, header: [header]).get()
        XCTAssertEqual(r.end, 1_709_287_487_000_000, "IIS stamps the end")
        XCTAssertEqual(r.duration, 287_431_000)
        XCTAssertEqual(r.start, r.end - 287_431_000)
        XCTAssertEqual(r.user, "jdoe", "the query's User wins over cs-username")
        XCTAssertEqual(r.heartbeatSeconds, 900)
        XCTAssertEqual(parse(line, .iis), .failure(SkipError(reason: .noFieldsHeader)))
        XCTAssertEqual(parse("2024-03-01 10:04:47 10.1.1.1 GET /owa/ - 443 - 10.2.2.2 UA 200 0 0 5", .iis, header: [header]), .failure(SkipError(reason: .notActiveSync)))
        XCTAssertEqual(parse("2024-03-01 10:04:47 10.1.1.1 POST", .iis, header: [header]), .failure(SkipError(reason: .tooFewFields)))
        XCTAssertEqual(parse(line.replacingOccurrences(of: " 200 0 0", with: " 2x0 0 0"), .iis, header: [header]), .failure(SkipError(reason: .badStatus)))
        XCTAssertEqual(parse(line.replacingOccurrences(of: "2024-03-01", with: "2024-13-01"), .iis, header: [header]), .failure(SkipError(reason: .badTimeStamp)))
        XCTAssertEqual(parse(line.replacingOccurrences(of: " 287431", with: " -5"), .iis, header: [header]), .failure(SkipError(reason: .badDuration)))
    }

    func testIISHeaderMidFileWithReorderedFields() throws {
        let parser = LogFormat.iis.parser()
        _ = LogFormat.record("#Fields: date time cs-uri-stem cs-uri-query sc-status time-taken", parser: parser)
        let a = try LogFormat.record("2024-03-01 10:00:00 /Microsoft-Server-ActiveSync Cmd=Ping&DeviceId=A 200 1000", parser: parser).get()
        XCTAssertEqual(a.deviceID, "A")
        _ = LogFormat.record("#Fields: time-taken sc-status cs-uri-query cs-uri-stem time date cs-username", parser: parser)
        let b = try LogFormat.record("2500 409 Cmd=Ping&DeviceId=B /Microsoft-Server-ActiveSync 10:00:05 2024-03-01 bob", parser: parser).get()
        XCTAssertEqual(b.deviceID, "B")
        XCTAssertEqual(b.status, 409)
        XCTAssertEqual(b.duration, 2_500_000)
        XCTAssertEqual(b.end, 1_709_287_205_000_000)
        XCTAssertEqual(b.user, "bob")
        // The old layout no longer applies.
        XCTAssertEqual(LogFormat.record("2024-03-01 10:00:00 /Microsoft-Server-ActiveSync Cmd=Ping&DeviceId=A 200 1000", parser: parser),
                       .failure(SkipError(reason: .tooFewFields)))
    }

    func testApache() throws {
        let line = #"10.0.0.5 - jdoe [01/Mar/2024:11:00:00 +0100] "POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=D1&DeviceType=iPhone HTTP/1.1" 200 1432 "-" "Apple-iPhone/1402 \"x\"" 187345"#
        let r = try parse(line, .apache).get()
        XCTAssertEqual(r.start, 1_709_287_200_000_000, "apache stamps the start; +0100 taken off")
        XCTAssertEqual(r.duration, 187_345)
        XCTAssertEqual(r.command, .sync)
        XCTAssertEqual(parse(line.replacingOccurrences(of: " 187345", with: ""), .apache), .failure(SkipError(reason: .tooFewFields)))
        XCTAssertEqual(parse(#"10.0.0.5 - - [01/Mar/2024:11:00:00 +0100] "GET /health HTTP/1.1" 200 2 "-" "probe" 45"#, .apache), .failure(SkipError(reason: .notActiveSync)))
    }

    func testNginx() throws {
        let line = #"10.0.0.5 - - [01/Mar/2024:10:05:00 +0000] "POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=jdoe&DeviceId=D1&DeviceType=iPhone HTTP/1.1" 200 12 "-" "UA" 299.871"#
        let r = try parse(line, .nginx).get()
        XCTAssertEqual(r.end, 1_709_287_500_000_000, "nginx stamps the end")
        XCTAssertEqual(r.duration, 299_871_000)
        XCTAssertEqual(r.user, "jdoe")
    }

    func testDomino() throws {
        // Traveler's request line; Domino user names may hold spaces; fields after the ms.
        let line = #"10.0.0.5 - "John Doe/ACME" [03/Jun/2013:08:00:00 +0000] "POST /servlet/traveler/Microsoft-Server-ActiveSync?User=jdoe&DeviceId=Appl88926N4U3NR&DeviceType=iPhone&Cmd=Ping HTTP/1.1" 409 0 "-" "Apple-iPhone5C2/1002.329" 167220 "-" "d:/domino/data/traveler""#
        let r = try parse(line, .domino).get()
        XCTAssertEqual(r.start, 1_370_246_400_000_000)
        XCTAssertEqual(r.duration, 167_220_000)
        XCTAssertEqual(r.status, 409)
        XCTAssertEqual(r.deviceID, "Appl88926N4U3NR")
        XCTAssertTrue(r.superseded)
    }

    func testZPush() throws {
        let line = "01/03/2024 10:00:05 [12345] [INFO] [jdoe] cmd='Ping' memory='2.10 MiB/2.50 MiB' time='45.31s' devType='iPhone' devId='abc123' getUser='jdoe' from='10.0.0.5' idle='0s' version='2.7.1' method='POST' httpcode='200'"
        let r = try parse(line, .zpush).get()
        XCTAssertEqual(r.end, 1_709_287_205_000_000)
        XCTAssertEqual(r.duration, 45_310_000)
        XCTAssertEqual(r.deviceID, "abc123")
        XCTAssertEqual(r.user, "jdoe")
        XCTAssertEqual(parse("01/03/2024 10:00:05 [12345] [DEBUG] [jdoe] Ping: waiting", .zpush), .failure(SkipError(reason: .malformed)))
    }

    func testLogTimeParsesCommandLineTimes() {
        XCTAssertEqual(LogTime.parse("2024-03-01"), 1_709_251_200_000_000)
        XCTAssertEqual(LogTime.parse("2024-03-01T10:00:00Z"), 1_709_287_200_000_000)
        XCTAssertEqual(LogTime.parse("2024-03-01 10:00:00.5"), 1_709_287_200_500_000)
        XCTAssertEqual(LogTime.parse("1709287200"), 1_709_287_200_000_000)
        XCTAssertNil(LogTime.parse("yesterday"))
        XCTAssertNil(LogTime.parse("2024-02-30x"))
        XCTAssertEqual(LogTime.text(1_709_287_200_000_000), "2024-03-01 10:00:00")
    }
}
