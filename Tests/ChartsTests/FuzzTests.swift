import XCTest
@testable import Charts

/// Deterministic pseudo-random inputs, including NaN, infinities, zero, negatives and extremes:
/// every chart must still be valid, in-bounds SVG.
final class FuzzTests: XCTestCase {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        mutating func unit() -> Double { Double(next()) / Double(1 << 53) }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func value() -> Double {
            switch int(12) {
            case 0: return .nan
            case 1: return int(2) == 0 ? .infinity : -.infinity
            case 2: return 0
            case 3: return (unit() - 0.5) * 1e300
            case 4: return unit() * 1e-300
            case 5: return Double(int(5))
            default: return (unit() - 0.3) * pow(10, Double(int(12) - 4))
            }
        }
    }

    func testRandomChartsAreAlwaysValid() {
        var g = Generator(state: 7)
        let formats: [ValueFormat] = [.number, .percent, .duration]
        for round in 0..<60 {
            let xAxis = Axis("x", scale: g.int(3) == 0 ? .log10 : .linear, format: formats[g.int(3)], includesZero: g.int(2) == 0)
            let yAxis = Axis("y", scale: g.int(4) == 0 ? .log10 : .linear, format: formats[g.int(3)], includesZero: g.int(2) == 0)
            let series = (0..<g.int(4)).map { i in
                LineChart.Series("s\(i)", points: (0..<g.int(30)).map { _ in (g.value(), g.value()) },
                                 band: (0..<g.int(5)).map { _ in (g.value(), g.value(), g.value()) },
                                 showsMarkers: g.int(2) == 0, interpolation: g.int(2) == 0 ? .linear : .stepAfter)
            }
            let line = LineChart(title: "fuzz \(round)", xAxis: xAxis, yAxis: yAxis, series: series,
                                 horizontalReferences: [ReferenceLine(g.value(), label: "h")],
                                 verticalReferences: [ReferenceLine(g.value(), label: "v")])
            let categories = (0..<g.int(8)).map { "c\($0)" }
            let bars = BarChart(title: "bars \(round)", categories: categories,
                                series: (0..<g.int(4)).map { i in .init("b\(i)", values: categories.map { _ in g.value() }) },
                                mode: g.int(2) == 0 ? .grouped : .stacked, orientation: g.int(2) == 0 ? .vertical : .horizontal,
                                valueAxis: Axis(format: formats[g.int(3)]), showsValueLabels: true,
                                referenceLines: [ReferenceLine(g.value(), label: "r")])
            let histogram = HistogramChart(title: "hist \(round)", bins: (0..<g.int(20)).map { _ in (g.value(), g.value(), g.value()) },
                                           xAxis: xAxis, yAxis: Axis(format: formats[g.int(3)]),
                                           markers: [ReferenceLine(g.value(), label: "p50")])
            let width = [60, 320, 880, 1_400][g.int(4)]
            let height = [40, 200, 380][g.int(3)]
            for chart in [line, bars, histogram] as [any SVGChart] {
                let svg = chart.svg(width: width, height: height)
                assertValidSVG(svg)
                XCTAssertEqual(svg, chart.svg(width: width, height: height))
            }
        }
    }
}
