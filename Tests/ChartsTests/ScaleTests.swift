import XCTest
@testable import Charts

final class ScaleTests: XCTestCase {
    func testLinearEndpointsAndMonotonicity() {
        let scale = Scale(domain: 0...10, pixels: 100...300)
        XCTAssertEqual(scale.map(0), 100)
        XCTAssertEqual(scale.map(10), 300)
        XCTAssertEqual(scale.map(5), 200)
        var previous = -Double.infinity
        for i in 0...100 {
            let p = scale.map(Double(i) / 10)
            XCTAssertGreaterThan(p, previous)
            previous = p
        }
    }

    func testFlippedScaleForSVGYAxis() {
        let scale = Scale(domain: 0...40, pixels: 20...220, flipped: true)
        XCTAssertEqual(scale.map(0), 220)
        XCTAssertEqual(scale.map(40), 20)
        XCTAssertLessThan(scale.map(30), scale.map(10))
    }

    func testLogScaleIsEvenPerDecade() {
        let scale = Scale(kind: .log10, domain: 10...1_000, pixels: 0...200)
        XCTAssertEqual(scale.map(10), 0, accuracy: 1e-9)
        XCTAssertEqual(scale.map(100), 100, accuracy: 1e-9)
        XCTAssertEqual(scale.map(1_000), 200, accuracy: 1e-9)
        XCTAssertTrue(scale.map(0).isNaN)
        XCTAssertTrue(scale.map(-5).isNaN)
        XCTAssertFalse(scale.accepts(0))
        XCTAssertTrue(scale.accepts(1e-9))
    }

    func testClampedMapStaysInThePixelRange() {
        let scale = Scale(domain: 0...10, pixels: 100...300)
        XCTAssertEqual(scale.clampedMap(20), 300)
        XCTAssertEqual(scale.clampedMap(-20), 100)
        XCTAssertTrue(scale.clampedMap(.nan).isNaN)
    }

    func testDegenerateDomainMapsToTheMiddle() {
        let scale = Scale(domain: 5...5, pixels: 0...100)
        XCTAssertEqual(scale.map(5), 50)
    }

    func testResolvedAxisHonoursForcedBoundsAndZero() {
        let forced = ResolvedAxis.resolve(Axis(minimum: 0, maximum: 50), values: [3, 70], target: 5)
        XCTAssertEqual(forced.lower, 0)
        XCTAssertEqual(forced.upper, 50)
        XCTAssertTrue(forced.ticks.allSatisfy { $0 >= 0 && $0 <= 50 })
        let zero = ResolvedAxis.resolve(Axis(includesZero: true), values: [30, 38], target: 5)
        XCTAssertEqual(zero.lower, 0)
        let log = ResolvedAxis.resolve(Axis(scale: .log10, includesZero: true), values: [0, -1, 5, 500], target: 5)
        XCTAssertGreaterThan(log.lower, 0)
        XCTAssertEqual(log.labels.count, log.ticks.count)
    }
}
