import JSON5

/// The unit of a metric: every time in seconds, every share in 0…1.
public enum MetricUnit: String, Sendable, CaseIterable {
    /// A whole number of things (Pings, Syncs, mail, items, requests).
    case count
    case seconds
    /// A fraction in 0…1.
    case share
    /// HTTP threads (held, or the capacity).
    case threads
    /// Requests waiting for a thread.
    case requests
    /// Joules per device and day.
    case joulesPerDay = "J/day"
    /// Percent (0…100) of the battery's capacity per day.
    case percentPerDay = "%/day"
    /// Seconds per day.
    case secondsPerDay = "s/day"
}

/// One row of ``MetricCatalog``: everything about one figure of `summary.json` that is not
/// how it is computed — its key path, unit, words, whether and when it can be missing,
/// its column in the sweep tables — and how to reach it in its value (`Figures`, or a
/// restart's `RestartFigures`).
///
/// The summary writer, the summary reader, the sweep scalars (and so the columns of
/// sweep.csv) and the report glossary are all derived from these rows.
public struct Metric<Root>: Sendable {
    /// The key path inside its object of summary.json (`pings.share409`); for a scalar in
    /// the sweep tables, also its column name.
    public let path: String
    public let unit: MetricUnit
    /// The name reports show (`409 share`).
    public let label: String
    /// A shorter name for a terminal column header (`push p95`), or nil to use ``label``.
    public let shortLabel: String?
    /// One or two sentences, in the words of a capacity planner (the glossary's text).
    public let description: String
    /// When the figure does not exist (`null` in summary.json, an empty cell in CSV, "—" in
    /// reports); nil for a figure that always exists. Never a fake 0.
    public let missingWhen: String?
    /// Position among the metric columns of sweep.csv (0, 1, …; new metrics append, so that
    /// files keep their columns); nil for a figure not in the sweep tables.
    public let column: Int?
    let access: MetricAccess<Root>

    init(_ path: String, _ unit: MetricUnit, _ label: String, _ description: String, shortLabel: String? = nil,
         missingWhen: String? = nil, column: Int? = nil, _ access: MetricAccess<Root>) {
        self.path = path
        self.unit = unit
        self.label = label
        self.shortLabel = shortLabel
        self.description = description
        self.missingWhen = missingWhen
        self.column = column
        self.access = access
    }

    /// The name of a terminal column: ``shortLabel``, else ``label``.
    public var terminalLabel: String { shortLabel ?? label }

    /// The object of summary.json that holds the figure (`pings`), and its key there
    /// (`share409`); nil key for a member of its own (`httpStatus`).
    public var block: (name: String, key: String?) {
        guard let dot = path.firstIndex(of: ".") else { return (path, nil) }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }

    /// The figure as a number: nil when it does not exist, or for what is not a number.
    public func value(in root: Root) -> Double? {
        switch access {
        case .count(let k): Double(root[keyPath: k])
        case .optionalCount(let k): root[keyPath: k].map(Double.init)
        case .figure(let k): root[keyPath: k]
        case .optionalFigure(let k): root[keyPath: k]
        case .name, .structure: nil
        }
    }

    /// The figure as summary.json writes it.
    public func json(in root: Root) -> JSONText {
        switch access {
        case .count(let k): .int(root[keyPath: k])
        case .optionalCount(let k): .int(root[keyPath: k])
        case .figure(let k): .number(root[keyPath: k])
        case .optionalFigure(let k): .number(root[keyPath: k])
        case .name(let k): .string(root[keyPath: k])
        case .structure(let s): s.json(root)
        }
    }

    /// How the reader reads the figure back.
    public var kind: MetricKind {
        switch access {
        case .count: .count
        case .optionalCount: .optionalCount
        case .figure: .figure
        case .optionalFigure: .optionalFigure
        case .name: .name
        case .structure: .structure
        }
    }

    /// Whether summary.json may hold `null` here.
    public var canBeMissing: Bool { kind == .optionalCount || kind == .optionalFigure }

    /// Whether it is a number of its own (not a name, not a list or map).
    public var isScalar: Bool { kind != .name && kind != .structure }

    /// Sets a count or a figure (for the reader). A value of the wrong kind, or `nil` for
    /// a figure that always exists, is ignored: the reader asks ``kind`` first.
    public func set(_ value: MetricReading, in root: inout Root) {
        switch (access, value) {
        case (.count(let k), .count(let v?)): root[keyPath: k] = v
        case (.optionalCount(let k), .count(let v)): root[keyPath: k] = v
        case (.figure(let k), .figure(let v?)): root[keyPath: k] = v
        case (.optionalFigure(let k), .figure(let v)): root[keyPath: k] = v
        default: break
        }
    }

    public func set(name: String, in root: inout Root) {
        if case .name(let k) = access { root[keyPath: k] = name }
    }
}

/// A value the reader found: a count or a number, nil for `null`.
public enum MetricReading: Sendable, Hashable {
    case count(Int?)
    case figure(Double?)
}

/// How a figure is stored, and so how summary.json spells it.
public enum MetricKind: Sendable, Hashable {
    /// An integer that always exists.
    case count
    /// An integer or `null`.
    case optionalCount
    /// A number that always exists.
    case figure
    /// A number or `null`.
    case optionalFigure
    /// The name of what the figures are about (a restart's server).
    case name
    /// A list or map written in its own form (``SummaryStructure``).
    case structure
}

/// The members of summary.json that are not scalars: each has its own form, and the
/// reader (in PushSimReports) reads each by its case.
public enum SummaryStructure: Sendable, Hashable {
    /// `httpStatus`: requests by HTTP status code, an object keyed by the code.
    case httpStatus
    /// `pushLatency.bins`: `[low, high, count]` per bin.
    case latencyBins
    /// `heartbeat.final`: `[{seconds, devices}]`, ascending.
    case finalHeartbeats

    func json<Root>(_ root: Root) -> JSONText {
        guard let f = root as? Figures else { return .null }
        switch self {
        case .httpStatus:
            return .object(f.httpStatus.map { (String($0.code), .int($0.count)) })
        case .latencyBins:
            return .array(f.pushLatency.bins.map { .array([.number($0.low), .number($0.high), .int($0.count)]) })
        case .finalHeartbeats:
            // A list of {seconds, devices}, ascending: numbers stay numbers for pandas and R.
            return .array(f.heartbeat.final.sorted { $0.key < $1.key }.map {
                .object([("seconds", .number($0.key)), ("devices", .int($0.value))])
            })
        }
    }
}

enum MetricAccess<Root>: Sendable {
    case count(WritableKeyPath<Root, Int> & Sendable)
    case optionalCount(WritableKeyPath<Root, Int?> & Sendable)
    case figure(WritableKeyPath<Root, Double> & Sendable)
    case optionalFigure(WritableKeyPath<Root, Double?> & Sendable)
    case name(WritableKeyPath<Root, String> & Sendable)
    case structure(SummaryStructure)
}
