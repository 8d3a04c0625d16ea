import XCTest
import JSON5

final class JSON5ValueTests: XCTestCase {
    func testTypeNames() {
        let node = parsed("[{}, [], 's', 1, true, null]")
        XCTAssertEqual(node.typeName, "array")
        XCTAssertEqual(node.value.arrayElements?.map(\.typeName), ["object", "array", "string", "number", "boolean", "null"])
    }

    func testSubscriptsAreSafe() {
        let node = parsed("{a: [1, 2], b: 'x'}")
        XCTAssertEqual(node["a"]?[1]?.value.numberValue?.integer, 2)
        XCTAssertNil(node["missing"])
        XCTAssertNil(node["a"]?[2])
        XCTAssertNil(node["a"]?[-1])
        XCTAssertNil(node["b"]?["x"])
        XCTAssertNil(node[0])
    }

    func testTypedAccessors() {
        let node = parsed("[null, true, 2, 's', [], {}]")
        XCTAssertEqual(node[0]?.value.isNull, true)
        XCTAssertEqual(node[1]?.value.boolValue, true)
        XCTAssertEqual(node[2]?.value.numberValue?.integer, 2)
        XCTAssertEqual(node[3]?.value.stringValue, "s")
        XCTAssertEqual(node[4]?.value.arrayElements?.count, 0)
        XCTAssertEqual(node[5]?.value.objectMembers?.count, 0)
        XCTAssertNil(node[3]?.value.numberValue)
        XCTAssertNil(node[2]?.value.stringValue)
        XCTAssertEqual(node[2]?.value.isNull, false)
    }

    func testMemberGivesKeyLocation() {
        let node = parsed("{\n  alpha: 1,\n  'beta': 2\n}")
        XCTAssertEqual(node.member("beta")?.keyLocation.description, "3:3")
        XCTAssertEqual(node.member("beta")?.value.location.description, "3:11")
        XCTAssertNil(node.member("gamma"))
    }

    func testEqualityIncludesLocationsButEquivalenceDoesNot() {
        let compact = parsed("{a: [1, 'x']}")
        let spread = parsed("{\n  a: [\n    0x1,\n    \"x\",\n  ],\n}")
        XCTAssertNotEqual(compact, spread)
        XCTAssertTrue(compact.isEquivalent(to: spread))
        XCTAssertFalse(compact.isEquivalent(to: parsed("{a: [1, 'y']}")))
        XCTAssertFalse(compact.isEquivalent(to: parsed("{b: [1, 'x']}")))
        XCTAssertFalse(parsed("{a: 1, b: 2}").isEquivalent(to: parsed("{b: 2, a: 1}")), "member order counts")
        XCTAssertFalse(parsed("[1]").isEquivalent(to: parsed("[true]")))
        XCTAssertTrue(parsed("[NaN]").isEquivalent(to: parsed("[-NaN]")))
    }

    func testValuesAreHashable() {
        let set: Set<JSON5Value> = [parsed("[1, NaN]").value, parsed("[1, NaN]").value, parsed("[1,NaN]").value]
        XCTAssertEqual(set.count, 2, "same text gives equal values; moved text gives different locations")
    }
}
