import JSON5
@testable import ScenarioFile
import XCTest

final class KeyPathTests: XCTestCase {
    func testParse() {
        XCTAssertEqual(KeyPath.parse("populations.iphone.count"), [.key("populations"), .key("iphone"), .key("count")])
        XCTAssertEqual(KeyPath.parse("server.restarts[0].at"), [.key("server"), .key("restarts"), .index(0), .key("at")])
        XCTAssertEqual(KeyPath.parse("profile[1][2]"), [.key("profile"), .index(1), .index(2)])
        XCTAssertEqual(KeyPath.parse("populations.0"), [.key("populations"), .key("0")])
        for bad in ["", ".", "a.", ".a", "a..b", "[0]", "a[", "a[]", "a[x]", "a]b", "a[0]b", "a[99999999999999999999999]"] {
            XCTAssertNil(KeyPath.parse(bad), bad)
        }
    }

    func testText() {
        XCTAssertEqual(KeyPath.text([.key("server"), .key("restarts"), .index(0), .key("at")]), "server.restarts[0].at")
        XCTAssertEqual(KeyPath.appending("a", to: ""), "a")
        XCTAssertEqual(KeyPath.appending(index: 2, to: "populations"), "populations[2]")
    }

    func testUsableNames() {
        XCTAssertTrue(KeyPath.isUsableName("iphone"))
        XCTAssertTrue(KeyPath.isUsableName("eu-1"))
        for name in ["", "a.b", "a[0]", "a=b", "12"] { XCTAssertFalse(KeyPath.isUsableName(name), name) }
    }

    func testDisplayText() throws {
        XCTAssertEqual(JSON5Value.string("5m").displayText, "5m")
        XCTAssertEqual(JSON5Value.string("office").displayText, "office")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("0.3")).displayText, "0.3")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("600")).displayText, "600")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("6e2")).displayText, "600")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("-Infinity")).displayText, "-Infinity")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("NaN")).displayText, "NaN")
        XCTAssertEqual(JSON5Value.bool(true).displayText, "true")
        XCTAssertEqual(JSON5Value.null.displayText, "null")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("{ fixed: '10m' }")).displayText, "{\"fixed\":\"10m\"}")
        XCTAssertEqual(try XCTUnwrap(JSON5.parseValue("['30s', 2]")).displayText, "[\"30s\",2]")
    }
}
