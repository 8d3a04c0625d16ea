import AccessLogs
import Foundation

/// A rate estimated from a Poisson count over an exposure: value and 95 % interval (per day).
public struct RateEstimate: Sendable, Equatable {
    public var count: Int
    /// Exposure (device-days).
    public var days: Double
    public var value: Double { Double(count) / days }
    /// ± 1.96 √n ÷ T, the normal approximation of a Poisson count's interval (never below 0).
    public var ci95: (low: Double, high: Double) {
        let half = 1.96 * Double(count).squareRoot() / days
        return (max(0, value - half), value + half)
    }
    public static func == (a: RateEstimate, b: RateEstimate) -> Bool { a.count == b.count && a.days == b.days }
}

/// What a log says about one device type, in the terms of a scenario's population
/// (MODEL.md's estimation by competing risks: a Ping ends at the first of mail, an open and
/// the heartbeat).
public struct TypeEstimate: Sendable {
    public enum Client: String, Sendable { case single, dual }

    public var deviceType: String
    public var devices: Int
    public var pings: Int
    public var superseded: Int
    public var conflict409: Int
    public var client: Client
    /// Syncs that started inside an open Ping of their device without ending it.
    public var syncsDuringPing: Int
    public var heartbeatSeconds: Double
    public var heartbeatSource: String
    /// Where the log has `Hb` tokens: the smallest and largest, and the share of tokened
    /// Pings that asked for H within the heartbeat margin (1 for a fixed heartbeat; lower for
    /// adaptive clients; never below `Estimator.minimumShareAtHeartbeat`).
    public var heartbeatTokenRange: (min: Int, max: Int, shareAtH: Double)?
    /// A 200 Ping shorter than this (s) ended for mail; longer, at the heartbeat.
    public var mailCutoffSeconds: Int
    public var mail: RateEstimate
    public var opens: RateEstimate
    /// Outbox items (SendMail, SmartReply, SmartForward) per device-day; nil when the log shows none.
    public var outbox: RateEstimate?
    public var syncs: Int
    /// Lognormal fit of the 200 Syncs' durations (s); nil without any.
    public var syncMedianSeconds: Double?, syncP95Seconds: Double?
    public var syncs200: Int
}

/// Why a log cannot be calibrated: a sentence naming what is missing (exit status 2).
public struct CalibrationError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public enum Estimator {
    /// Fewest Pings a device type needs for an estimate.
    public static let minimumPings = 30
    /// Smallest share of a device type's `Hb`-tokened Pings that must ask for its modal H
    /// (within the margin of a heartbeat, 5 s) for one fixed H to stand for them. Below it the
    /// type's heartbeat varies beyond the bounds of a fixed-H scenario (adaptive clients
    /// stepping through several values, or several policies under one DeviceType) and the log
    /// is refused. Half: a type whose Pings mostly ask for one H is summarised by it (the
    /// range goes in a comment and, when the check differs, in its reasons).
    public static let minimumShareAtHeartbeat = 0.5
    /// Below this share at H (but at or above `minimumShareAtHeartbeat`) the heartbeat is
    /// reported as varying among the check's reasons.
    public static let steadyShareAtHeartbeat = 0.9

    /// The estimates of every device type in `tally`, largest first (then by name).
    ///
    /// Device types with fewer than `minimumPings` are set aside (`setAside`) when another
    /// type has enough: a real log holds stragglers (a desktop client, a test phone) that
    /// should not stop the calibration of the fleet.
    ///
    /// - Throws: when the log has no Pings, or no device type has `minimumPings`,
    ///   or no heartbeat can be found, or fewer than `minimumShareAtHeartbeat` of a type's
    ///   tokened Pings ask for its H.
    public static func estimate(_ tally: DeviceTypeTally) throws(CalibrationError) -> [TypeEstimate] {
        let total = tally.sums.reduce(0) { $0 + $1.pings }
        guard total > 0 else {
            throw CalibrationError(description: "the log holds no Ping (Cmd=Ping) request, so there is no Ping time over which to estimate mail and open rates; give a log of a server whose devices use push (Ping)")
        }
        var out: [TypeEstimate] = []
        let anyEnough = tally.sums.contains { $0.pings >= minimumPings }
        for (k, s) in tally.sums.enumerated() {
            let name = tally.typeNames[k]
            guard s.pings >= minimumPings else {
                if anyEnough { continue }
                throw CalibrationError(description: "device type \"\(name)\" has \(s.pings) Ping\(s.pings == 1 ? "" : "s") (\(s.devices) device\(s.devices == 1 ? "" : "s")); an estimate needs at least \(minimumPings): give a longer log, or one without that device type (--from/--to or a filtered copy)")
            }
            guard s.pingMicros > 0 else {
                throw CalibrationError(description: "the \(s.pings) Pings of device type \"\(name)\" all last 0 s, so there is no Ping time over which to estimate rates; is the duration's unit right (--format, or the log's time-taken field)?")
            }
            guard let hb = LogAnalysis.heartbeat(tokens: s.heartbeatTokens, durations: s.ping200Seconds) else {
                throw CalibrationError(description: "device type \"\(name)\" shows no heartbeat: no Hb token and no cluster of long 200 Pings among its \(s.pings) Pings")
            }
            // "A 200 Ping within a few seconds of H counts as a heartbeat": 5 s, less for short heartbeats.
            let margin = max(1, min(5, Int((hb.seconds * 0.05).rounded())))
            let cutoff = max(0, Int(hb.seconds) - margin)
            let mailPings = s.ping200Seconds[0..<min(cutoff, s.ping200Seconds.count)].reduce(0, +)
            let days = Double(s.pingMicros) / 1e6 / 86_400
            let dual = s.syncsDuringPing >= max(3, s.pings / 50)
            let outbox = s.outboxItems > 0 ? RateEstimate(count: s.outboxItems, days: days) : nil
            // A single client's open ends its Ping (superseded); a dual client's opens are the
            // Syncs it makes beside the open Ping. An outbox item's Sync looks the same: out of μ.
            let openEvents = max(0, (dual ? s.syncsDuringPing : s.superseded) - s.outboxItems)
            let tokened = s.heartbeatTokens.reduce(0, +)
            var range: (min: Int, max: Int, shareAtH: Double)?
            if tokened > 0, let low = s.heartbeatTokens.firstIndex(where: { $0 > 0 }), let high = s.heartbeatTokens.lastIndex(where: { $0 > 0 }) {
                let h = Int(hb.seconds)
                let atH = s.heartbeatTokens[max(0, h - margin)...min(s.heartbeatTokens.count - 1, h + margin)].reduce(0, +)
                let share = Double(atH) / Double(tokened)
                range = (low, high, share)
                guard share >= minimumShareAtHeartbeat else {
                    throw CalibrationError(description: "device type \"\(name)\" asks for heartbeats from \(low) to \(high) s in its Hb tokens, and only \(String(format: "%.1f", share * 100)) % of its \(tokened) tokened Pings ask for the most frequent, \(h) s (± \(margin) s): one fixed heartbeat cannot stand for them (at least \(Int(minimumShareAtHeartbeat * 100)) % must); give a log of one kind of device, e.g. a filtered copy with the devices of one heartbeat policy (by DeviceType or user agent)")
                }
            }
            let fit = LognormalFit(count: s.syncs200, logSum: s.syncLogSum, logSquares: s.syncLogSquares)
            let (median, p95) = (fit?.median, fit?.p95)
            out.append(TypeEstimate(deviceType: name, devices: s.devices, pings: s.pings, superseded: s.superseded, conflict409: s.conflict409,
                                    client: dual ? .dual : .single, syncsDuringPing: s.syncsDuringPing,
                                    heartbeatSeconds: hb.seconds, heartbeatSource: hb.source, heartbeatTokenRange: range, mailCutoffSeconds: cutoff,
                                    mail: RateEstimate(count: mailPings, days: days), opens: RateEstimate(count: openEvents, days: days),
                                    outbox: outbox, syncs: s.syncs, syncMedianSeconds: median, syncP95Seconds: p95, syncs200: s.syncs200))
        }
        return out.sorted { ($1.devices, $0.deviceType) < ($0.devices, $1.deviceType) }
    }

    /// The device types `estimate` leaves out for having fewer than `minimumPings` while
    /// another type has enough, most devices first (then by name).
    public static func setAside(_ tally: DeviceTypeTally) -> [SetAsideType] {
        guard tally.sums.contains(where: { $0.pings >= minimumPings }) else { return [] }
        return tally.sums.indices.filter { tally.sums[$0].pings < minimumPings }.map { k in
            SetAsideType(deviceType: tally.typeNames[k], devices: tally.sums[k].devices, pings: tally.sums[k].pings, syncs: tally.sums[k].syncs)
        }.sorted { ($1.devices, $0.deviceType) < ($0.devices, $1.deviceType) }
    }
}

/// A device type of the log with too few Pings for an estimate: not in the scenario.
public struct SetAsideType: Sendable, Equatable {
    public var deviceType: String
    public var devices: Int
    public var pings: Int
    public var syncs: Int

    /// "Outlook: 3 devices, 5 Pings, 40 Syncs".
    public var text: String {
        "\(deviceType): \(Calibration.plural(devices, "device")), \(Calibration.plural(pings, "Ping")), \(Calibration.plural(syncs, "Sync"))"
    }
}
