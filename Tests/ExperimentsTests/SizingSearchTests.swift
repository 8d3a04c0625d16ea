import XCTest
@testable import Experiments

/// The search of `pushsim size` against known step functions: on a monotone predicate it
/// must land exactly on the boundary (the answer meets, its neighbour fails), for every
/// round width; evaluations it contradicts are reported and the bracket scanned.
final class SizingSearchTests: XCTestCase {
    /// Runs the search, checking that no index is ever evaluated twice.
    func search(_ s: SizingSearch, _ meets: @escaping (Int) -> Bool) -> SizingSearch.Outcome {
        var seen = Set<Int>()
        return s.run { indices in
            for i in indices {
                XCTAssertTrue(seen.insert(i).inserted, "index \(i) evaluated twice")
                XCTAssertTrue((0...s.last).contains(i), "index \(i) outside 0...\(s.last)")
            }
            return indices.map(meets)
        }
    }

    func testSmallestLandsOnTheBoundaryForEveryThresholdAndWidth() {
        for last in [0, 1, 2, 5, 17, 100, 1000] {
            for width in [1, 2, 3, 5] {
                for threshold in Set([0, 1, last / 3, last / 2, last - 1, last, last + 1].filter { $0 >= 0 }) {
                    let o = search(SizingSearch(last: last, direction: .smallest, width: width)) { $0 >= threshold }
                    let label = "last \(last) width \(width) threshold \(threshold)"
                    XCTAssertEqual(o.answer, threshold <= last ? threshold : nil, label)
                    XCTAssertEqual(o.next, threshold <= last && threshold > 0 ? threshold - 1 : nil, label)
                    XCTAssertTrue(o.contradictions.isEmpty, label)
                    XCTAssertNil(o.scanned, label)
                }
            }
        }
    }

    func testLargestLandsOnTheBoundaryForEveryThresholdAndWidth() {
        for last in [0, 1, 2, 5, 17, 100, 1000] {
            for width in [1, 2, 4] {
                for threshold in Set([-1, 0, 1, last / 3, last / 2, last - 1, last].filter { $0 >= -1 && $0 <= last }) {
                    let o = search(SizingSearch(last: last, direction: .largest, width: width)) { $0 <= threshold }
                    let label = "last \(last) width \(width) threshold \(threshold)"
                    XCTAssertEqual(o.answer, threshold >= 0 ? threshold : nil, label)
                    XCTAssertEqual(o.next, threshold >= 0 && threshold < last ? threshold + 1 : nil, label)
                    XCTAssertTrue(o.contradictions.isEmpty, label)
                }
            }
        }
    }

    /// Bisection costs about log₂ of the answer plus log₂ of the bracket, not the range.
    func testEvaluationsGrowWithTheLogarithmOfTheAnswer() {
        let o = search(SizingSearch(last: 999_999, direction: .smallest, width: 1)) { $0 >= 611 }
        XCTAssertEqual(o.answer, 611)
        XCTAssertLessThanOrEqual(o.evaluated.count, 2 * 11 + 1)
    }

    /// A value that meets below one that fails: said, and the span between them scanned.
    func testNonMonotoneEvaluationsAreReportedAndTheBracketScanned() {
        let o = search(SizingSearch(last: 100, direction: .smallest, width: 2)) { $0 == 3 || $0 >= 50 }
        XCTAssertFalse(o.contradictions.isEmpty)
        XCTAssertTrue(o.contradictions.contains { $0.meets == 3 && $0.fails == 7 }, "\(o.contradictions)")
        XCTAssertEqual(o.scanned, 3...7)
        XCTAssertEqual(o.answer, 3)
        XCTAssertEqual(o.next, 2)
        for i in 3...7 { XCTAssertTrue(o.evaluated.contains { $0.index == i }, "\(i) not scanned") }

        let l = search(SizingSearch(last: 100, direction: .largest, width: 2)) { $0 >= 2 && $0 <= 20 }
        XCTAssertEqual(l.answer, 20)
        XCTAssertEqual(l.next, 21)
        XCTAssertTrue(l.contradictions.contains { $0.fails < $0.meets }, "a failure below a value that meets: \(l.contradictions)")
    }
}
