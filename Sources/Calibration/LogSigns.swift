import AccessLogs
import Foundation

/// The signs, in a log's tallies, of what a calibrated scenario with one fixed heartbeat, one
/// client kind per device type and no firewall cannot reproduce. Each is a test on counts
/// the tally keeps (no request is held):
///
/// - **heartbeat that varies**: fewer than `Estimator.steadyShareAtHeartbeat` (90 %) of the
///   type's `Hb`-tokened Pings ask for its H (± the heartbeat margin); without tokens, the
///   Pings not superseded form a second cluster (a spike, below) besides the one at H.
/// - **several device kinds in one type**: among its devices with at least 30 Pings, some are
///   dual-like (Syncs beside open Pings on at least 2 % of their Pings, the type-level rule)
///   and some single-like, each at least 10 % of them; or their Pings per device-day are
///   over-dispersed: the Poisson dispersion statistic X² ÷ (k − 1) above both 2 and
///   1 + 3 √(2 ÷ (k − 1)) (3 standard errors) over k ≥ 4 devices. Identical devices' Ping
///   counts are under-dispersed (a Ping lasts at most H), so the test is conservative.
/// - **firewall cutting Pings**: a spike in the duration histogram of the Pings not
///   superseded (those a cut can end: an open ends the others) below the mail cutoff: a
///   3-second window holding at least 5 % of them (and 10), at least 5 times the mean per
///   second of the 30 s on either side. Mail
///   ends Pings at exponentially distributed times, which are smooth and never spike. A
///   spike within 2 s of the start is Pings answered at once (mail left pending by an
///   answer a firewall dropped). Where the type has `Hb` tokens and at least 5 % ask for the
///   spike's duration, the spike is a heartbeat, not a cut.
///
/// Cost: O(7,200) per device type plus O(devices).
public enum LogSigns {
    public static func detect(_ tally: DeviceTypeTally, types: [TypeEstimate]) -> [CheckReason] {
        var out: [CheckReason] = []
        for e in types {
            guard let k = tally.typeNames.firstIndex(of: e.deviceType) else { continue }
            let s = tally.sums[k]
            let devices = tally.deviceCounts.filter { $0.typeIndex == k }
            out += heartbeatAndCut(e, s)
            out += mixedKinds(e, devices)
        }
        return out
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }

    /// Spikes (second, count) in `h` below `cutoff`, by the rule above.
    static func spikes(_ h: [Int], cutoff: Int, pings: Int) -> [(seconds: Int, count: Int)] {
        let top = min(cutoff, h.count)
        guard top > 0 else { return [] }
        let need = max(10, Int((0.05 * Double(pings)).rounded(.up)))
        var out: [(Int, Int)] = []
        var d = 0
        while d < top {
            let lo = max(0, d - 1), hi = min(top - 1, d + 1)
            let window = h[lo...hi].reduce(0, +)
            guard window >= need else { d += 1; continue }
            var around = 0, seconds = 0
            for x in max(0, d - 31)..<lo { around += h[x]; seconds += 1 }
            if hi + 1 < top { for x in (hi + 1)...min(top - 1, d + 31) { around += h[x]; seconds += 1 } }
            let mean = seconds > 0 ? Double(around) / Double(seconds) : 0
            if Double(window) / Double(hi - lo + 1) >= 5 * max(mean, 0.5) {
                // The run of windows that pass: report its fullest second.
                var best = d, end = d
                while end + 1 < top, h[max(0, end)...min(top - 1, end + 2)].reduce(0, +) >= need { end += 1 }
                for x in lo...min(top - 1, end + 1) where h[x] > h[best] { best = x }
                out.append((best, h[max(0, best - 1)...min(top - 1, best + 1)].reduce(0, +)))
                d = end + 3
            } else {
                d += 1
            }
        }
        return out
    }

    static func heartbeatAndCut(_ e: TypeEstimate, _ s: DeviceTypeTally.Sums) -> [CheckReason] {
        var out: [CheckReason] = []
        let h = Int(e.heartbeatSeconds.rounded())
        let tokened = s.heartbeatTokens.reduce(0, +)
        if let r = e.heartbeatTokenRange, r.shareAtH < Estimator.steadyShareAtHeartbeat {
            out.append(CheckReason(code: .heartbeatVaries, deviceType: e.deviceType,
                                   evidence: "Hb tokens from \(r.min) to \(r.max) s: \(percent(r.shareAtH)) of the \(tokened) tokened Pings ask for H = \(h) s (a steady heartbeat has at least \(Int(Estimator.steadyShareAtHeartbeat * 100)) %); the scenario's fixed H stands for all"))
        }
        let margin = h - e.mailCutoffSeconds
        let ended = s.endedSeconds.reduce(0, +)
        for spike in spikes(s.endedSeconds, cutoff: e.mailCutoffSeconds, pings: ended) {
            let share = percent(Double(spike.count) / Double(ended))
            let what = "\(spike.count) Pings (\(share) of the type's \(ended) not superseded) end at \(spike.seconds) s"
            if spike.seconds <= 1 {
                out.append(CheckReason(code: .firewallCut, deviceType: e.deviceType,
                                       evidence: "\(spike.count) Pings (\(share) of the type's \(ended) not superseded) end within 2 s of their start, answered at once: mail left pending by an answer that never reached the device, as when a firewall drops Pings held longer than its idle timeout"))
                continue
            }
            if tokened > 0 {
                let low = min(max(0, spike.seconds - margin), s.heartbeatTokens.count - 1)
                let asked = s.heartbeatTokens[low...min(s.heartbeatTokens.count - 1, max(low, spike.seconds + margin))].reduce(0, +)
                if Double(asked) >= 0.05 * Double(tokened) { continue }   // a heartbeat some Pings asked for: the tokens' reason above
                out.append(CheckReason(code: .firewallCut, deviceType: e.deviceType,
                                       evidence: "\(what), shorter than H = \(h) s, and no Hb token asks for it: a firewall or proxy cutting idle connections at about \(spike.seconds) s? (mail ends Pings at spread-out times, never in a spike)"))
            } else {
                out.append(CheckReason(code: .firewallCut, deviceType: e.deviceType,
                                       evidence: "\(what), shorter than H = \(h) s: a firewall or proxy cutting idle connections at about \(spike.seconds) s, or a second heartbeat (the log has no Hb token to tell them apart; mail ends Pings at spread-out times, never in a spike)"))
                out.append(CheckReason(code: .heartbeatVaries, deviceType: e.deviceType,
                                       evidence: "the long Pings do not form one cluster: \(what) as well as at H = \(h) s, and the log has no Hb token to say which heartbeats were asked for"))
            }
        }
        return out
    }

    static func mixedKinds(_ e: TypeEstimate, _ devices: [DeviceTypeTally.DeviceCounts]) -> [CheckReason] {
        var out: [CheckReason] = []
        let judged = devices.filter { $0.pings >= Estimator.minimumPings }
        let dualLike = judged.filter { $0.syncsDuringPing >= max(3, $0.pings / 50) }.count
        let singleLike = judged.count - dualLike
        let least = max(1, Int((0.1 * Double(judged.count)).rounded(.up)))
        if dualLike >= least && singleLike >= least {
            out.append(CheckReason(code: .mixedDeviceKinds, deviceType: e.deviceType,
                                   evidence: "of its \(judged.count) devices with at least \(Estimator.minimumPings) Pings, \(dualLike) run Syncs beside open Pings (dual-like) and \(singleLike) do not (single-like); the scenario makes them all \(e.client.rawValue)"))
        }
        let timed = judged.filter { $0.lastSeen > $0.firstSeen }
        let k = timed.count
        guard k >= 4 else { return out }
        let n = Double(timed.reduce(0) { $0 + $1.pings })
        let t = timed.reduce(0.0) { $0 + Double($1.lastSeen - $1.firstSeen) }
        var x2 = 0.0
        var rates: [Double] = []
        for d in timed {
            let span = Double(d.lastSeen - d.firstSeen)
            let expected = n * span / t
            x2 += (Double(d.pings) - expected) * (Double(d.pings) - expected) / expected
            rates.append(Double(d.pings) / (span / 86_400e6))
        }
        let ratio = x2 / Double(k - 1)
        if ratio > 2 && ratio > 1 + 3 * (2 / Double(k - 1)).squareRoot() {
            let low = rates.min() ?? 0, high = rates.max() ?? 0
            out.append(CheckReason(code: .mixedDeviceKinds, deviceType: e.deviceType,
                                   evidence: "its \(k) devices' Pings per device-day range from \(String(format: "%.0f", low)) to \(String(format: "%.0f", high)), over-dispersed (X² ÷ (k − 1) = \(String(format: "%.1f", ratio)); identical devices give at most 1): devices of different heartbeats, mail or opens under one DeviceType?"))
        }
        return out
    }
}
