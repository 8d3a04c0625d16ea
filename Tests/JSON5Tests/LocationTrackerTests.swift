import XCTest
@testable import JSON5

final class LocationTrackerTests: XCTestCase {
    private func locations(_ text: String, _ offsets: [Int]) -> [String] {
        let bytes = Array(text.utf8)
        var tracker = LocationTracker()
        return offsets.map { tracker.location(at: $0, in: bytes).description }
    }

    func testForwardQueries() {
        XCTAssertEqual(locations("ab\ncd", [0, 1, 3, 4, 5]), ["1:1", "1:2", "2:1", "2:2", "2:3"])
    }

    func testCarriageReturnLineFeedIsOneLineBreak() {
        XCTAssertEqual(locations("a\r\nb\rc", [3, 5]), ["2:1", "3:1"])
        // Queried one byte at a time, so the CR and its LF are met in separate calls.
        XCTAssertEqual(locations("a\r\nb", [1, 2, 3]), ["1:2", "2:1", "2:1"])
    }

    func testBackwardQueryRestartsFromTheBeginning() {
        XCTAssertEqual(locations("ab\ncd\nef", [7, 4, 1, 8]), ["3:2", "2:2", "1:2", "3:3"])
    }

    func testOffsetsBeyondTheTextAreClamped() {
        XCTAssertEqual(locations("ab", [10, -3]), ["1:3", "1:1"])
    }

    func testParagraphAndLineSeparatorsBreakLines() {
        XCTAssertEqual(locations("a\u{2028}b\u{2029}c", [4, 8]), ["2:1", "3:1"])
    }
}
