import AccessLogs
import Foundation

/// A log's calibration: the overall figures of `pushsim logs`, the per-device-type
/// estimates, and the server's kind, threads and Sync work, ready to be written as a scenario
/// (`scenarioText`) and as calibration.json (`json`).
public struct Calibration: Sendable {
    public var name: String
    public var figures: LogFigures
    public var types: [TypeEstimate]
    public var serverKind: String
    /// Why this kind: the format's product, or a question for the user.
    public var serverKindNote: String
    /// Threads for the scenario: the log's peak concurrency or the rule of thumb, whichever is larger.
    public var threads: Int
    public var syncs200: Int
    public var syncMedianSeconds: Double?, syncP95Seconds: Double?
    /// Hourly weights (mean 1) of the rate of Ping-ending events (mail and superseded Pings)
    /// per Ping-open time, local hours of the log; nil (flat) when the log covers less than a
    /// day or an hour has no Ping time.
    public var profile: [Double]?
    /// The events the profile rests on.
    public var profileEvents: Int

    /// Reads `paths` (one log, in time order) and estimates; `progress` as `LogReader.read`.
    public static func read(paths: [String], options: LogReader.Options, name: String,
                            progress: ((Int) -> Void)? = nil) throws -> Calibration {
        let reader: LogReader
        do { reader = try LogReader(paths: paths, options: options) } catch { throw CalibrationError(description: error.description) }
        var sink = CalibrationSink()
        let summary: ReadSummary
        do { summary = try reader.read(into: &sink, progress: progress) } catch { throw CalibrationError(description: error.description) }
        let tally = sink.tally
        return try make(figures: sink.analysis.figures(summary), tally: tally, name: name)
    }

    /// The calibration of a log already read into `figures` and `tally`.
    public static func make(figures: LogFigures, tally: DeviceTypeTally, name: String) throws(CalibrationError) -> Calibration {
        let types = try Estimator.estimate(tally)
        let (kind, note): (String, String)
        switch figures.format {
        case .iis: (kind, note) = ("exchange", "IIS log: Exchange ActiveSync")
        case .domino: (kind, note) = ("traveler", "Domino log: Notes Traveler")
        case .zpush: (kind, note) = ("zpush", "Z-Push log")
        default:
            (kind, note) = ("traveler", "\(figures.format.rawValue) log: the product behind it is not in the log; traveler is a guess — set exchange or zpush if that is what it fronts")
        }
        let devices = types.reduce(0) { $0 + $1.devices }
        let rule = Int((1.2 * Double(devices)).rounded(.up))
        let threads = max(2, figures.concurrency.max ?? 0, rule)
        var n = 0, sum = 0.0, squares = 0.0
        for s in tally.sums {
            n += s.syncs200
            sum += s.syncLogSum
            squares += s.syncLogSquares
        }
        var median: Double?, p95: Double?
        if n > 0 {
            let mean = sum / Double(n)
            median = exp(mean)
            p95 = exp(mean + 1.6448536269514722 * max(0, squares / Double(n) - mean * mean).squareRoot())
        }
        let (profile, events) = Self.profile(figures: figures, tally: tally, types: types)
        return Calibration(name: name, figures: figures, types: types, serverKind: kind, serverKindNote: note, threads: threads,
                           syncs200: n, syncMedianSeconds: median, syncP95Seconds: p95, profile: profile, profileEvents: events)
    }

    /// The time-of-day profile: per hour, (mail Pings + superseded Pings ended) ÷ Ping-open time.
    static func profile(figures: LogFigures, tally: DeviceTypeTally, types: [TypeEstimate]) -> ([Double]?, Int) {
        guard figures.spanSeconds >= 86_400 else { return (nil, 0) }
        var events = [Int](repeating: 0, count: 24)
        var exposure = [Int64](repeating: 0, count: 24)
        for (k, s) in tally.sums.enumerated() {
            guard let cutoff = types.first(where: { $0.deviceType == tally.typeNames[k] })?.mailCutoffSeconds else { continue }
            for h in 0..<24 {
                exposure[h] += s.hourPingMicros[h]
                events[h] += s.hourSuperseded[h] + s.hourPing200Seconds[(h * 7_201)..<(h * 7_201 + min(cutoff, 7_201))].reduce(0, +)
            }
        }
        let total = events.reduce(0, +)
        guard total > 0, exposure.allSatisfy({ $0 > 0 }) else { return (nil, total) }
        let rates = (0..<24).map { Double(events[$0]) / Double(exposure[$0]) }
        let mean = rates.reduce(0, +) / 24
        return (rates.map { $0 / mean }, total)
    }
}
