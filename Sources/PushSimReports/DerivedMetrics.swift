import PushSim

/// Figures the reports and the terminal show that summary.json does not hold, because they
/// follow from figures it does (writing them would only repeat them). Defined once here —
/// name, unit, label and how they are computed from catalog figures — and used by the run
/// cards, the replication table and the terminal table alike.
///
/// A name is path-like (`pings.lostShare`) but is not a key of summary.json, nor a column of
/// sweep.csv, nor a `--target` metric.
public struct DerivedMetric: Sendable {
    public let path: String
    public let unit: MetricUnit
    /// The name reports show.
    public let label: String
    /// A shorter name for a terminal column header, or nil to use ``label``.
    public let shortLabel: String?
    /// One sentence, in the words of a capacity planner.
    public let description: String
    let compute: @Sendable (Figures) -> Double

    public var terminalLabel: String { shortLabel ?? label }

    /// The figure computed from `figures`. O(1).
    public func value(in figures: Figures) -> Double { compute(figures) }
}

public enum DerivedMetrics {
    public static let refused = DerivedMetric(
        path: "refused", unit: .count, label: "Refused (503)", shortLabel: "503s",
        description: "Requests refused with HTTP 503, Pings and Syncs together (pings.rejected503 + syncs.rejected503).",
        compute: { Double($0.refused) })
    public static let lostShare = DerivedMetric(
        path: "pings.lostShare", unit: .share, label: "Lost Pings (share)", shortLabel: nil,
        description: "Lost Pings as a share of the Pings that ended at the server (pings.lost ÷ pings.total); 0 when no Ping ended.",
        compute: { $0.lostShare })
    public static let status5Share = DerivedMetric(
        path: "pings.status5Share", unit: .share, label: "Status 5 (share)", shortLabel: nil,
        description: "Pings answered Status 5 as a share of the Pings that ended (pings.status5 ÷ pings.total); 0 when no Ping ended.",
        compute: { $0.status5Share })

    /// Every derived figure.
    public static let all = [refused, lostShare, status5Share]

    /// The derived figure named `path`, if any.
    public static func figure(_ path: String) -> DerivedMetric? { all.first { $0.path == path } }
}

extension Figures {
    /// Requests refused with 503, Pings and Syncs together (``DerivedMetrics/refused``).
    var refused: Int { pings.rejected503 + syncs.rejected503 }

    /// Lost Pings as a share of the Pings that ended at the server (``DerivedMetrics/lostShare``).
    /// Lost is the devices' count and overlaps the server's outcomes, so this is "how often
    /// a device waited in vain", not a slice of the outcome mix.
    var lostShare: Double { ReportText.ratio(Double(pings.lost), Double(pings.total)) }

    /// Status 5 as a share of Pings (``DerivedMetrics/status5Share``).
    var status5Share: Double { ReportText.ratio(Double(pings.status5), Double(pings.total)) }
}

/// A figure a report row, card or terminal column shows, by its path: a row of
/// ``MetricCatalog`` (a figure of summary.json) or a ``DerivedMetric``. Its name, unit and
/// value come from there, so that a figure is named and formatted the same everywhere.
public struct ReportMetric: Sendable {
    public let path: String
    public let unit: MetricUnit
    public let label: String
    /// The terminal column header (the short label, else the label).
    public let terminalLabel: String
    let compute: @Sendable (Figures) -> Double?

    /// The figure in `figures`: nil when it does not exist.
    public func value(in figures: Figures) -> Double? { compute(figures) }

    /// The figure at `path`: a catalog row first, then a derived figure; nil for neither.
    /// O(catalog rows).
    public static func named(_ path: String) -> ReportMetric? {
        if let m = MetricCatalog.figure(path), m.isScalar {
            return ReportMetric(path: m.path, unit: m.unit, label: m.label, terminalLabel: m.terminalLabel,
                                compute: { m.value(in: $0) })
        }
        if let d = DerivedMetrics.figure(path) {
            return ReportMetric(path: d.path, unit: d.unit, label: d.label, terminalLabel: d.terminalLabel,
                                compute: { d.value(in: $0) })
        }
        return nil
    }

    /// The figures at `paths`, in order; a path that names none is left out (the tests check
    /// that every path the reports use names one).
    public static func named(_ paths: [String]) -> [ReportMetric] { paths.compactMap(named) }
}
