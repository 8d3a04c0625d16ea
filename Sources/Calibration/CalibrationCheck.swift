import AccessLogs
import Foundation
import JSON5
import PushSim

/// The calibrated scenario run and set beside the log: the figures a user would compare
/// (Pings per device-day, superseded share, Ping duration mean and p95, Syncs per device-day,
/// concurrency p99), each with the relative difference, flagged when it is beyond the noise:
///
/// - counts (Pings and Syncs per device-day, superseded share): 3 standard errors of the
///   relative difference of two Poisson counts, 3 √(1/n_log + 1/n_sim);
/// - Ping duration mean: 3 standard errors of the difference of two means, with the log's
///   standard deviation s for both: 3 s √(1/n_log + 1/n_sim) ÷ the log's mean;
/// - Ping duration p95: the spread of a quantile in probability: with δ = 3 √(0.95 · 0.05 ·
///   (1/n_log + 1/n_sim)), the log's durations at the shares 0.95 − δ and 0.95 + δ (from its
///   whole-second histogram) bound the noise, and never less than 1 s plus the 0.8 %
///   resolution of the p95: the relative tolerance is the larger distance from the log's p95;
/// - concurrency p99: not flagged (levels over time are not independent draws).
///
/// A log's durations run from a request's arrival; the simulation's Ping duration from the
/// thread that takes it. They are the same where requests do not queue (threads at the log's
/// peak), and the simulation's shorter by the wait where they do.
///
/// When a figure is flagged, `reasons` lists the signs the log shows (`LogSigns`), then the
/// one it cannot show (opens after notifications); empty when nothing is flagged.
public struct CalibrationCheck: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var log: Double?, simulation: Double?
        /// (simulation − log) ÷ log; nil when either is missing or the log's is 0.
        public var relativeDifference: Double? {
            guard let l = log, let s = simulation, l != 0 else { return nil }
            return (s - l) / l
        }
        /// The largest relative difference that is noise (see the type's rules); nil for
        /// figures that are not flagged.
        public var tolerance: Double?
        public var flagged: Bool {
            guard let d = relativeDifference, let t = tolerance else { return false }
            return abs(d) > t
        }
    }

    public var rows: [Row]
    public var simulatedDeviceDays: Double
    public var reasons: [CheckReason]
    public var flagged: Bool { rows.contains(where: \.flagged) }

    /// Runs `scenario` (the calibrated one, loaded) and compares it with `calibration`'s log.
    public static func run(_ scenario: Scenario, against calibration: Calibration,
                           progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> CalibrationCheck {
        let summary = try Simulation.run(scenario, progress: progress).summary
        let f = calibration.figures
        let o = summary.overall
        let logDeviceDays = Double(f.devices.count) * f.spanSeconds / 86_400
        let simDeviceDays = Double(summary.devices) * summary.measuredSeconds / 86_400
        func perDay(_ n: Int, _ days: Double) -> Double? { days > 0 ? Double(n) / days : nil }
        func noise(_ a: Int, _ b: Int) -> Double? { a > 0 && b > 0 ? 3 * (1 / Double(a) + 1 / Double(b)).squareRoot() : nil }
        let logPings = f.pings.total, simPings = o.pings.total
        let logSyncs = f.commands.first { $0.command == .sync }?.count ?? 0
        let pingFigures = f.commands.first { $0.command == .ping }?.duration
        let pingMean = pingFigures?.mean
        var meanTolerance: Double?
        if let sd = calibration.pingSecondsSD, let mean = pingMean, mean > 0, logPings > 0, o.pingDuration.count > 0 {
            meanTolerance = 3 * sd * (1 / Double(logPings) + 1 / Double(o.pingDuration.count)).squareRoot() / mean
        }
        var p95Tolerance: Double?
        if let p95 = pingFigures?.p95, p95 > 0, logPings > 0, o.pingDuration.count > 0,
           let low = calibration.pingQuantile(0.95 - 3 * (0.95 * 0.05 * (1 / Double(logPings) + 1 / Double(o.pingDuration.count))).squareRoot(), upper: false),
           let high = calibration.pingQuantile(0.95 + 3 * (0.95 * 0.05 * (1 / Double(logPings) + 1 / Double(o.pingDuration.count))).squareRoot(), upper: true) {
            p95Tolerance = max(p95 - low, high - p95, 1 + 0.008 * p95) / p95
        }
        let rows = [
            Row(name: "pingsPerDeviceDay", log: perDay(logPings, logDeviceDays), simulation: perDay(simPings, simDeviceDays),
                tolerance: noise(logPings, simPings)),
            Row(name: "supersededShare", log: f.pings.shareSuperseded, simulation: simPings > 0 ? Double(o.pings.superseded) / Double(simPings) : nil,
                tolerance: noise(f.pings.superseded, o.pings.superseded)),
            Row(name: "pingDurationMeanSeconds", log: pingMean, simulation: o.pingDuration.mean, tolerance: meanTolerance),
            Row(name: "pingDurationP95Seconds", log: pingFigures?.p95, simulation: o.pingDuration.p95, tolerance: p95Tolerance),
            Row(name: "syncsPerDeviceDay", log: perDay(logSyncs, logDeviceDays), simulation: perDay(o.syncs.total, simDeviceDays),
                tolerance: noise(logSyncs, o.syncs.total)),
            // Threads held equal requests in progress only where a Ping holds its thread (not Exchange).
            Row(name: "concurrencyP99", log: f.concurrency.p99,
                simulation: scenario.servers.allSatisfy(\.pingHoldsThread) ? o.threads.p99 : nil, tolerance: nil),
        ]
        let flagged = rows.contains(where: \.flagged)
        return CalibrationCheck(rows: rows, simulatedDeviceDays: simDeviceDays,
                                reasons: flagged ? calibration.signs + [.opensAfterNotify] : [])
    }

    /// calibration.json's `check`: per figure {log, simulation, relativeDifference,
    /// tolerance, flagged}, and `reasons` ([{code, deviceType, evidence}], empty when nothing
    /// is flagged).
    public var json: JSONText {
        var members: [(String, JSONText)] = rows.map { r in
            (r.name, .object([("log", .number(r.log)), ("simulation", .number(r.simulation)),
                              ("relativeDifference", .number(r.relativeDifference)), ("tolerance", .number(r.tolerance)),
                              ("flagged", .bool(r.flagged))]))
        }
        members.append(("simulatedDeviceDays", .number(simulatedDeviceDays)))
        members.append(("reasons", .array(reasons.map { r in
            .object([("code", .string(r.code.rawValue)), ("deviceType", r.deviceType.map { .string($0) } ?? .null), ("evidence", .string(r.evidence))])
        })))
        return .object(members)
    }

    /// Terminal lines: one per figure, flagged ones marked, then the likely reasons.
    public var text: String {
        var t = "check (the calibrated scenario run over \(String(format: "%.2f", simulatedDeviceDays)) device-days):\n"
        let show = { (x: Double?) in x.map { String(format: "%.3g", $0) } ?? "n/a" }
        for r in rows {
            let d = r.relativeDifference.map { String(format: "%+.1f %%", $0 * 100) } ?? ""
            t += "  \(r.name.padding(toLength: 24, withPad: " ", startingAt: 0)) log \(show(r.log).padding(toLength: 9, withPad: " ", startingAt: 0)) simulation \(show(r.simulation).padding(toLength: 9, withPad: " ", startingAt: 0)) \(d)\(r.flagged ? "  ← beyond the noise" : "")\n"
        }
        if !reasons.isEmpty {
            t += "  Likely reasons, from the log:\n"
            for r in reasons {
                t += "  - \(r.code.rawValue)\(r.deviceType.map { " (\($0))" } ?? ""): \(r.evidence)\n"
            }
        }
        return t
    }
}
