import XCTest
@testable import Charts

final class EmptyDataTests: XCTestCase {
    func assertNoData(_ chart: any SVGChart, file: StaticString = #filePath, line: UInt = #line) {
        for (w, h) in [(600, 300), (200, 100)] {
            let svg = chart.svg(width: w, height: h)
            guard let parsed = assertValidSVG(svg, file: file, line: line) else { return }
            XCTAssertTrue(parsed.texts.contains("No data"), "missing no-data note", file: file, line: line)
        }
    }

    func testEmptyCharts() {
        assertNoData(LineChart())
        assertNoData(LineChart(title: "empty series", series: [.init("a", points: []), .init("b", points: [])]))
        assertNoData(LineChart(series: [.init("nan", points: [(0, .nan), (1, .nan), (.nan, 3)])]))
        assertNoData(LineChart(xAxis: Axis(scale: .log10), series: [.init("non-positive", points: [(0, 1), (-1, 2)])]))
        assertNoData(LineChart(series: [], horizontalReferences: [ReferenceLine(40, label: "pool")]))
        assertNoData(BarChart())
        assertNoData(BarChart(categories: ["a", "b"], series: [.init("x", values: [.nan])]))
        assertNoData(BarChart(categories: ["a"], series: [], orientation: .horizontal))
        assertNoData(HistogramChart())
        assertNoData(HistogramChart(bins: [(1, 1, 5), (.nan, 2, 1)], markers: [ReferenceLine(3, label: "p50")]))
    }

    func testSinglePointIsDrawn() {
        let chart = LineChart(series: [.init("one", points: [(5, 5)])])
        guard let parsed = assertValidSVG(chart.svg(width: 400, height: 200)) else { return }
        XCTAssertFalse(parsed.texts.contains("No data"))
        let d = parsed.elements.first { $0.name == "path" }?.attributes["d"] ?? ""
        XCTAssertTrue(d.hasPrefix("M") && d.contains("L"), "one-point runs become a dot: \(d)")
        XCTAssertEqual(parsed.count("circle"), 1, "hover target")

        let logPoint = LineChart(xAxis: Axis(scale: .log10), yAxis: Axis(scale: .log10), series: [.init("one", points: [(100, 100)], showsMarkers: true)])
        assertValidSVG(logPoint.svg(width: 400, height: 200))

        let bar = BarChart(categories: ["only"], series: [.init("x", values: [0])], showsValueLabels: true)
        guard let parsedBar = assertValidSVG(bar.svg(width: 300, height: 200)) else { return }
        XCTAssertFalse(parsedBar.texts.contains("No data"))
    }
}
