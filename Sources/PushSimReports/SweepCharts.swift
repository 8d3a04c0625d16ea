import Charts

/// The sweep report's figures: one per metric, the mean against the first parameter with a
/// 95 % confidence band, one series per combination of the other parameters.
enum SweepCharts {
    /// A line chart on a numeric axis, a grouped bar chart (means only) for categories.
    static func chart(_ metric: SweepMetric, _ d: SweepData, best: SweepPointStats?) -> any SVGChart {
        guard d.axis.isNumeric else { return bars(metric, d) }
        var lines: [LineChart.Series] = []
        for (i, group) in d.series.enumerated() {
            var points: [(x: Double, y: Double)] = []
            var band: [(x: Double, low: Double, high: Double)] = []
            for p in group.points {
                guard let x = d.x(p), let ci = p.interval(metric.key), ci.mean.isFinite else { continue }
                points.append((x, ci.mean))
                // Every metric here is non-negative; a band below zero would only stretch the axis.
                if ci.count > 1 { band.append((x, max(ci.mean - ci.halfWidth, 0), ci.mean + ci.halfWidth)) }
            }
            lines.append(.init(group.label.isEmpty ? metric.title : group.label, points: points, band: band,
                               showsMarkers: true, color: Palette.color(at: i)))
        }
        var horizontal: [ReferenceLine] = []
        if metric.key == .lostShare { horizontal.append(ReferenceLine(SweepFindings.lostLimit, label: "1% limit")) }
        if metric.key == .threadsP99 || metric.key == .threadsMean, d.threadsParameter == nil,
           let capacity = d.stats.first(where: { $0.capacity > 0 })?.capacity, d.stats.allSatisfy({ $0.capacity == capacity || $0.replications == 0 }) {
            horizontal.append(ReferenceLine(Double(capacity), label: "pool size \(ReportText.count(capacity))", color: RunCharts.refusedColor))
        }
        var vertical: [ReferenceLine] = []
        if let best, let x = d.x(best) { vertical.append(ReferenceLine(x, label: "best: \(d.xText(best))", color: RunCharts.status2Color)) }
        // Push latency spans sub-second pushes and many-minute waits after lost Pings; on a
        // linear axis the good points would all sit on zero.
        let ys = lines.flatMap { $0.points.map(\.y) }
        let logScale = metric.key == .latencyP95 && (ys.min() ?? 0) > 0 && (ys.max() ?? 0) / (ys.min() ?? 1) > 100
        return LineChart(title: metric.title, summary: "\(metric.title) against \(d.xName), mean over replications with a 95% confidence band.",
                         xAxis: Axis(d.xName, format: d.axis.kind == .duration ? .duration : .number),
                         yAxis: Axis(metric.axisLabel + (logScale ? " (log scale)" : ""), scale: logScale ? .log10 : .linear,
                                     format: metric.format, includesZero: !logScale),
                         series: lines, horizontalReferences: horizontal, verticalReferences: vertical,
                         showsLegend: d.series.count > 1)
    }

    static func bars(_ metric: SweepMetric, _ d: SweepData) -> BarChart {
        let categories = d.axis.values
        let series = d.series.enumerated().map { i, group in
            BarChart.Series(group.label.isEmpty ? metric.title : group.label, values: categories.map { c in
                group.points.first { d.xText($0) == c }.map { $0.mean(metric.key) } ?? .nan
            }, color: Palette.color(at: i))
        }
        return BarChart(title: metric.title, summary: "\(metric.title) for each \(d.xName), mean over replications.",
                        categories: categories, series: series, valueAxis: Axis(metric.axisLabel, format: metric.format),
                        categoryAxisLabel: d.xName, showsValueLabels: d.series.count == 1, showsLegend: d.series.count > 1)
    }
}
