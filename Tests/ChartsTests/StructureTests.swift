import XCTest
@testable import Charts

final class StructureTests: XCTestCase {
    func tinyChart() -> LineChart {
        LineChart(
            title: "Tiny",
            summary: "A tiny chart",
            xAxis: Axis("time", format: .duration),
            yAxis: Axis("threads"),
            series: [
                .init("alpha", points: [(0, 1), (3_600, 3), (7_200, 2)], interpolation: .stepAfter),
                .init("beta", points: [(0, 2), (3_600, 1), (7_200, 4)], showsMarkers: true),
            ],
            horizontalReferences: [ReferenceLine(5, label: "pool size 5")],
            verticalReferences: [ReferenceLine(1_800, label: "firewall timeout 30m")]
        )
    }

    func testSameInputGivesIdenticalOutput() {
        for chart in Fixtures.all {
            XCTAssertEqual(chart.svg(width: 640, height: 320), chart.svg(width: 640, height: 320))
        }
        XCTAssertEqual(tinyChart().svg(width: 500, height: 300), tinyChart().svg(width: 500, height: 300))
    }

    func testTinyChartStructure() {
        let svg = tinyChart().svg(width: 500, height: 300)
        guard let parsed = assertValidSVG(svg) else { return }
        XCTAssertEqual(parsed.count("path"), 2, "one path per series")
        XCTAssertEqual(parsed.count("circle"), 3 + 3 + 1, "markers, hover targets and the legend marker")
        XCTAssertEqual(parsed.count("desc"), 1)
        XCTAssertTrue(parsed.texts.contains("alpha"), "legend entry")
        XCTAssertTrue(parsed.texts.contains("beta"), "legend entry")
        XCTAssertTrue(parsed.texts.contains("pool size 5"))
        XCTAssertTrue(parsed.texts.contains("firewall timeout 30m"))
        XCTAssertTrue(parsed.texts.contains("time"))
        XCTAssertTrue(parsed.texts.contains("threads"))
        XCTAssertTrue(parsed.texts.contains("1h"), "duration tick labels")
        XCTAssertTrue(parsed.texts.contains { $0.contains("beta\ntime: 1h\nthreads: 1") }, "exact-value tooltip")
        XCTAssertFalse(parsed.texts.contains("No data"))
        // The y axis reaches past the reference line at 5, leaving room for its label above it.
        XCTAssertGreaterThan(parsed.texts.compactMap(Double.init).max() ?? 0, 5)
        // The step line only has horizontal and vertical segments.
        let d = parsed.elements.first { $0.name == "path" }?.attributes["d"] ?? ""
        let points = d.split(separator: " ").map { String($0) }
        var coordinates: [(Double, Double)] = []
        var i = 0
        while i + 1 < points.count {
            coordinates.append((Double(points[i].dropFirst())!, Double(points[i + 1])!))
            i += 2
        }
        XCTAssertEqual(coordinates.count, 5)
        for k in coordinates.indices.dropFirst() {
            XCTAssertTrue(coordinates[k].0 == coordinates[k - 1].0 || coordinates[k].1 == coordinates[k - 1].1)
        }
    }

    func testLegendOnlyWithSeveralSeries() {
        let one = LineChart(series: [.init("solo", points: [(0, 1), (1, 2)])])
        XCTAssertFalse(one.svg(width: 400, height: 200).contains("class=\"legend\""))
        XCTAssertTrue(tinyChart().svg(width: 400, height: 200).contains("class=\"legend\""))
        var forced = one
        forced.showsLegend = true
        XCTAssertTrue(forced.svg(width: 400, height: 200).contains("class=\"legend\""))
    }

    func testBandIsDrawnBehindTheLine() {
        let chart = Fixtures.lineCharts[1]
        let svg = chart.svg(width: 600, height: 300)
        guard let parsed = assertValidSVG(svg) else { return }
        let paths = parsed.elements.filter { $0.name == "path" }
        XCTAssertEqual(paths.count, 2)
        XCTAssertEqual(paths.first?.attributes["fill-opacity"], Theme.bandOpacity)
        XCTAssertEqual(paths.first?.attributes["d"]?.hasSuffix("Z"), true)
        XCTAssertEqual(paths.last?.attributes["fill"], "none")
        XCTAssertEqual(parsed.count("circle"), 4, "markers; one series, so no legend")
    }

    func testGapsBreakTheLine() {
        let chart = LineChart(series: [.init("gappy", points: [(0, 1), (1, 2), (2, .nan), (3, 2), (4, 1)])])
        let d = SVGInspector.parse(chart.svg(width: 400, height: 200))?.elements.first { $0.name == "path" }?.attributes["d"] ?? ""
        XCTAssertEqual(d.filter { $0 == "M" }.count, 2)
    }

    func testStackedBarStructure() {
        let chart = Fixtures.barCharts[3] // stacked, horizontal
        guard let parsed = assertValidSVG(chart.svg(width: 700, height: 260)) else { return }
        let bars = parsed.elements.filter { $0.name == "rect" && $0.attributes["stroke"] == Theme.background }
        XCTAssertEqual(bars.count, 10, "five segments for each of two populations")
        XCTAssertTrue(parsed.texts.contains("Status 1"))
        XCTAssertTrue(parsed.texts.contains("71.0%"), "value label inside the largest segment")
        XCTAssertTrue(parsed.texts.contains("100%"))
        XCTAssertTrue(parsed.texts.contains { $0.hasPrefix("Corporate Wi-Fi · 409: 1.00%") }, "tooltip")
    }

    func testGroupedBarsHaveOneRectPerValue() {
        let chart = BarChart(categories: ["a", "b", "c"], series: [.init("x", values: [1, 2, 3]), .init("y", values: [3, .nan, 1])])
        guard let parsed = assertValidSVG(chart.svg(width: 500, height: 300)) else { return }
        let bars = parsed.elements.filter { $0.name == "rect" && $0.attributes["rx"] == nil && $0.attributes["fill"] != Theme.background }
        XCTAssertEqual(bars.count, 5)
    }

    func testHistogramMarkersAndBins() {
        let chart = HistogramChart(bins: [(0.1, 1, 0.2), (1, 10, 0.5), (10, 100, 0.3)],
                                   xAxis: Axis("latency", scale: .log10, format: .duration), yAxis: Axis(format: .percent),
                                   markers: [ReferenceLine(2, label: "p50"), ReferenceLine(40, label: "p95"), ReferenceLine(90, label: "p99")])
        guard let parsed = assertValidSVG(chart.svg(width: 600, height: 300)) else { return }
        XCTAssertEqual(parsed.elements.filter { $0.name == "rect" && $0.attributes["fill"] == nil }.count, 3)
        for label in ["p50", "p95", "p99", "100ms", "1s", "10s", "1m"] {
            XCTAssertTrue(parsed.texts.contains(label), label)
        }
        // Bins are equally wide on the log axis.
        let widths = parsed.elements.filter { $0.name == "rect" && $0.attributes["fill"] == nil }.compactMap { Double($0.attributes["width"] ?? "") }
        XCTAssertEqual(widths.count, 3)
        if widths.count == 3 {
            XCTAssertEqual(widths[0], widths[1], accuracy: 0.02)
        }
    }
}
