import XCTest
@testable import DiscreteEvent

final class SimTimeTests: XCTestCase {
    func testParsesTheUnitsPeopleWrite() throws {
        XCTAssertEqual(try SimTime(parsing: "250ms"), .milliseconds(250))
        XCTAssertEqual(try SimTime(parsing: "5s"), .seconds(5))
        XCTAssertEqual(try SimTime(parsing: "15m"), .minutes(15))
        XCTAssertEqual(try SimTime(parsing: "2h"), .hours(2))
        XCTAssertEqual(try SimTime(parsing: "7d"), .days(7))
        XCTAssertEqual(try SimTime(parsing: "350s"), .seconds(350))
        XCTAssertEqual(try SimTime(parsing: "1.5s"), .milliseconds(1500))
        XCTAssertEqual(try SimTime(parsing: "1h30m"), .minutes(90))
        XCTAssertEqual(try SimTime(parsing: "120us"), SimTime(microseconds: 120))
        XCTAssertEqual(try SimTime(parsing: " 0 "), .zero)
    }

    func testRejectsWhatIsAmbiguousOrWrong() {
        for bad in ["", "15", "5 sec", "-5s", "s", "1.2.3s", "5m1h", "3w", "1e3s"] {
            XCTAssertThrowsError(try SimTime(parsing: bad), bad)
        }
        XCTAssertEqual((try? SimTime(parsing: "15")) == nil, true)
        do { _ = try SimTime(parsing: "15") } catch let e as SimTime.ParseError {
            XCTAssertTrue(e.description.contains("missing unit"), e.description)
        } catch { XCTFail() }
    }

    func testPrintsTheShortestExactTextAndRoundTrips() throws {
        XCTAssertEqual(SimTime.minutes(15).durationText, "15m")
        XCTAssertEqual(SimTime.seconds(350).durationText, "350s")
        XCTAssertEqual(SimTime.milliseconds(1500).durationText, "1500ms")
        XCTAssertEqual(SimTime(microseconds: 7).durationText, "7us")
        XCTAssertEqual(SimTime.days(2).durationText, "2d")
        XCTAssertEqual(SimTime.zero.durationText, "0s")
        var random = Xoshiro256StarStar(seed: 5)
        for _ in 0..<1_000 {
            let t = SimTime(microseconds: Int64(random.next(below: 1 << 45)))
            XCTAssertEqual(try SimTime(parsing: t.durationText), t)
        }
    }
}
