/// Tick positions for one axis and the axis extent they imply.
public struct Ticks: Sendable, Equatable {
    /// Tick values, strictly increasing.
    public var values: [Double]
    /// Start of the axis. Ticks are "loose": the axis runs from the first to the last tick,
    /// which together cover the data.
    public var lower: Double
    /// End of the axis.
    public var upper: Double
    /// Distance between neighbouring ticks on linear axes; 0 on log axes.
    public var step: Double

    public init(values: [Double], lower: Double, upper: Double, step: Double) {
        self.values = values
        self.lower = lower
        self.upper = upper
        self.step = step
    }
}

/// Heckbert-style "nice numbers": ticks on a 1–2–5 × 10^k grid.
public enum NiceTicks {
    /// Inputs beyond this magnitude are clamped so spans and steps stay finite.
    static let limit = 1e300

    /// Linear ticks covering [lo, hi] with a step of 1, 2 or 5 × 10^k and between 3 and 10
    /// ticks. Candidates are scored by distance from `target` plus the share of the axis left
    /// empty (so 0…5,200 gets 0…6,000 rather than 0…10,000); ties go to the coarser step. NaN or infinite
    /// bounds are ignored; an empty or single-value range is widened around the value
    /// (±10 %, or 0…1 for zero). `lo > hi` is accepted.
    public static func linear(lo: Double, hi: Double, target: Int = 5) -> Ticks {
        let (a, b) = sanitizedRange(lo, hi)
        let want = clamped(target, 3, 10)
        let raw = (b - a) / Double(want - 1)
        let e0 = Int(log10Value(raw).rounded(.down))
        var best: Ticks?
        var bestScore = Double.infinity
        for e in (e0 - 1)...(e0 + 1) {
            for m in [1, 2, 5] {
                let p = pow10(abs(e))
                let step = e >= 0 ? Double(m) * p : Double(m) / p
                // Multiples are computed as n·m·10^e (or n·m / 10^-e) so 0.1-steps print as 0.3, not 0.30000000000000004.
                let ticks = evenTicks(a, b, step: step) { n in
                    e >= 0 ? n * Double(m) * p : n * Double(m) / p
                }
                guard let ticks, (3...10).contains(ticks.values.count) else { continue }
                let candidate = score(ticks, a, b, want: want)
                if candidate <= bestScore {
                    best = ticks
                    bestScore = candidate
                }
            }
        }
        return best ?? Ticks(values: [a, b], lower: a, upper: b, step: b - a)
    }

    /// Linear ticks for the finite values in `data` (NaN and infinities are ignored).
    /// With no finite data the axis is 0…1.
    public static func linear(data: [Double], target: Int = 5, includeZero: Bool = false) -> Ticks {
        var finite = data.filter(\.isFinite)
        if includeZero { finite.append(0) }
        guard let lo = finite.min(), let hi = finite.max() else { return linear(lo: 0, hi: 1, target: target) }
        return linear(lo: lo, hi: hi, target: target)
    }

    /// Log-axis ticks covering [lo, hi]: powers of ten, thinned to at most 10 on very wide
    /// ranges; on narrow ranges (two decades or less) the 1–2–5 multiples as well, with the
    /// axis ending on them. Values ≤ 0 and non-finite values are ignored; with nothing left the
    /// axis is 1…10. Always at least 3 ticks.
    public static func logarithmic(lo: Double, hi: Double) -> Ticks {
        let (a, b) = positiveRange(lo, hi)
        let d0 = Int((log10Value(a) + 1e-9).rounded(.down))
        var d1 = Int((log10Value(b) - 1e-9).rounded(.up))
        if d1 <= d0 { d1 = d0 + 1 }

        if d1 - d0 <= 2 {
            var ladder: [Double] = []
            for k in (d0 - 1)...(d1 + 1) {
                for m in [1.0, 2.0, 5.0] {
                    ladder.append(k >= 0 ? m * pow10(k) : m / pow10(-k))
                }
            }
            let values = ladderSlice(ladder, a, b)
            return Ticks(values: values, lower: values[0], upper: values[values.count - 1], step: 0)
        }

        var stride = 1
        while true {
            let start = floorDiv(d0, stride) * stride
            let end = -floorDiv(-d1, stride) * stride
            let count = (end - start) / stride + 1
            if count <= 10 {
                let values = Swift.stride(from: start, through: end, by: stride).map(pow10)
                return Ticks(values: values, lower: values[0], upper: values[values.count - 1], step: 0)
            }
            stride += 1
        }
    }

    /// Lower is better: tick-count error plus a penalty for axis space the data leaves empty.
    static func score(_ ticks: Ticks, _ a: Double, _ b: Double, want: Int) -> Double {
        let coverage = (b - a) / (ticks.upper - ticks.lower)
        return Double(abs(ticks.values.count - want)) + 4 * (1 - coverage)
    }

    /// A finite range of positive values with a ≤ b, from arbitrary inputs (1…10 if none).
    static func positiveRange(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let usable: (Double) -> Bool = { $0.isFinite && $0 > 0 }
        var a = lo
        var b = hi
        switch (usable(a), usable(b)) {
        case (true, true): break
        case (true, false): b = a
        case (false, true): a = b
        case (false, false):
            a = 1
            b = 10
        }
        if a > b { swap(&a, &b) }
        return (clamped(a, 1 / limit, limit), clamped(b, 1 / limit, limit))
    }

    /// The part of an increasing `ladder` from the last rung ≤ a to the first rung ≥ b,
    /// widened alternately at both ends to at least `minimumCount` rungs where the ladder allows.
    static func ladderSlice(_ ladder: [Double], _ a: Double, _ b: Double, minimumCount: Int = 3) -> [Double] {
        var lowIndex = ladder.lastIndex { $0 <= a * (1 + 1e-9) } ?? 0
        var highIndex = ladder.firstIndex { $0 >= b * (1 - 1e-9) } ?? ladder.count - 1
        if highIndex < lowIndex { highIndex = lowIndex }
        var widenLow = true
        while highIndex - lowIndex + 1 < minimumCount && (lowIndex > 0 || highIndex < ladder.count - 1) {
            if widenLow && lowIndex > 0 {
                lowIndex -= 1
            } else if highIndex < ladder.count - 1 {
                highIndex += 1
            } else {
                lowIndex -= 1
            }
            widenLow.toggle()
        }
        return Array(ladder[lowIndex...highIndex])
    }

    /// Multiples of `step` from the last one ≤ a to the first one ≥ b; `value(n)` computes the
    /// n-th multiple exactly.
    static func evenTicks(_ a: Double, _ b: Double, step: Double, value: (Double) -> Double) -> Ticks? {
        guard step > 0, step.isFinite else { return nil }
        // The tolerance absorbs quotients like 0.3 / 0.1 = 2.9999999999999996.
        let n0 = (a / step + 1e-9).rounded(.down)
        let n1 = (b / step - 1e-9).rounded(.up)
        guard n0.isFinite, n1.isFinite, n1 > n0, n1 - n0 <= 1000 else { return nil }
        var values: [Double] = []
        var n = n0
        while n <= n1 {
            let v = value(n)
            values.append(v == 0 ? 0 : v) // never -0
            n += 1
        }
        return Ticks(values: values, lower: values[0], upper: values[values.count - 1], step: step)
    }

    /// A finite, non-empty range with lo < hi, from arbitrary inputs.
    static func sanitizedRange(_ lo: Double, _ hi: Double) -> (Double, Double) {
        var a = lo.isFinite ? lo : (hi.isFinite ? hi : 0)
        var b = hi.isFinite ? hi : a
        a = clamped(a, -limit, limit)
        b = clamped(b, -limit, limit)
        if a > b { swap(&a, &b) }
        let magnitude = max(a.magnitude, b.magnitude)
        // Spans too small relative to the values cannot be labelled distinctly; treat them as one value.
        if b - a <= magnitude * 1e-10 || b - a < 1e-250 {
            let centre = a / 2 + b / 2
            if centre.magnitude < 1e-250 { return (0, 1) }
            let half = centre.magnitude * 0.1
            return (centre - half, centre + half)
        }
        return (a, b)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
