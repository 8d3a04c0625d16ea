import Charts
import Foundation

/// Charts covering every option and the awkward inputs (markup characters, NaN, huge values).
enum Fixtures {
    static let nasty = "A <b>&amp;</b> \"quoted\" 'single' & <script>alert(1)</script> \u{01}"

    static var lineCharts: [LineChart] {
        let times: [Double] = stride(from: 0.0, through: 172_800, by: 600).map { $0 }
        let first: [(x: Double, y: Double)] = times.map { t in (t, 20 + 15 * sin(t / 20_000)) }
        let second: [(x: Double, y: Double)] = times.map { t in
            let y: Double = t > 50_000 && t < 60_000 ? .nan : 10 + 5 * cos(t / 9_000)
            return (t, y)
        }
        return [
            LineChart(
                title: "Threads held over 2 days " + nasty,
                summary: nasty,
                xAxis: Axis("time " + nasty, format: .duration),
                yAxis: Axis("threads " + nasty, includesZero: true),
                series: [
                    .init(nasty, points: first, interpolation: .stepAfter),
                    .init("second", points: second, isDashed: true),
                ],
                horizontalReferences: [ReferenceLine(40, label: "pool size 40 " + nasty)],
                verticalReferences: [ReferenceLine(86_400, label: "day 2 " + nasty), ReferenceLine(90_000, label: "close by")]
            ),
            LineChart(
                title: "409 share vs heartbeat",
                xAxis: Axis("heartbeat", format: .duration),
                yAxis: Axis("409 share", format: .percent),
                series: [
                    .init("carrier", points: [(300, 0.002), (900, 0.003), (1_800, 0.012), (3_600, 0.06)],
                          band: [(300, 0.001, 0.003), (900, 0.002, 0.004), (1_800, 0.009, 0.015), (3_600, 0.05, 0.07)], showsMarkers: true),
                ],
                verticalReferences: [ReferenceLine(1_800, label: "firewall timeout 30m")]
            ),
            LineChart(
                title: "log–log",
                xAxis: Axis("x", scale: .log10),
                yAxis: Axis("y", scale: .log10),
                series: [.init("power law", points: [(0, 1), (1, 1), (10, 100), (100, 10_000), (1_000, -5), (10_000, 1e8)], showsMarkers: true)]
            ),
            LineChart(
                title: "negative and huge",
                series: [
                    .init("a", points: [(-1e300, -1e300), (0, 0), (1e300, 1e300)]),
                    .init("b", points: [(-5, .infinity), (-4, -3), (.nan, 2), (3, 4)]),
                ]
            ),
            LineChart(
                title: "forced bounds pin outliers",
                yAxis: Axis(minimum: 0, maximum: 10),
                series: [.init("spiky", points: [(0, 5), (1, 50), (2, -20), (3, 7)])],
                horizontalReferences: [ReferenceLine(100, label: "off the chart")]
            ),
        ]
    }

    static var barCharts: [BarChart] {
        let outcomes: [BarChart.Series] = [
            .init("Status 1", values: [0.71, 0.78]), .init("Status 2", values: [0.21, 0.19]), .init("409", values: [0.05, 0.01]),
            .init("lost", values: [0.02, 0.01]), .init("503 " + nasty, values: [0.01, 0.01]),
        ]
        var charts: [BarChart] = []
        for mode in [BarChart.Mode.grouped, .stacked] {
            for orientation in [BarChart.Orientation.vertical, .horizontal] {
                charts.append(BarChart(
                    title: "Ping outcomes " + nasty, summary: nasty,
                    categories: ["Carrier NAT " + nasty, "Corporate Wi-Fi"], series: outcomes,
                    mode: mode, orientation: orientation, valueAxis: Axis("share", format: .percent),
                    categoryAxisLabel: "population", showsValueLabels: true,
                    referenceLines: [ReferenceLine(0.5, label: "half " + nasty)]
                ))
            }
        }
        let many = (1...60).map { "category number \($0)" }
        charts.append(BarChart(title: "many categories", categories: many,
                               series: [.init("n", values: many.indices.map { Double($0 * $0) - 400 })], showsValueLabels: true))
        charts.append(BarChart(title: "negative stacks", categories: ["a", "b", "c"],
                               series: [.init("up", values: [3, -2, .nan]), .init("down", values: [-1, -4])],
                               mode: .stacked, showsValueLabels: true))
        charts.append(BarChart(title: "horizontal negatives", categories: ["a", "b"],
                               series: [.init("x", values: [-3, 1e12])], orientation: .horizontal, showsValueLabels: true))
        return charts
    }

    static var histograms: [HistogramChart] {
        var bins: [(low: Double, high: Double, weight: Double)] = []
        var edge = 0.1
        while edge < 3_600 {
            let z = log(edge) - 0.7
            bins.append((edge, edge * 1.5, exp(-z * z / 2)))
            edge *= 1.5
        }
        return [
            HistogramChart(title: "Push latency " + nasty, summary: nasty, bins: bins,
                           xAxis: Axis("latency", scale: .log10, format: .duration), yAxis: Axis("share", format: .percent),
                           markers: [ReferenceLine(2, label: "p50 2s"), ReferenceLine(2.2, label: "p95 " + nasty), ReferenceLine(2.4, label: "p99 2.4s")]),
            HistogramChart(title: "linear with zero-start bins", bins: [(0, 1, 3), (1, 2, 5), (2, 3, .nan), (4, 3, 2), (5, 5, 1), (6, 7, -1)],
                           xAxis: Axis("value"), markers: [ReferenceLine(1.5, label: "median")]),
            HistogramChart(title: "log axis with bins starting at zero", bins: [(0, 0.1, 5), (0.1, 1, 3), (1, 10, 1)],
                           xAxis: Axis("latency", scale: .log10, format: .duration)),
        ]
    }

    static var all: [any SVGChart] { lineCharts + barCharts + histograms }
}
