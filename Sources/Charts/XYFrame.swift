/// The frame of a chart with a numeric x axis and a numeric y axis: insets wide enough for
/// the y labels and half the last x label, the plot area, both scales and their ticks.
/// Shared by `LineChart` and `HistogramChart`, which differ only in what they draw inside.
struct XYFrame {
    let layout: ChartLayout
    let xScale: Scale
    let yScale: Scale
    let xTicks: [TickMark]
    let yTicks: [TickMark]
    var plot: Rect { layout.plot }

    /// Fits the axes to the values they must show. The y axis is fitted first, on a
    /// provisional layout, because its label width decides how much room the x axis has.
    init(width: Double, height: Double, title: String, legend: [LegendItem],
         xAxis: Axis, xValues: [Double], yAxis: Axis, yValues: [Double]) {
        let bottom = Theme.tickLength + 17 + (xAxis.label.isEmpty ? 0 : Theme.axisTitleRoom)
        let provisional = ChartLayout.make(width: width, height: height, title: title, legend: legend,
                                           insets: Insets(left: 40, right: 8, top: 8, bottom: bottom))
        let yResolved = ResolvedAxis.fitted(yAxis, values: yValues, length: provisional.plot.height, horizontal: false)
        let left = yResolved.maxLabelWidth + Theme.tickLength + Theme.tickLabelGap + (yAxis.label.isEmpty ? 0 : Theme.axisTitleRoom)
        let xResolved = ResolvedAxis.fitted(xAxis, values: xValues, length: width - 2 * Theme.padding - left - 16, horizontal: true)
        let right = max(4, TextMetrics.width(xResolved.labels.last ?? "") / 2 - 8)
        layout = ChartLayout.make(width: width, height: height, title: title, legend: legend,
                                  insets: Insets(left: left, right: right, top: 8, bottom: bottom))
        let plot = layout.plot
        let xScale = xResolved.scale(plot.minX...plot.maxX, flipped: false)
        let yScale = yResolved.scale(plot.minY...plot.maxY, flipped: true)
        self.xScale = xScale
        self.yScale = yScale
        xTicks = zip(xResolved.ticks, xResolved.labels).map { TickMark(position: xScale.map($0), label: $1) }
        yTicks = zip(yResolved.ticks, yResolved.labels).map { TickMark(position: yScale.map($0), label: $1) }
    }
}
