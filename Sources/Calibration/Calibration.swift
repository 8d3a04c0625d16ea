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
        return Calibration(name: name, figures: figures, types: types, serverKind: kind, serverKindNote: note, threads: threads,
                           syncs200: n, syncMedianSeconds: median, syncP95Seconds: p95)
    }
}
