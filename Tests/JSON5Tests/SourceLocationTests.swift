import XCTest
import JSON5

final class SourceLocationTests: XCTestCase {
    func testDescriptionIsLineColon() {
        XCTAssertEqual(SourceLocation(line: 12, column: 7, offset: 300).description, "12:7")
    }

    func testStartIsFirstLineFirstColumn() {
        XCTAssertEqual(SourceLocation.start, SourceLocation(line: 1, column: 1, offset: 0))
    }

    func testOrderFollowsOffset() {
        XCTAssertLessThan(SourceLocation(line: 1, column: 9, offset: 8), SourceLocation(line: 2, column: 1, offset: 10))
    }

    func testColumnsCountScalarsAndTabsCountOne() {
        // "é" is 2 UTF-8 bytes, "😀" is 4; each is one column. The tab is one column.
        let node = parsed("{é:\t[\"😀\", 1]}")
        let members = node.value.objectMembers ?? []
        XCTAssertEqual(members.first?.keyLocation, SourceLocation(line: 1, column: 2, offset: 1))
        let array = node["é"]
        XCTAssertEqual(array?.location, SourceLocation(line: 1, column: 5, offset: 5))
        XCTAssertEqual(array?[1]?.location, SourceLocation(line: 1, column: 11, offset: 14))
    }

    func testLinesEndAtEveryJSON5LineTerminator() {
        let text = "[1,\n2,\r3,\r\n4,\u{2028}5,\u{2029}6]"
        let elements = parsed(text).value.arrayElements ?? []
        XCTAssertEqual(elements.map(\.location.line), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(elements.map(\.location.column), [2, 1, 1, 1, 1, 1])
    }

    func testLineContinuationInsideStringAdvancesTheLine() {
        let node = parsed("['a\\\nb', 2]")
        XCTAssertEqual(node[0]?.value, .string("ab"))
        XCTAssertEqual(node[1]?.location.line, 2)
        XCTAssertEqual(node[1]?.location.column, 5)
    }

    func testLocationsAgreeWithIndependentCount() {
        let text = sampleScenario
        var offsets: [SourceLocation] = []
        func collect(_ node: JSON5Node) {
            offsets.append(node.location)
            for element in node.value.arrayElements ?? [] { collect(element) }
            for member in node.value.objectMembers ?? [] {
                offsets.append(member.keyLocation)
                collect(member.value)
            }
        }
        collect(parsed(text))
        XCTAssertGreaterThan(offsets.count, 50)
        for location in offsets {
            XCTAssertEqual(location, naiveLocation(of: location.offset, in: text))
        }
    }
}
