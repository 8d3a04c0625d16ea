import DiscreteEvent

/// The radio figures of one population, precomputed for the event loop: transfer times
/// in microseconds and powers in watts. Plain values, so the loop copies no references.
struct RadioParameters {
    var promotionMicros: Double
    var promotionWatts: Double
    var upWatts: Double
    var downWatts: Double
    var tail1Micros: Double
    var tail1Watts: Double
    var tail2Micros: Double
    var tail2Watts: Double
    var microsPerByteUp: Double
    var microsPerByteDown: Double
    // Precomputed for the fast path.
    /// Both tail states, end to end.
    var tailMicros: Double
    var fullTailJoules: Double
    var promotionJoules: Double
    var joulesPerByteUp: Double
    var joulesPerByteDown: Double

    init(_ radio: RadioModel, _ traffic: TrafficSizes) {
        promotionMicros = radio.promotionSeconds * 1e6
        promotionWatts = radio.promotionWatts
        upWatts = radio.activeWatts + radio.wattsPerMbpsUp * traffic.uplinkMbps
        downWatts = radio.activeWatts + radio.wattsPerMbpsDown * traffic.downlinkMbps
        tail1Micros = radio.tail1Seconds * 1e6
        tail1Watts = radio.tail1Watts
        tail2Micros = radio.tail2Seconds * 1e6
        tail2Watts = radio.tail2Watts
        microsPerByteUp = 8 / traffic.uplinkMbps
        microsPerByteDown = 8 / traffic.downlinkMbps
        tailMicros = tail1Micros + tail2Micros
        fullTailJoules = (tail1Micros * tail1Watts + tail2Micros * tail2Watts) * 1e-6
        promotionJoules = promotionMicros * 1e-6 * promotionWatts
        joulesPerByteUp = microsPerByteUp * 1e-6 * upWatts
        joulesPerByteDown = microsPerByteDown * 1e-6 * downWatts
    }
}

/// A device's radio between transfers: when its last transfer ended and what it has used
/// inside the measured window. Energy is computed exactly from transfer times with no
/// events of its own: the tail after a transfer is paid when the next transfer (or the
/// end of the run) shows how long the gap was.
struct RadioMeter {
    /// End of the last transfer, in microseconds; `.min` before the first.
    var lastEnd: Int64 = .min
    /// Joules used inside the window.
    var joules: Double = 0

    /// Accounts a transfer of `bytes` starting at `start`; returns the radio-active
    /// microseconds it added inside the window [from, to].
    @inline(__always)
    mutating func transfer(bytes: Int, uplink: Bool, at start: Int64, _ p: RadioParameters,
                           from: Int64, to: Int64) -> Double {
        // Fast path: the last transfer ended inside the measured window, so nothing needs
        // clipping (every transfer after the warmup but the first).
        if lastEnd >= from && start <= to {
            let begin = max(start, lastEnd)
            let gap = Double(begin &- lastEnd)
            let micros = Double(bytes) * (uplink ? p.microsPerByteUp : p.microsPerByteDown)
            var active = micros
            if gap >= p.tailMicros {
                joules += p.fullTailJoules + p.promotionJoules
                active += p.tailMicros + p.promotionMicros
            } else {
                joules += (gap <= p.tail1Micros ? gap * p.tail1Watts
                           : p.tail1Micros * p.tail1Watts + (gap - p.tail1Micros) * p.tail2Watts) * 1e-6
                active += gap
            }
            joules += Double(bytes) * (uplink ? p.joulesPerByteUp : p.joulesPerByteDown)
            let whole = Int64(micros)
            lastEnd = begin &+ whole &+ (Double(whole) < micros ? 1 : 0)
            return active
        }
        // Transfers on one radio are serial: one that starts during another waits for it.
        let begin = lastEnd == .min ? start : max(start, lastEnd)
        var active = 0.0
        if lastEnd == .min || Double(begin &- lastEnd) >= p.tailMicros {
            if lastEnd != .min { active += tail(upTo: p.tailMicros, p, from: from, to: to) }
            if begin >= from && begin <= to {
                joules += p.promotionMicros * 1e-6 * p.promotionWatts
                active += p.promotionMicros
            }
        } else {
            active += tail(upTo: Double(begin &- lastEnd), p, from: from, to: to)
        }
        let micros = Double(bytes) * (uplink ? p.microsPerByteUp : p.microsPerByteDown)
        if begin >= from && begin <= to {
            joules += micros * 1e-6 * (uplink ? p.upWatts : p.downWatts)
            active += micros
        }
        let whole = Int64(micros)
        lastEnd = begin &+ whole &+ (Double(whole) < micros ? 1 : 0)
        return active
    }

    /// Pays the tail after the last transfer up to `to` (the end of the run).
    mutating func finish(_ p: RadioParameters, from: Int64, to: Int64) -> Double {
        guard lastEnd != .min, lastEnd < to else { return 0 }
        let active = tail(upTo: min(p.tailMicros, Double(to &- lastEnd)), p, from: from, to: to)
        lastEnd = .min
        return active
    }

    /// Energy of the tail over [lastEnd, lastEnd + length], clipped to the window; returns
    /// the clipped tail time in microseconds.
    @inline(__always)
    private mutating func tail(upTo length: Double, _ p: RadioParameters, from: Int64, to: Int64) -> Double {
        let origin = Double(lastEnd)
        let low = max(0, Double(from) - origin)
        let high = min(length, Double(to) - origin)
        if high <= low { return 0 }
        // Phase 1 covers [0, tail1), phase 2 [tail1, tail1 + tail2).
        let phase1 = max(0, min(high, p.tail1Micros) - low)
        let phase2 = max(0, high - max(low, p.tail1Micros))
        joules += (phase1 * p.tail1Watts + phase2 * p.tail2Watts) * 1e-6
        return phase1 + phase2
    }
}
