import AccessLogs
import Foundation
import JSON5
import PushSim

/// The calibrated scenario run and set beside the log: the figures a user would compare
/// (Pings per device-day, superseded share, Ping duration mean, Syncs per device-day,
/// concurrency p99), each with the relative difference, flagged when it is beyond the noise.
public struct CalibrationCheck: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var log: Double?, simulation: Double?
        /// (simulation − log) ÷ log; nil when either is missing or the log's is 0.
        public var relativeDifference: Double? {
            guard let l = log, let s = simulation, l != 0 else { return nil }
            return (s - l) / l
        }
        /// The largest relative difference that is noise: 3 standard errors of the relative
        /// difference of two Poisson counts (`logCount`, `simulationCount`); nil for figures
        /// that are not counts (not flagged).
        public var tolerance: Double?
        public var flagged: Bool {
            guard let d = relativeDifference, let t = tolerance else { return false }
            return abs(d) > t
        }
    }

    public var rows: [Row]
    public var simulatedDeviceDays: Double

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
        let pingMean = f.commands.first { $0.command == .ping }?.duration.mean
        return CalibrationCheck(rows: [
            Row(name: "pingsPerDeviceDay", log: perDay(logPings, logDeviceDays), simulation: perDay(simPings, simDeviceDays),
                tolerance: noise(logPings, simPings)),
            Row(name: "supersededShare", log: f.pings.shareSuperseded, simulation: simPings > 0 ? Double(o.pings.superseded) / Double(simPings) : nil,
                tolerance: noise(f.pings.superseded, o.pings.superseded)),
            Row(name: "pingDurationMeanSeconds", log: pingMean, simulation: o.pingDuration.mean, tolerance: nil),
            Row(name: "syncsPerDeviceDay", log: perDay(logSyncs, logDeviceDays), simulation: perDay(o.syncs.total, simDeviceDays),
                tolerance: noise(logSyncs, o.syncs.total)),
            // Threads held equal requests in progress only where a Ping holds its thread (not Exchange).
            Row(name: "concurrencyP99", log: f.concurrency.p99,
                simulation: scenario.servers.allSatisfy(\.pingHoldsThread) ? o.threads.p99 : nil, tolerance: nil),
        ], simulatedDeviceDays: simDeviceDays)
    }

    /// calibration.json's `check`.
    public var json: JSONText {
        .object(rows.map { r in
            (r.name, .object([("log", .number(r.log)), ("simulation", .number(r.simulation)),
                              ("relativeDifference", .number(r.relativeDifference)), ("flagged", .bool(r.flagged))]))
        })
    }

    /// Terminal lines: one per figure, flagged ones marked with the likely reasons.
    public var text: String {
        var t = "check (the calibrated scenario run over \(String(format: "%.2f", simulatedDeviceDays)) device-days):\n"
        let show = { (x: Double?) in x.map { String(format: "%.3g", $0) } ?? "n/a" }
        for r in rows {
            let d = r.relativeDifference.map { String(format: "%+.1f %%", $0 * 100) } ?? ""
            t += "  \(r.name.padding(toLength: 24, withPad: " ", startingAt: 0)) log \(show(r.log).padding(toLength: 9, withPad: " ", startingAt: 0)) simulation \(show(r.simulation).padding(toLength: 9, withPad: " ", startingAt: 0)) \(d)\(r.flagged ? "  ← beyond the noise" : "")\n"
        }
        if rows.contains(where: \.flagged) {
            t += "  A difference beyond the noise may come from a heartbeat that varies, several device kinds mixed in one type, a firewall cutting Pings (many Pings ending at one duration shorter than H), or opens that follow notifications (the scenario has none: a log cannot tell them apart).\n"
        }
        return t
    }
}
