extension NiceTicks {
    /// Steps a person counts time in: seconds, minutes, hours, days, weeks.
    static let durationSteps: [Double] = [
        1, 2, 5, 10, 15, 30,
        60, 120, 300, 600, 900, 1_800,
        3_600, 7_200, 10_800, 21_600, 43_200,
        86_400, 172_800, 604_800,
    ] + [2.0, 4, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000].map { $0 * 604_800 }

    /// Rungs for log time axes, roughly evenly spaced in log: 1ms, 10ms, 100ms, 1s, 10s, 1m,
    /// 10m, 1h, 6h, 1d, 7d, 30d, 365d.
    static let majorDurationLadder: [Double] = [
        1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 60, 600, 3_600, 21_600, 86_400, 604_800, 2_592_000, 31_536_000,
    ]

    /// Finer rungs, used when a log time axis spans less than two major rungs.
    static let fineDurationLadder: [Double] = [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800,
        3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
    ]

    /// Linear ticks for a range in seconds on whole time units (15m, 6h, 1d, 7d …), 3 to 10
    /// ticks near `target`. Spans under 2 s or over ~30 years fall back to decimal steps.
    public static func duration(lo: Double, hi: Double, target: Int = 5) -> Ticks {
        let (a, b) = sanitizedRange(lo, hi)
        let span = b - a
        if span < 2 || span > 1e9 { return linear(lo: a, hi: b, target: target) }
        let want = clamped(target, 3, 10)
        var best: Ticks?
        var bestScore = Double.infinity
        for step in durationSteps {
            guard let ticks = evenTicks(a, b, step: step, value: { $0 * step }),
                  (3...10).contains(ticks.values.count) else { continue }
            let candidate = score(ticks, a, b, want: want)
            if candidate <= bestScore {
                best = ticks
                bestScore = candidate
            }
        }
        return best ?? linear(lo: a, hi: b, target: target)
    }

    /// Log ticks for a range in seconds on time-friendly rungs (1s, 10s, 1m, 10m, 1h, …).
    /// Falls back to `logarithmic` outside 1µs…1 year.
    public static func logarithmicDuration(lo: Double, hi: Double) -> Ticks {
        let plain = logarithmic(lo: lo, hi: hi)
        let (a, b) = positiveRange(lo, hi)
        guard a >= majorDurationLadder[0], b <= majorDurationLadder[majorDurationLadder.count - 1] else { return plain }
        var values = ladderSlice(majorDurationLadder, a, b, minimumCount: 2)
        if values.count < 3 {
            guard a >= fineDurationLadder[0], b <= fineDurationLadder[fineDurationLadder.count - 1] else { return plain }
            values = ladderSlice(fineDurationLadder, a, b)
        } else if values.count > 10 {
            return plain
        }
        return Ticks(values: values, lower: values[0], upper: values[values.count - 1], step: 0)
    }
}
