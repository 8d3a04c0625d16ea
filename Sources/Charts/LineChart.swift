/// Line chart with optional confidence bands, markers, step interpolation and labelled
/// reference lines. Points should be ordered by x; a NaN y (or a value a log axis cannot
/// show) breaks the line.
public struct LineChart: SVGChart {
    public enum Interpolation: Sendable, Equatable {
        /// Straight segments between points.
        case linear
        /// Each value holds until the next point's x (counts over time, e.g. threads held).
        case stepAfter
    }

    public struct Series: Sendable {
        public var name: String
        public var points: [ChartPoint]
        /// Confidence band drawn as a translucent area behind the line.
        public var band: [BandPoint]
        /// Dots at every point, each with an exact-value tooltip (for sweeps with few points).
        public var showsMarkers: Bool
        public var interpolation: Interpolation
        /// `#RRGGBB` override; defaults to the palette colour for the series index.
        public var color: String?
        public var isDashed: Bool

        public init(
            _ name: String,
            points: [(x: Double, y: Double)],
            band: [(x: Double, low: Double, high: Double)] = [],
            showsMarkers: Bool = false,
            interpolation: Interpolation = .linear,
            color: String? = nil,
            isDashed: Bool = false
        ) {
            self.name = name
            self.points = points.map { ChartPoint(x: $0.x, y: $0.y) }
            self.band = band.map { BandPoint(x: $0.x, low: $0.low, high: $0.high) }
            self.showsMarkers = showsMarkers
            self.interpolation = interpolation
            self.color = color
            self.isDashed = isDashed
        }
    }

    public var title: String
    /// Accessible description (SVG `<desc>`).
    public var summary: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series]
    /// Lines at fixed y values, e.g. "pool size 40"; always inside the y range.
    public var horizontalReferences: [ReferenceLine]
    /// Lines at fixed x values, e.g. "firewall timeout 30m"; always inside the x range.
    public var verticalReferences: [ReferenceLine]
    /// Nil shows a legend exactly when there is more than one series.
    public var showsLegend: Bool?

    /// Series with at most this many points get invisible hover targets with exact values.
    static let hoverTargetLimit = 150

    public init(
        title: String = "",
        summary: String = "",
        xAxis: Axis = Axis(),
        yAxis: Axis = Axis(includesZero: true),
        series: [Series] = [],
        horizontalReferences: [ReferenceLine] = [],
        verticalReferences: [ReferenceLine] = [],
        showsLegend: Bool? = nil
    ) {
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.horizontalReferences = horizontalReferences
        self.verticalReferences = verticalReferences
        self.showsLegend = showsLegend
    }

    func color(of index: Int) -> String { series[index].color ?? Palette.color(at: index) }

    public func svg(width: Int, height: Int) -> String {
        var writer = SVGWriter(width: width, height: height)
        writer.begin(title: title, description: summary)
        let xProbe = Scale(kind: xAxis.scale, domain: 1...10, pixels: 0...1)
        let yProbe = Scale(kind: yAxis.scale, domain: 1...10, pixels: 0...1)

        var xValues: [Double] = []
        var yValues: [Double] = []
        var hasData = false
        for s in series {
            for p in s.points where xProbe.accepts(p.x) && yProbe.accepts(p.y) {
                xValues.append(p.x)
                yValues.append(p.y)
                hasData = true
            }
            for b in s.band where xProbe.accepts(b.x) && yProbe.accepts(b.low) && yProbe.accepts(b.high) {
                xValues.append(b.x)
                yValues.append(b.low)
                yValues.append(b.high)
            }
        }
        xValues += verticalReferences.map(\.value)
        yValues += horizontalReferences.map(\.value)
        yValues += headroom(for: yValues, probe: yProbe)

        let legendItems = (showsLegend ?? (series.count > 1))
            ? series.indices.map { i in
                LegendItem(name: series[i].name, color: color(of: i),
                           symbol: .line(dashed: series[i].isDashed, marker: series[i].showsMarkers, band: !series[i].band.isEmpty))
            }
            : []
        let frame = XYFrame(width: writer.width, height: writer.height, title: title, legend: legendItems,
                            xAxis: xAxis, xValues: xValues, yAxis: yAxis, yValues: yValues)
        let (layout, plot, xScale, yScale, xTicks, yTicks) = (frame.layout, frame.plot, frame.xScale, frame.yScale, frame.xTicks, frame.yTicks)

        writer.drawTitle(title, baseline: layout.titleBaseline)
        writer.drawLegend(layout.legend)
        writer.drawGrid(plot: plot, vertical: xTicks.map(\.position), horizontal: yTicks.map(\.position))

        writer.open("g", [("class", "series")])
        for i in series.indices { drawBand(of: i, writer: &writer, x: xScale, y: yScale) }
        for i in series.indices { drawLine(of: i, writer: &writer, x: xScale, y: yScale, plot: plot) }
        for i in series.indices { drawPoints(of: i, writer: &writer, x: xScale, y: yScale) }
        writer.close("g")

        writer.drawLeftAxis(plot: plot, ticks: yTicks, title: yAxis.label)
        writer.drawBottomAxis(plot: plot, ticks: xTicks, title: xAxis.label)
        writer.drawHorizontalReferences(horizontalReferences, scale: yScale, plot: plot)
        writer.drawVerticalReferences(verticalReferences, scale: xScale, plot: plot)
        if !hasData { writer.drawNoData(plot: plot) }
        writer.end()
        return writer.output
    }

    /// A reference line at the top of the data (e.g. a pool size the series reaches) would sit
    /// on the plot border with no room for its label; extend the axis a little above it.
    func headroom(for values: [Double], probe: Scale) -> [Double] {
        let usable = values.filter { probe.accepts($0) }
        guard let lo = usable.min(), let hi = usable.max(), hi > lo else { return [] }
        return horizontalReferences.compactMap { ref in
            guard probe.accepts(ref.value), ref.value >= hi - (hi - lo) * 0.02 else { return nil }
            switch yAxis.scale {
            case .linear: return ref.value + (hi - lo) * 0.08
            case .log10: return ref.value * power(hi / lo, 0.08)
            }
        }
    }

    func pixels(of s: Series, x: Scale, y: Scale) -> [Pixel?] {
        s.points.map { p in
            x.accepts(p.x) && y.accepts(p.y) ? Pixel(x: x.clampedMap(p.x), y: y.clampedMap(p.y)) : nil
        }
    }

    func drawBand(of index: Int, writer: inout SVGWriter, x: Scale, y: Scale) {
        let s = series[index]
        var uppers: [Pixel?] = []
        var lowers: [Pixel?] = []
        for b in s.band {
            if x.accepts(b.x) && y.accepts(b.low) && y.accepts(b.high) {
                let px = x.clampedMap(b.x)
                uppers.append(Pixel(x: px, y: y.clampedMap(max(b.low, b.high))))
                lowers.append(Pixel(x: px, y: y.clampedMap(min(b.low, b.high))))
            } else {
                uppers.append(nil)
                lowers.append(nil)
            }
        }
        let upperRuns = PathBuilder.runs(uppers)
        let lowerRuns = PathBuilder.runs(lowers)
        for (upper, lower) in zip(upperRuns, lowerRuns) where upper.count >= 2 {
            let stepped = s.interpolation == .stepAfter
            let d = PathBuilder.areaData(upper: stepped ? PathBuilder.stepAfter(upper) : upper,
                                         lower: stepped ? PathBuilder.stepAfter(lower) : lower, writer: writer)
            guard !d.isEmpty else { continue }
            writer.leaf("path", [("d", d), ("fill", color(of: index)), ("fill-opacity", Theme.bandOpacity), ("stroke", "none")],
                        title: s.name + " (confidence band)")
        }
    }

    func drawLine(of index: Int, writer: inout SVGWriter, x: Scale, y: Scale, plot: Rect) {
        let s = series[index]
        var runs = PathBuilder.runs(pixels(of: s, x: x, y: y))
        if s.interpolation == .stepAfter { runs = runs.map(PathBuilder.stepAfter) }
        runs = runs.map { PathBuilder.decimate($0, plotWidth: plot.width) }
        let d = PathBuilder.lineData(runs, writer: writer)
        guard !d.isEmpty else { return }
        var attributes = [("d", d), ("fill", "none"), ("stroke", color(of: index)), ("stroke-width", Theme.lineWidth),
                          ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
        if s.isDashed { attributes.append(("stroke-dasharray", "6 3")) }
        writer.leaf("path", attributes, title: s.name)
    }

    /// Visible markers, or invisible hover targets on short series, each titled with exact values.
    func drawPoints(of index: Int, writer: inout SVGWriter, x: Scale, y: Scale) {
        let s = series[index]
        let valid = s.points.filter { x.accepts($0.x) && y.accepts($0.y) }
        guard s.showsMarkers || (valid.count <= Self.hoverTargetLimit && !valid.isEmpty) else { return }
        let xName = xAxis.label.isEmpty ? "x" : xAxis.label
        let yName = yAxis.label.isEmpty ? "y" : yAxis.label
        for p in valid {
            var tip = "\(s.name)\n\(xName): \(xAxis.format.detail(p.x))\n\(yName): \(yAxis.format.detail(p.y))"
            if valid.count <= Self.hoverTargetLimit, let b = s.band.first(where: { $0.x == p.x }), b.low.isFinite, b.high.isFinite {
                tip += " (\(yAxis.format.detail(min(b.low, b.high))) – \(yAxis.format.detail(max(b.low, b.high))))"
            }
            let cx = writer.x(x.clampedMap(p.x))
            let cy = writer.y(y.clampedMap(p.y))
            if s.showsMarkers {
                writer.leaf("circle", [("cx", cx), ("cy", cy), ("r", writer.radius(3.5)), ("fill", color(of: index)),
                                       ("stroke", Theme.background), ("stroke-width", "1.5")], title: tip)
            } else {
                writer.leaf("circle", [("cx", cx), ("cy", cy), ("r", writer.radius(5)), ("fill", color(of: index)), ("fill-opacity", "0")], title: tip)
            }
        }
    }
}
