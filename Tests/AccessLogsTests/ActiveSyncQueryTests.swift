import AccessLogs
import XCTest

/// The base64-encoded query of MS-ASHTTP §2.2.1.1.1.1 and the plain query.
final class ActiveSyncQueryTests: XCTestCase {
    let header = ["#Fields: date time cs-method cs-uri-stem cs-uri-query cs-username sc-status time-taken"]

    func iis(_ query: String, user: String = "-") -> Result<AccessLogRecord, SkipError> {
        parse("2024-03-01 10:00:00 POST /Microsoft-Server-ActiveSync/default.eas \(query) \(user) 200 1500", .iis, header: header)
    }

    func testTheSpecificationsExample() throws {
        // MS-ASHTTP's example: version 14.0, Sync, locale 0x0409, device "v140Device", no
        // policy key, type "SmartPhone".
        let r = try iis("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l", user: "rmjones").get()
        XCTAssertEqual(r.command, .sync)
        XCTAssertEqual(r.deviceID, "v140Device")
        XCTAssertEqual(r.deviceType, "SmartPhone")
        XCTAssertEqual(r.user, "rmjones", "no User parameter: cs-username")
    }

    func testBytesBuiltByHand() throws {
        // byte 0 version 141, byte 1 Ping (18), locale, ID length 5 "Appl1", policy key of 4
        // bytes, type "iPhone", then parameter tag 8 (User) "jdoe".
        var bytes: [UInt8] = [141, 18, 0x09, 0x04, 5] + Array("Appl1".utf8) + [4, 1, 2, 3, 4, 6] + Array("iPhone".utf8)
        bytes += [7, 1, 0x01] + [8, 4] + Array("jdoe".utf8)
        let encoded = Data(bytes).base64EncodedString()
        let r = try iis(encoded).get()
        XCTAssertEqual(r.command, .ping)
        XCTAssertEqual(r.deviceID, "Appl1")
        XCTAssertEqual(r.deviceType, "iPhone")
        XCTAssertEqual(r.user, "jdoe")
        // Percent-encoded base64 (+ / = escaped), as some logs write it, and a Log= token after it.
        let escaped = encoded.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F").replacingOccurrences(of: "=", with: "%3D")
        let s = try iis(escaped + "&Log=V141_Hb600_").get()
        XCTAssertEqual(s.deviceID, "Appl1")
        XCTAssertEqual(s.heartbeatSeconds, 600)
    }

    func testEveryCommandCodeOfTheSpecification() throws {
        let codes: [(UInt8, String)] = [(0, "Sync"), (1, "SendMail"), (2, "SmartForward"), (3, "SmartReply"), (4, "GetAttachment"),
                                        (9, "FolderSync"), (17, "Settings"), (18, "Ping"), (19, "ItemOperations"), (20, "Provision")]
        for (code, name) in codes {
            let bytes: [UInt8] = [161, code, 0x09, 0x04, 2, 65, 66, 0, 1, 88]
            XCTAssertEqual(try iis(Data(bytes).base64EncodedString()).get().command.name, name)
        }
        XCTAssertEqual(try iis(Data([161, 99, 9, 4, 1, 65, 0, 0]).base64EncodedString()).get().command, .other)
    }

    func testBinaryDeviceIDIsShownInHex() throws {
        let guid: [UInt8] = [0xDE, 0xAD, 0xBE, 0xEF, 0, 1, 2, 3]
        let bytes: [UInt8] = [161, 18, 9, 4, UInt8(guid.count)] + guid + [0, 3] + Array("WP8".utf8)
        XCTAssertEqual(try iis(Data(bytes).base64EncodedString()).get().deviceID, "deadbeef00010203")
    }

    func testTruncatedBase64IsStillARequestWithoutACommand() throws {
        // Device-ID length 40, but only 3 bytes follow.
        let r = try iis(Data([161, 18, 9, 4, 40, 65, 66, 67]).base64EncodedString()).get()
        XCTAssertEqual(r.command, .other)
        XCTAssertEqual(r.deviceID, "")
    }

    func testWritersBase64RoundTrips() throws {
        let record = AccessLogRecord(start: 1_709_287_200_000_000, duration: 1_500_000, command: .itemOperations, status: 200,
                                     user: "jdoe", deviceID: "Appl88926N4U3NR", deviceType: "iPhone")
        let encoded = AccessLogWriter.base64(record)
        let decoded = [UInt8](Data(base64Encoded: encoded) ?? Data())
        XCTAssertEqual(decoded[1], 19)
        XCTAssertEqual(decoded[4], 15)
        XCTAssertEqual(String(decoding: decoded[5..<20], as: UTF8.self), "Appl88926N4U3NR")
        XCTAssertEqual(try iis(encoded).get().command, .itemOperations)
    }

    func testPlainQueryKeysAnyOrderAnyCasePercentEscapes() throws {
        let r = try iis("cmd=Ping&deviceid=Dev%201&DEVICETYPE=Android&user=CORP%5Cjdoe&Extra=1").get()
        XCTAssertEqual(r.command, .ping)
        XCTAssertEqual(r.deviceID, "Dev 1")
        XCTAssertEqual(r.deviceType, "Android")
        XCTAssertEqual(r.user, "CORP\\jdoe")
    }

    func testExchangeLogTokens() throws {
        let r = try iis("User=a&DeviceId=b&DeviceType=c&Cmd=Ping&Log=V160_LdapC1_Hb1740_Rto2_Error:PingCollisionDetected_Mbx:X").get()
        XCTAssertEqual(r.heartbeatSeconds, 1740)
        XCTAssertTrue(r.pingCollision)
        XCTAssertTrue(r.superseded)
        let s = try iis("User=a&DeviceId=b&DeviceType=c&Cmd=Ping&Log=V160_NoHb_").get()
        XCTAssertNil(s.heartbeatSeconds)
        XCTAssertFalse(s.pingCollision)
    }
}
