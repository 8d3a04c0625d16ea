import DiscreteEvent

/// What `pushsim size` found: every evaluated value with its figures against each target,
/// the answer and the neighbour that fails, and the rules of thumb. The input of
/// `SizeReport` and `SizeFindings` (the terminal line, the sentences).
public struct SizeTable: Sendable {
    public var title: String
    public var description: String
    /// The key path searched, e.g. `server.threads`.
    public var parameter: String
    public var isDuration: Bool
    /// `smallest` or `largest`.
    public var direction: String
    public var targets: [MetricTarget]
    public var replications: Int
    /// The range searched, as labels ("1", "1000000"; "30s", "15m").
    public var rangeLabels: (low: String, high: String)
    public var resolutionLabel: String
    /// Sorted by value.
    public var points: [SizePoint]
    /// Indices into `points`.
    public var answer: Int?
    public var next: Int?
    /// Pairs of labels that contradict monotonicity: (meets, fails).
    public var contradictions: [(meets: String, fails: String)]
    /// "611…640" when the bracket was scanned after a contradiction.
    public var scanned: String?
    /// A contradiction too wide to scan ("1…1000000").
    public var scanSkipped: String?
    public var rules: [SizeRule]
    /// Why the range is narrower than asked, if it is.
    public var clampNote: String?

    public init(title: String, description: String, parameter: String, isDuration: Bool, direction: String,
                targets: [MetricTarget], replications: Int, rangeLabels: (low: String, high: String), resolutionLabel: String,
                points: [SizePoint], answer: Int?, next: Int?, contradictions: [(meets: String, fails: String)],
                scanned: String?, scanSkipped: String?, rules: [SizeRule], clampNote: String?) {
        self.title = title
        self.description = description
        self.parameter = parameter
        self.isDuration = isDuration
        self.direction = direction
        self.targets = targets
        self.replications = replications
        self.rangeLabels = rangeLabels
        self.resolutionLabel = resolutionLabel
        self.points = points
        self.answer = answer
        self.next = next
        self.contradictions = contradictions
        self.scanned = scanned
        self.scanSkipped = scanSkipped
        self.rules = rules
        self.clampNote = clampNote
    }

    /// The evaluated value that comes nearest to meeting every target: fewest targets
    /// missed, then the smallest sum of shortfalls relative to the target values.
    public var closest: Int? {
        points.indices.min { a, b in
            (points[a].missed.count, points[a].relativeShortfall(targets), a) < (points[b].missed.count, points[b].relativeShortfall(targets), b)
        }
    }
}

/// One evaluated value.
public struct SizePoint: Sendable {
    /// The value as a number (seconds for a duration), for charts and size.json.
    public var value: Double
    public var label: String
    /// Per target: the mean and 95 % interval over the replications; nil when the figure
    /// does not exist in some replication (`null`).
    public var figures: [ConfidenceInterval?]
    /// Per target, whether the mean meets it.
    public var meets: [Bool]
    /// The position in which the search evaluated it (0 first).
    public var order: Int

    public init(value: Double, label: String, figures: [ConfidenceInterval?], meets: [Bool], order: Int) {
        self.value = value
        self.label = label
        self.figures = figures
        self.meets = meets
        self.order = order
    }

    public var meetsAll: Bool { meets.allSatisfy { $0 } }
    /// Indices of the targets it misses.
    public var missed: [Int] { meets.indices.filter { !meets[$0] } }

    func relativeShortfall(_ targets: [MetricTarget]) -> Double {
        zip(targets, figures).map { $0.relativeShortfall($1?.mean) }.reduce(0, +)
    }
}

/// A rule of thumb set beside the answer: "1.2 threads per device (Traveler)" → 600.
public struct SizeRule: Sendable {
    public var name: String
    public var value: Double
    /// How the rule got its value, in a sentence.
    public var basis: String

    public init(name: String, value: Double, basis: String) {
        self.name = name
        self.value = value
        self.basis = basis
    }
}
