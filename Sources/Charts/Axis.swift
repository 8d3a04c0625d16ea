/// How data values map to positions along an axis.
public enum ScaleKind: Sendable, Equatable {
    case linear
    /// Base-10 logarithmic; values ≤ 0 cannot be shown and are treated as missing.
    case log10
}

/// Configuration of one chart axis.
public struct Axis: Sendable {
    /// Axis title, e.g. "threads held"; empty for none.
    public var label: String
    public var scale: ScaleKind
    public var format: ValueFormat
    /// Extend a linear axis to include zero (honest baselines for counts and shares).
    public var includesZero: Bool
    /// Fixed lower end of the axis; data below it is pinned to the plot edge.
    public var minimum: Double?
    /// Fixed upper end of the axis; data above it is pinned to the plot edge.
    public var maximum: Double?

    public init(
        _ label: String = "",
        scale: ScaleKind = .linear,
        format: ValueFormat = .number,
        includesZero: Bool = false,
        minimum: Double? = nil,
        maximum: Double? = nil
    ) {
        self.label = label
        self.scale = scale
        self.format = format
        self.includesZero = includesZero
        self.minimum = minimum
        self.maximum = maximum
    }
}
