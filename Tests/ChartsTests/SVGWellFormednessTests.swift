import XCTest
@testable import Charts

final class SVGWellFormednessTests: XCTestCase {
    let sizes: [(Int, Int)] = [(880, 380), (320, 200), (1_600, 900), (120, 80)]

    func testEveryFixtureParsesAndStaysInsideTheViewBox() {
        for (index, chart) in Fixtures.all.enumerated() {
            for (w, h) in sizes {
                let svg = chart.svg(width: w, height: h)
                // On failure the message shows the SVG prefix, which names the fixture by its title.
                _ = index
                assertValidSVG(svg)
            }
        }
    }

    func testTextIsEscaped() {
        for chart in Fixtures.all {
            let svg = chart.svg(width: 880, height: 380)
            XCTAssertFalse(svg.contains("<script"), "unescaped markup")
            XCTAssertFalse(svg.contains("<b>"), "unescaped markup")
            XCTAssertFalse(svg.contains("\u{01}"), "control character leaked")
            XCTAssertFalse(svg.contains("NaN") || svg.contains("nan\"") || svg.contains("inf\""))
        }
        let svg = Fixtures.lineCharts[0].svg(width: 880, height: 380)
        guard let parsed = assertValidSVG(svg) else { return }
        // The parser decodes entities, so the original text must come back intact.
        XCTAssertTrue(parsed.texts.contains { $0.contains("<script>alert(1)</script>") })
    }

    func testDegenerateSizesStillProduceValidSVG() {
        for chart in Fixtures.all {
            for (w, h) in [(0, 0), (-10, 50), (1, 1), (30, 20), (5_000, 40)] {
                assertValidSVG(chart.svg(width: w, height: h))
            }
        }
    }

    func testEscapeDropsForbiddenControlCharacters() {
        XCTAssertEqual(Markup.escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        XCTAssertEqual(Markup.escape("x\u{0}\u{1F}y\tz\n"), "xy\tz\n")
        XCTAssertEqual(Markup.escape("µs – ∞"), "µs – ∞")
    }

    func testLongSeriesAreReducedButKeepTheirExtremes() {
        let n = 200_000
        let points = (0..<n).map { i -> (x: Double, y: Double) in (Double(i), i == 123_456 ? 1_000 : Double(i % 37)) }
        let chart = LineChart(series: [.init("long", points: points, interpolation: .stepAfter)])
        let svg = chart.svg(width: 800, height: 300)
        guard let parsed = assertValidSVG(svg) else { return }
        let path = parsed.elements.first { $0.name == "path" }?.attributes["d"] ?? ""
        let vertices = path.split(separator: " ").filter { $0.hasPrefix("M") || $0.hasPrefix("L") }.count
        XCTAssertLessThan(vertices, 8_000)
        XCTAssertLessThan(svg.utf8.count, 200_000)
        // The single spike reaches the top of the plot.
        let yValues = path.split(separator: " ").enumerated().compactMap { $0.offset % 2 == 1 ? Double($0.element) : nil }
        let top = yValues.min() ?? .infinity
        XCTAssertLessThan(top, 60)
    }

    func testManyCategoriesAreThinnedOrRotated() {
        let chart = Fixtures.barCharts[4]
        guard let parsed = assertValidSVG(chart.svg(width: 400, height: 300)) else { return }
        let categoryLabels = parsed.texts.filter { $0.hasPrefix("category number") && !$0.contains(":") }
        XCTAssertGreaterThan(categoryLabels.count, 3)
        XCTAssertLessThan(categoryLabels.count, 60)
        XCTAssertTrue(parsed.elements.contains { $0.attributes["transform"]?.hasPrefix("rotate(-35") == true })
    }

    func testLabelThinningKeepsNonOverlappingLabels() {
        let visible = LabelThinning.visible(centres: [0, 10, 20, 30, 40], extents: [12, 12, 12, 12, 12], gap: 2)
        XCTAssertEqual(visible, [true, false, true, false, true])
        let descending = LabelThinning.visible(centres: [100, 90, 50], extents: [13, 13, 13], gap: 2)
        XCTAssertEqual(descending, [true, false, true])
    }

    func testPaletteIsOkabeItoAndWraps() {
        XCTAssertEqual(Palette.color(at: 0), "#0072B2")
        XCTAssertEqual(Palette.color(at: 1), "#E69F00")
        XCTAssertEqual(Palette.color(at: 8), Palette.color(at: 0))
        XCTAssertEqual(Palette.color(at: -1), Palette.color(at: 7))
        XCTAssertEqual(Palette.textColor(on: "#0072B2"), "#ffffff")
        XCTAssertEqual(Palette.textColor(on: "#F0E442"), Theme.text)
        XCTAssertEqual(Palette.textColor(on: "not a colour"), Theme.text)
    }
}
