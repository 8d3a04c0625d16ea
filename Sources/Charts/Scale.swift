/// Maps data values to pixel positions, linearly or logarithmically.
public struct Scale: Sendable, Equatable {
    public var kind: ScaleKind
    public var domain: ClosedRange<Double>
    public var pixels: ClosedRange<Double>
    /// When true the domain's lower bound maps to `pixels.upperBound` (SVG y grows downwards).
    public var isFlipped: Bool

    public init(kind: ScaleKind = .linear, domain: ClosedRange<Double>, pixels: ClosedRange<Double>, flipped: Bool = false) {
        self.kind = kind
        self.domain = domain
        self.pixels = pixels
        self.isFlipped = flipped
    }

    /// Pixel position of `value`; NaN when the value cannot be placed (non-finite, or ≤ 0 on a
    /// log scale). Values outside the domain extrapolate.
    public func map(_ value: Double) -> Double {
        let t = transform(value)
        let t0 = transform(domain.lowerBound)
        let t1 = transform(domain.upperBound)
        guard t.isFinite, t0.isFinite, t1.isFinite else { return .nan }
        let fraction = t1 > t0 ? (t - t0) / (t1 - t0) : 0.5
        let f = isFlipped ? 1 - fraction : fraction
        return pixels.lowerBound + f * (pixels.upperBound - pixels.lowerBound)
    }

    /// Like `map`, but pinned to the pixel range so off-domain data stays inside the plot.
    public func clampedMap(_ value: Double) -> Double {
        let p = map(value)
        return p.isNaN ? p : clamped(p, pixels.lowerBound, pixels.upperBound)
    }

    /// Whether `value` can be placed at all on this scale.
    public func accepts(_ value: Double) -> Bool {
        value.isFinite && (kind == .linear || value > 0)
    }

    func transform(_ value: Double) -> Double {
        switch kind {
        case .linear: return value
        case .log10: return value > 0 ? log10Value(value) : .nan
        }
    }
}
