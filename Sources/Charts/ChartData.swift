/// A chart that renders itself as a standalone SVG document.
public protocol SVGChart: Sendable {
    /// SVG markup (no XML declaration) for a `width` × `height` pixel viewBox.
    /// The same chart always yields byte-identical output.
    func svg(width: Int, height: Int) -> String
}

/// One (x, y) data point; a NaN y breaks the line.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One slice of a confidence band at `x`.
public struct BandPoint: Sendable, Equatable {
    public var x: Double
    public var low: Double
    public var high: Double
    public init(x: Double, low: Double, high: Double) {
        self.x = x
        self.low = low
        self.high = high
    }
}

/// A labelled dashed line across the plot at a fixed value, e.g. "pool size 40".
public struct ReferenceLine: Sendable, Equatable {
    public var value: Double
    public var label: String
    /// Colour override; defaults to dark grey.
    public var color: String?
    public init(_ value: Double, label: String, color: String? = nil) {
        self.value = value
        self.label = label
        self.color = color
    }
}
