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
    /// Threads for the scenario: the log's peak concurrency (at least 2), so that the
    /// calibrated scenario reproduces the server as it was; the rule of thumb when the log
    /// has no concurrency (a zero span).
    public var threads: Int
    /// 1.2 × devices, said beside the threads.
    public var threadsRuleOfThumb: Int
    /// The share of the log's concurrency intervals whose maximum reached the peak; nil
    /// without intervals.
    public var peakShare: Double?
    /// The peak looks like a pool's size rather than demand: at least `plateauLevel`
    /// requests, reached in at least `plateauShare` of the intervals, and held for at least
    /// 1 % of the time (p99 at the peak). A server that turns requests away at its pool size
    /// shows the size as a ceiling that demand keeps hitting; demand alone touches its
    /// maximum briefly and seldom. (Queued requests count in a log's concurrency, which runs
    /// from arrival: a pool that queues shows no ceiling, only long durations.)
    public var plateau: Bool
    /// The log's signs of what the scenario cannot reproduce (`LogSigns`).
    public var signs: [CheckReason]
    /// Standard deviation of the log's Ping durations (s); nil without Pings.
    public var pingSecondsSD: Double?
    /// The log's Pings by whole seconds of duration (0…7200, the last holds longer ones).
    public var pingSecondsHistogram: [Int]

    static let plateauShare = 0.1, plateauLevel = 10
    public var syncs200: Int
    public var syncMedianSeconds: Double?, syncP95Seconds: Double?
    /// Hourly weights (mean 1) of the rate of Ping-ending events (mail and superseded Pings)
    /// per Ping-open time, local hours of the log; nil (flat) when the log covers less than a
    /// day or an hour has no Ping time.
    public var profile: [Double]?
    /// The events the profile rests on.
    public var profileEvents: Int
    /// Device types with fewer than `Estimator.minimumPings` Pings, left out of the scenario.
    public var setAside: [SetAsideType] = []

    /// The threads comment: the log's concurrency, the rule of thumb, and a plateau if any.
    public var threadsEvidence: String {
        let f = figures.concurrency
        var t = "the log's peak concurrency \(f.max.map(String.init) ?? "n/a") (p99 \(f.p99.map { Self.fixed($0, 1) } ?? "n/a")), so that the scenario reproduces the server as it was; rule of thumb 1.2 × devices = \(threadsRuleOfThumb)"
        if plateau, let share = peakShare {
            t += "; the peak was reached in \(Self.fixed(share * 100, 0)) % of the log's \(f.binSeconds >= 60 ? "\(Self.fixed(f.binSeconds / 60, 0))-min" : "\(Self.fixed(f.binSeconds, 0))-s") intervals, a ceiling rather than demand: the server was likely starved at a pool of \(threads) threads, so the log's demand is higher (try more threads)"
        }
        return t
    }

    /// The log's Ping duration quantile (s) at `p` from the whole-second histogram: the upper
    /// edge of the second where the cumulative share reaches `p` (`upper`), or its lower edge.
    public func pingQuantile(_ p: Double, upper: Bool) -> Double? {
        let total = pingSecondsHistogram.reduce(0, +)
        guard total > 0 else { return nil }
        let need = min(1, max(0, p)) * Double(total)
        var seen = 0
        for (k, n) in pingSecondsHistogram.enumerated() {
            seen += n
            if Double(seen) >= need && n > 0 { return Double(upper ? k + 1 : k) }
        }
        return Double(pingSecondsHistogram.count)
    }

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
        let threads = max(2, figures.concurrency.max ?? rule)
        var peakShare: Double?
        if let peak = figures.concurrency.max, !figures.concurrency.series.isEmpty {
            peakShare = Double(figures.concurrency.series.filter { $0.max >= peak }.count) / Double(figures.concurrency.series.count)
        }
        let peak = figures.concurrency.max ?? 0
        let plateau = (peakShare ?? 0) >= plateauShare && peak >= plateauLevel && (figures.concurrency.p99 ?? 0) >= Double(peak) * 0.99 - 0.5
        var pings = 0, pingSeconds = 0.0, pingSquares = 0.0
        for s in tally.sums {
            pings += s.pings
            pingSeconds += Double(s.pingMicros) / 1e6
            pingSquares += s.pingSecondsSquares
        }
        let pingMean = pings > 0 ? pingSeconds / Double(pings) : 0
        var histogram = [Int](repeating: 0, count: 7_201)
        for s in tally.sums { for k in histogram.indices { histogram[k] += s.allSeconds[k] } }
        let sd = pings > 1 ? max(0, (pingSquares - Double(pings) * pingMean * pingMean) / Double(pings - 1)).squareRoot() : nil
        var n = 0, sum = 0.0, squares = 0.0
        for s in tally.sums {
            n += s.syncs200
            sum += s.syncLogSum
            squares += s.syncLogSquares
        }
        let fit = LognormalFit(count: n, logSum: sum, logSquares: squares)
        let (median, p95) = (fit?.median, fit?.p95)
        let (profile, events) = Self.profile(figures: figures, tally: tally, types: types)
        return Calibration(name: name, figures: figures, types: types, serverKind: kind, serverKindNote: note, threads: threads,
                           threadsRuleOfThumb: rule, peakShare: peakShare, plateau: plateau,
                           signs: LogSigns.detect(tally, types: types), pingSecondsSD: sd, pingSecondsHistogram: histogram,
                           syncs200: n, syncMedianSeconds: median, syncP95Seconds: p95, profile: profile, profileEvents: events,
                           setAside: Estimator.setAside(tally))
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
