/// An axis with its data range settled: domain, ticks and their labels.
struct ResolvedAxis {
    var kind: ScaleKind
    var format: ValueFormat
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var labels: [String]

    /// Resolves `axis` for `values` (non-finite values, and values ≤ 0 on log axes, are ignored).
    static func resolve(_ axis: Axis, values: [Double], target: Int) -> ResolvedAxis {
        let kind = axis.scale
        let usable: (Double) -> Bool = { $0.isFinite && (kind == .linear || $0 > 0) }
        var data = values.filter(usable)
        if axis.includesZero && kind == .linear { data.append(0) }
        let forcedMin = axis.minimum.flatMap { usable($0) ? $0 : nil }
        let forcedMax = axis.maximum.flatMap { usable($0) ? $0 : nil }
        let defaultRange: (Double, Double) = kind == .linear ? (0, 1) : (1, 10)
        let lo = forcedMin ?? data.min() ?? defaultRange.0
        let hi = forcedMax ?? data.max() ?? defaultRange.1

        let ticks: Ticks
        switch (kind, axis.format) {
        case (.linear, .duration): ticks = NiceTicks.duration(lo: lo, hi: hi, target: target)
        case (.linear, _): ticks = NiceTicks.linear(lo: lo, hi: hi, target: target)
        case (.log10, .duration): ticks = NiceTicks.logarithmicDuration(lo: lo, hi: hi)
        case (.log10, _): ticks = NiceTicks.logarithmic(lo: lo, hi: hi)
        }

        var lower = forcedMin ?? ticks.lower
        var upper = forcedMax ?? ticks.upper
        if !(lower < upper) {
            lower = ticks.lower
            upper = ticks.upper
        }
        let slack = kind == .linear ? (upper - lower) * 1e-9 : 0
        let kept = ticks.values.filter { v in
            kind == .linear
                ? v >= lower - slack && v <= upper + slack
                : v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9)
        }
        return ResolvedAxis(
            kind: kind,
            format: axis.format,
            lower: lower,
            upper: upper,
            ticks: kept,
            labels: TickLabels.make(kept, step: ticks.step, kind: kind, format: axis.format)
        )
    }

    /// Resolves a horizontal axis of `length` pixels, lowering the tick count until labels
    /// have room; any remaining crowding is handled by thinning labels when drawing.
    static func fitted(_ axis: Axis, values: [Double], length: Double, horizontal: Bool) -> ResolvedAxis {
        guard horizontal else {
            return resolve(axis, values: values, target: clamped(Int((length / 45).rounded()), 3, 8))
        }
        var target = clamped(Int(length / 85), 3, 10)
        var result = resolve(axis, values: values, target: target)
        while target > 3 && !result.labelsFit(length: length) {
            target -= 1
            result = resolve(axis, values: values, target: target)
        }
        return result
    }

    func scale(_ pixels: ClosedRange<Double>, flipped: Bool) -> Scale {
        Scale(kind: kind, domain: lower...upper, pixels: pixels, flipped: flipped)
    }

    func labelsFit(length: Double) -> Bool {
        let s = scale(0...max(length, 1), flipped: false)
        for i in ticks.indices.dropFirst() {
            let room = s.map(ticks[i]) - s.map(ticks[i - 1])
            let needed = (TextMetrics.width(labels[i]) + TextMetrics.width(labels[i - 1])) / 2 + 12
            if room < needed { return false }
        }
        return true
    }

    var maxLabelWidth: Double {
        labels.map { TextMetrics.width($0) }.max() ?? 0
    }
}
