/// Bar chart: categories × one or more series, grouped or stacked, vertical or horizontal.
/// Missing values (NaN, or a series shorter than `categories`) draw no bar. Stacks put
/// positive values above zero and negative values below.
public struct BarChart: SVGChart {
    public enum Mode: Sendable, Equatable {
        /// Series side by side within each category.
        case grouped
        /// Series on top of each other (e.g. outcome shares adding up to 100 %).
        case stacked
    }

    public enum Orientation: Sendable, Equatable {
        /// Categories along x, bars grow upwards.
        case vertical
        /// Categories down the left, bars grow rightwards (best for long category names).
        case horizontal
    }

    public struct Series: Sendable {
        public var name: String
        /// One value per category, in category order.
        public var values: [Double]
        /// `#RRGGBB` override; defaults to the palette colour for the series index.
        public var color: String?

        public init(_ name: String, values: [Double], color: String? = nil) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    public var title: String
    /// Accessible description (SVG `<desc>`).
    public var summary: String
    public var categories: [String]
    public var series: [Series]
    public var mode: Mode
    public var orientation: Orientation
    /// The value axis. It is always linear and always includes zero, since bar length encodes value.
    public var valueAxis: Axis
    public var categoryAxisLabel: String
    /// Print values on the bars: at the bar end when grouped, inside segments that have room when stacked.
    public var showsValueLabels: Bool
    /// Lines across the bars at fixed values, e.g. a target share.
    public var referenceLines: [ReferenceLine]
    /// Nil shows a legend exactly when there is more than one series.
    public var showsLegend: Bool?

    public init(
        title: String = "",
        summary: String = "",
        categories: [String] = [],
        series: [Series] = [],
        mode: Mode = .grouped,
        orientation: Orientation = .vertical,
        valueAxis: Axis = Axis(),
        categoryAxisLabel: String = "",
        showsValueLabels: Bool = false,
        referenceLines: [ReferenceLine] = [],
        showsLegend: Bool? = nil
    ) {
        self.title = title
        self.summary = summary
        self.categories = categories
        self.series = series
        self.mode = mode
        self.orientation = orientation
        self.valueAxis = valueAxis
        self.categoryAxisLabel = categoryAxisLabel
        self.showsValueLabels = showsValueLabels
        self.referenceLines = referenceLines
        self.showsLegend = showsLegend
    }

    func value(_ s: Int, _ c: Int) -> Double {
        c < series[s].values.count ? series[s].values[c] : .nan
    }

    func color(of index: Int) -> String { series[index].color ?? Palette.color(at: index) }

    /// One bar or stack segment, in value space.
    struct Segment {
        var category: Int
        var series: Int
        var base: Double
        var end: Double
        var value: Double
        /// Offset and thickness across the category band, in pixels.
        var offset: Double
        var thickness: Double
    }

    var effectiveAxis: Axis {
        var axis = valueAxis
        axis.scale = .linear
        axis.includesZero = true
        return axis
    }

    var axisValues: [Double] {
        var values: [Double] = []
        for c in categories.indices {
            var positive = 0.0
            var negative = 0.0
            for s in series.indices {
                let v = value(s, c)
                guard v.isFinite else { continue }
                if mode == .stacked {
                    if v >= 0 { positive += v } else { negative += v }
                } else {
                    values.append(v)
                }
            }
            if mode == .stacked { values += [positive, negative] }
        }
        return values + referenceLines.map(\.value)
    }

    var hasData: Bool {
        categories.indices.contains { c in series.indices.contains { value($0, c).isFinite } }
    }

    var legendItems: [LegendItem] {
        guard showsLegend ?? (series.count > 1) else { return [] }
        return series.indices.map { LegendItem(name: series[$0].name, color: color(of: $0), symbol: .box) }
    }

    /// Bars and stack segments laid out across a category band of `band` pixels.
    func segments(band: Double) -> [Segment] {
        var result: [Segment] = []
        let count = Double(max(series.count, 1))
        for c in categories.indices {
            switch mode {
            case .stacked:
                let thickness = min(band * 0.62, 72)
                var positive = 0.0
                var negative = 0.0
                for s in series.indices {
                    let v = value(s, c)
                    guard v.isFinite, v != 0 else { continue }
                    let base = v > 0 ? positive : negative
                    if v > 0 { positive += v } else { negative += v }
                    result.append(Segment(category: c, series: s, base: base, end: base + v, value: v,
                                          offset: (band - thickness) / 2, thickness: thickness))
                }
            case .grouped:
                let gap = count > 1 ? min(2, band * 0.02) : 0
                let thickness = max(min((band * 0.72 - gap * (count - 1)) / count, 56), 0.5)
                let groupWidth = thickness * count + gap * (count - 1)
                for s in series.indices {
                    let v = value(s, c)
                    guard v.isFinite else { continue }
                    result.append(Segment(category: c, series: s, base: 0, end: v, value: v,
                                          offset: (band - groupWidth) / 2 + Double(s) * (thickness + gap), thickness: thickness))
                }
            }
        }
        return result
    }

    func tooltip(_ segment: Segment) -> String {
        let category = categories[segment.category]
        let detail = effectiveAxis.format.detail(segment.value)
        return series.count == 1 && series[0].name.isEmpty
            ? "\(category): \(detail)"
            : "\(category) · \(series[segment.series].name): \(detail)"
    }

    public func svg(width: Int, height: Int) -> String {
        var writer = SVGWriter(width: width, height: height)
        writer.begin(title: title, description: summary)
        let plot: Rect
        switch orientation {
        case .vertical: plot = renderVertical(&writer)
        case .horizontal: plot = renderHorizontal(&writer)
        }
        if !hasData { writer.drawNoData(plot: plot) }
        writer.end()
        return writer.output
    }

    func renderVertical(_ writer: inout SVGWriter) -> Rect {
        let axis = effectiveAxis
        let n = Double(max(categories.count, 1))
        let top: Double = 8 + (showsValueLabels && mode == .grouped ? 14 : 0)
        let bottomBase = Theme.tickLength + 17 + (categoryAxisLabel.isEmpty ? 0 : Theme.axisTitleRoom)
        let provisional = ChartLayout.make(width: writer.width, height: writer.height, title: title, legend: legendItems,
                                           insets: Insets(left: 40, right: 8, top: top, bottom: bottomBase))
        let yResolved = ResolvedAxis.fitted(axis, values: axisValues, length: provisional.plot.height, horizontal: false)
        var left = yResolved.maxLabelWidth + Theme.tickLength + Theme.tickLabelGap + (axis.label.isEmpty ? 0 : Theme.axisTitleRoom)
        let estimatedBand = (writer.width - 2 * Theme.padding - left - 8) / n
        let labels = categories.map { TextMetrics.truncate($0, toWidth: min(160, writer.height * 0.3 / 0.574)) }
        let widest = labels.map { TextMetrics.width($0) }.max() ?? 0
        let rotated = widest > estimatedBand - 8
        var bottom = bottomBase
        if rotated {
            bottom = Theme.tickLength + 14 + widest * 0.574 + (categoryAxisLabel.isEmpty ? 0 : Theme.axisTitleRoom)
            let overhang = (labels.first.map { TextMetrics.width($0) } ?? 0) * 0.819 - estimatedBand / 2
            left = max(left, overhang - Theme.padding + 4)
        }
        let layout = ChartLayout.make(width: writer.width, height: writer.height, title: title, legend: legendItems,
                                      insets: Insets(left: left, right: 8, top: top, bottom: bottom))
        let plot = layout.plot
        let yScale = yResolved.scale(plot.minY...plot.maxY, flipped: true)
        let band = plot.width / n
        let yTicks = zip(yResolved.ticks, yResolved.labels).map { TickMark(position: yScale.map($0), label: $1) }

        writer.drawTitle(title, baseline: layout.titleBaseline)
        writer.drawLegend(layout.legend)
        writer.drawGrid(plot: plot, vertical: [], horizontal: yTicks.map(\.position))
        writer.open("g", [("class", "bars")])
        var valueLabels: [(String, Double, Double, String, String)] = [] // text, x, y, anchor, colour
        for segment in segments(band: band) {
            let x0 = plot.minX + Double(segment.category) * band + segment.offset
            let ya = yScale.clampedMap(segment.base)
            let yb = yScale.clampedMap(segment.end)
            let fill = color(of: segment.series)
            var attributes = [("fill", fill)]
            if mode == .stacked { attributes += [("stroke", Theme.background), ("stroke-width", "1")] }
            writer.rect(x: x0, y: min(ya, yb), width: segment.thickness, height: abs(ya - yb), attributes, title: tooltip(segment))
            guard showsValueLabels else { continue }
            let label = axis.format.label(segment.value)
            let labelWidth = TextMetrics.width(label, size: Theme.smallFontSize)
            if mode == .stacked {
                if abs(ya - yb) >= 14 && labelWidth <= segment.thickness - 4 {
                    valueLabels.append((label, x0 + segment.thickness / 2, (ya + yb) / 2 + 4, "middle", Palette.textColor(on: fill)))
                }
            } else if labelWidth <= segment.thickness + (series.count == 1 ? band * 0.25 : 2) {
                let y = segment.value >= 0 ? yb - 4 : yb + 12
                valueLabels.append((label, x0 + segment.thickness / 2, y, "middle", Theme.mutedText))
            }
        }
        writer.close("g")
        drawValueLabels(valueLabels, writer: &writer)
        if yResolved.lower < 0 { drawZeroLine(&writer, from: (plot.minX, yScale.map(0)), to: (plot.maxX, yScale.map(0))) }
        writer.drawLeftAxis(plot: plot, ticks: yTicks, title: axis.label)
        let categoryTicks = labels.indices.map { TickMark(position: plot.minX + (Double($0) + 0.5) * band, label: labels[$0]) }
        writer.drawBottomAxis(plot: plot, ticks: categoryTicks, title: categoryAxisLabel, rotated: rotated, showsTicks: false)
        writer.drawHorizontalReferences(referenceLines, scale: yScale, plot: plot)
        return plot
    }

    func renderHorizontal(_ writer: inout SVGWriter) -> Rect {
        let axis = effectiveAxis
        let n = Double(max(categories.count, 1))
        let labels = categories.map { TextMetrics.truncate($0, toWidth: min(writer.width * 0.3, 200)) }
        let widest = labels.map { TextMetrics.width($0) }.max() ?? 0
        let left = widest + Theme.tickLabelGap + (categoryAxisLabel.isEmpty ? 0 : Theme.axisTitleRoom)
        var right = 8.0
        if showsValueLabels && mode == .grouped {
            let widestValue = axisValues.map { TextMetrics.width(axis.format.label($0), size: Theme.smallFontSize) }.max() ?? 0
            right = max(right, widestValue + 6 - Theme.padding + 8)
        }
        let bottom = Theme.tickLength + 17 + (axis.label.isEmpty ? 0 : Theme.axisTitleRoom)
        let xResolved = ResolvedAxis.fitted(axis, values: axisValues, length: writer.width - 2 * Theme.padding - left - right, horizontal: true)
        right = max(right, TextMetrics.width(xResolved.labels.last ?? "") / 2 - 8)
        let layout = ChartLayout.make(width: writer.width, height: writer.height, title: title, legend: legendItems,
                                      insets: Insets(left: left, right: right, top: 8, bottom: bottom))
        let plot = layout.plot
        let xScale = xResolved.scale(plot.minX...plot.maxX, flipped: false)
        let band = plot.height / n
        let xTicks = zip(xResolved.ticks, xResolved.labels).map { TickMark(position: xScale.map($0), label: $1) }

        writer.drawTitle(title, baseline: layout.titleBaseline)
        writer.drawLegend(layout.legend)
        writer.drawGrid(plot: plot, vertical: xTicks.map(\.position), horizontal: [])
        writer.open("g", [("class", "bars")])
        var valueLabels: [(String, Double, Double, String, String)] = []
        for segment in segments(band: band) {
            let y0 = plot.minY + Double(segment.category) * band + segment.offset
            let xa = xScale.clampedMap(segment.base)
            let xb = xScale.clampedMap(segment.end)
            let fill = color(of: segment.series)
            var attributes = [("fill", fill)]
            if mode == .stacked { attributes += [("stroke", Theme.background), ("stroke-width", "1")] }
            writer.rect(x: min(xa, xb), y: y0, width: abs(xa - xb), height: segment.thickness, attributes, title: tooltip(segment))
            guard showsValueLabels else { continue }
            let label = axis.format.label(segment.value)
            let labelWidth = TextMetrics.width(label, size: Theme.smallFontSize)
            let midY = y0 + segment.thickness / 2 + 4
            if mode == .stacked {
                if abs(xa - xb) >= labelWidth + 6 && segment.thickness >= 13 {
                    valueLabels.append((label, (xa + xb) / 2, midY, "middle", Palette.textColor(on: fill)))
                }
            } else if segment.thickness >= 9 {
                valueLabels.append(segment.value >= 0 ? (label, xb + 4, midY, "start", Theme.mutedText) : (label, xb - 4, midY, "end", Theme.mutedText))
            }
        }
        writer.close("g")
        drawValueLabels(valueLabels, writer: &writer)
        if xResolved.lower < 0 { drawZeroLine(&writer, from: (xScale.map(0), plot.minY), to: (xScale.map(0), plot.maxY)) }
        let categoryTicks = labels.indices.map { TickMark(position: plot.minY + (Double($0) + 0.5) * band, label: labels[$0]) }
        writer.drawLeftAxis(plot: plot, ticks: categoryTicks, title: categoryAxisLabel, showsLine: true, showsTicks: false)
        writer.drawBottomAxis(plot: plot, ticks: xTicks, title: axis.label)
        writer.drawVerticalReferences(referenceLines, scale: xScale, plot: plot)
        return plot
    }

    func drawValueLabels(_ labels: [(String, Double, Double, String, String)], writer: inout SVGWriter) {
        guard !labels.isEmpty else { return }
        writer.open("g", [("class", "value-labels"), ("font-size", SVGNumber.format(Theme.smallFontSize))])
        for (text, x, y, anchor, fill) in labels {
            writer.text(text, [("x", writer.x(x)), ("y", writer.y(y)), ("text-anchor", anchor), ("fill", fill)])
        }
        writer.close("g")
    }

    func drawZeroLine(_ writer: inout SVGWriter, from a: (Double, Double), to b: (Double, Double)) {
        writer.leaf("line", [("x1", writer.x(a.0)), ("y1", writer.y(a.1)), ("x2", writer.x(b.0)), ("y2", writer.y(b.1)),
                             ("stroke", Theme.axis), ("shape-rendering", "crispEdges")])
    }
}
