/// Histogram from pre-binned data, e.g. the push-latency distribution, with optional
/// percentile markers. Bar height is the bin's weight as given, so pass bins of equal width
/// (equal in log space on a log axis) or pass densities.
public struct HistogramChart: SVGChart {
    public struct Bin: Sendable, Equatable {
        public var low: Double
        public var high: Double
        public var weight: Double
        public init(low: Double, high: Double, weight: Double) {
            self.low = low
            self.high = high
            self.weight = weight
        }
    }

    public var title: String
    /// Accessible description (SVG `<desc>`).
    public var summary: String
    /// Bins with a non-finite edge or a negative/non-finite weight are skipped. On a log
    /// x-axis a bin starting at or below zero (e.g. 0…100ms) is drawn one decade wide.
    public var bins: [Bin]
    public var xAxis: Axis
    /// Always linear from zero.
    public var yAxis: Axis
    /// Vertical markers, e.g. p50/p95/p99, labelled at the top of the plot.
    public var markers: [ReferenceLine]
    /// `#RRGGBB`; defaults to the first palette colour.
    public var color: String?

    public init(
        title: String = "",
        summary: String = "",
        bins: [(low: Double, high: Double, weight: Double)] = [],
        xAxis: Axis = Axis(),
        yAxis: Axis = Axis(),
        markers: [ReferenceLine] = [],
        color: String? = nil
    ) {
        self.title = title
        self.summary = summary
        self.bins = bins.map { Bin(low: $0.low, high: $0.high, weight: $0.weight) }
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.markers = markers
        self.color = color
    }

    /// Usable bins with low < high.
    func usableBins(_ probe: Scale) -> [Bin] {
        bins.compactMap { bin in
            guard bin.low.isFinite, bin.high.isFinite, bin.weight.isFinite, bin.weight >= 0 else { return nil }
            let low = min(bin.low, bin.high)
            let high = max(bin.low, bin.high)
            guard high > low, probe.accepts(high) else { return nil }
            return Bin(low: low, high: high, weight: bin.weight)
        }
    }

    /// Where a bin's left edge is drawn; see `bins`.
    func drawnLow(_ bin: Bin, _ probe: Scale) -> Double {
        probe.accepts(bin.low) ? bin.low : bin.high / 10
    }

    public func svg(width: Int, height: Int) -> String {
        var writer = SVGWriter(width: width, height: height)
        writer.begin(title: title, description: summary)
        var yAxis = self.yAxis
        yAxis.scale = .linear
        yAxis.includesZero = true
        let probe = Scale(kind: xAxis.scale, domain: 1...10, pixels: 0...1)
        let usable = usableBins(probe)
        var xValues: [Double] = []
        for bin in usable { xValues += [drawnLow(bin, probe), bin.high] }
        xValues += markers.map(\.value)
        let yValues = usable.map(\.weight)

        let frame = XYFrame(width: writer.width, height: writer.height, title: title, legend: [],
                            xAxis: xAxis, xValues: xValues, yAxis: yAxis, yValues: yValues)
        let (layout, plot, xScale, yScale, xTicks, yTicks) = (frame.layout, frame.plot, frame.xScale, frame.yScale, frame.xTicks, frame.yTicks)

        writer.drawTitle(title, baseline: layout.titleBaseline)
        writer.drawGrid(plot: plot, vertical: [], horizontal: yTicks.map(\.position))
        let fill = color ?? Palette.color(at: 0)
        writer.open("g", [("class", "bins"), ("fill", fill)])
        for bin in usable {
            let xa = xScale.clampedMap(drawnLow(bin, probe))
            let xb = xScale.clampedMap(bin.high)
            let inset = xb - xa > 3 ? 0.5 : 0
            let top = yScale.clampedMap(bin.weight)
            let tip = "\(xAxis.format.detail(bin.low)) – \(xAxis.format.detail(bin.high)): \(yAxis.format.detail(bin.weight))"
            writer.rect(x: xa + inset, y: top, width: max(xb - xa - 2 * inset, 0), height: plot.maxY - top, [], title: tip)
        }
        writer.close("g")
        writer.drawLeftAxis(plot: plot, ticks: yTicks, title: yAxis.label)
        writer.drawBottomAxis(plot: plot, ticks: xTicks, title: xAxis.label)
        writer.drawVerticalReferences(markers, scale: xScale, plot: plot)
        if usable.isEmpty { writer.drawNoData(plot: plot) }
        writer.end()
        return writer.output
    }
}
