@testable import ScenarioFile
import XCTest

final class SuggestionTests: XCTestCase {
    func testEditDistance() {
        func distance(_ a: String, _ b: String) -> Int { Suggestions.editDistance(Array(a), Array(b)) }
        XCTAssertEqual(distance("", ""), 0)
        XCTAssertEqual(distance("", "abc"), 3)
        XCTAssertEqual(distance("kitten", "sitting"), 3)
        XCTAssertEqual(distance("heartbaet", "heartbeat"), 1)  // a swap of neighbours is one edit
        XCTAssertEqual(distance("cuont", "count"), 1)
        XCTAssertEqual(distance("threads", "thread"), 1)
    }

    func testClosest() {
        let keys = DecodeContext.populationKeys
        XCTAssertEqual(Suggestions.closest(to: "heartbaet", among: keys), "heartbeat")
        XCTAssertEqual(Suggestions.closest(to: "PINGGRACE", among: keys), "pingGrace")
        XCTAssertEqual(Suggestions.closest(to: "firewal", among: keys), "firewall")
        XCTAssertEqual(Suggestions.closest(to: "batt", among: keys), "battery")  // a truncated key
        XCTAssertNil(Suggestions.closest(to: "colour", among: keys))
        XCTAssertNil(Suggestions.closest(to: "", among: keys))
        // Short words need a close match: "5g" is not a typo of "3g", "lt" is one of "lte".
        XCTAssertNil(Suggestions.closest(to: "5g", among: DecodeContext.radioNames))
        XCTAssertEqual(Suggestions.closest(to: "lt", among: DecodeContext.radioNames), "lte")
        // The nearest wins, then the first listed.
        XCTAssertEqual(Suggestions.closest(to: "maxx", among: ["min", "max"]), "max")
    }

    func testQuotedList() {
        XCTAssertEqual(Suggestions.quotedList([]), "")
        XCTAssertEqual(Suggestions.quotedList(["a"]), "\"a\"")
        XCTAssertEqual(Suggestions.quotedList(["a", "b"]), "\"a\" or \"b\"")
        XCTAssertEqual(Suggestions.quotedList(["a", "b", "c"], conjunction: "and"), "\"a\", \"b\" and \"c\"")
    }

    /// Keys, keyword values and population names all get a "did you mean".
    func testDidYouMeanInMessages() {
        XCTAssertEqual(problems(populationDocument("sycnTimeout: \"1m\"")), [
            "test.json5:3:5: populations.iphone.sycnTimeout: unknown key \"sycnTimeout\"; did you mean \"syncTimeout\"?",
        ])
        XCTAssertEqual(problems(populationDocument("mode: \"psuh\"")), [
            "test.json5:3:11: populations.iphone.mode: expected a string such as \"push\" or \"fetch\", found \"psuh\"; did you mean \"push\"?",
        ])
        XCTAssertEqual(problems(quickstartText, overrides: ["populations.iPhone.count=5"]), [
            "--set populations.iPhone.count=5: populations.iPhone: no population named \"iPhone\"; did you mean \"iphone\"?",
        ])
        XCTAssertEqual(problems(populationDocument("userOpens: { afterNotfy: {} }")), [
            "test.json5:3:18: populations.iphone.userOpens.afterNotfy: unknown key \"afterNotfy\"; did you mean \"afterNotify\"?",
        ])
    }
}
