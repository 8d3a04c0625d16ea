/// Which end of the range `pushsim size` looks for.
public enum SizingDirection: String, Hashable, Sendable {
    /// The smallest value that meets every target (threads, servers: the cheapest that is enough).
    case smallest
    /// The largest value that meets every target (devices per server, the longest heartbeat).
    case largest
}

/// The search of `pushsim size` over a grid of values `0 ... last` (grid indices; the
/// caller maps them to threads, devices or durations): bracket, then bisect, with
/// `width` values per round, then a check that the evaluations are monotone.
///
/// For `.smallest` the values that meet are assumed to be those above some boundary; for
/// `.largest`, those below one. Bracketing steps up from the bottom of the range at
/// offsets 0, 1, 3, 7, 15, … (so the expensive top of a range such as 1 … 10,000,000
/// devices is reached only when the answer is near it); bisection splits the bracket into
/// `width + 1` parts per round. About log₂(answer) + log₂(bracket) / log₂(width + 1) rounds.
///
/// When two evaluations contradict the assumption (for `.smallest`: a value that meets
/// below one that fails), the search says which, and finishes by evaluating every grid
/// value between the contradicting ones (at most `scanLimit`) instead of trusting bisection.
public struct SizingSearch: Sendable {
    public var last: Int
    public var direction: SizingDirection
    public var width: Int
    public var scanLimit = 2000

    public init(last: Int, direction: SizingDirection, width: Int) {
        self.last = max(0, last)
        self.direction = direction
        self.width = max(1, width)
    }

    public struct Outcome: Hashable, Sendable {
        /// The grid index of the answer; nil when no evaluated value meets every target.
        public var answer: Int?
        /// The neighbour of the answer on the failing side (nil at the end of the range).
        public var next: Int?
        /// Every evaluated index and whether it met, in evaluation order.
        public var evaluated: [(index: Int, meets: Bool)]
        /// Pairs that contradict monotonicity: (meets, fails).
        public var contradictions: [(meets: Int, fails: Int)]
        /// The grid span scanned after a contradiction, if any.
        public var scanned: ClosedRange<Int>?
        /// A contradiction whose span was wider than `scanLimit`, so it was not scanned.
        public var scanSkipped: ClosedRange<Int>?

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.answer == b.answer && a.next == b.next && a.scanned == b.scanned && a.scanSkipped == b.scanSkipped
                && a.evaluated.elementsEqual(b.evaluated, by: ==) && a.contradictions.elementsEqual(b.contradictions, by: ==)
        }
        public func hash(into h: inout Hasher) { h.combine(answer); h.combine(next) }
    }

    /// Runs the search; `evaluate` is called once per round with indices not evaluated yet
    /// and returns, for each, whether it meets every target.
    public func run(_ evaluate: ([Int]) throws -> [Bool]) rethrows -> Outcome {
        var known: [Int: Bool] = [:]
        var order: [(Int, Bool)] = []
        func round(_ indices: [Int]) throws {
            var fresh: [Int] = []
            for i in indices where known[i] == nil && !fresh.contains(i) { fresh.append(i) }
            guard !fresh.isEmpty else { return }
            let results = try evaluate(fresh)
            for (i, meets) in zip(fresh, results) {
                known[i] = meets
                order.append((i, meets))
            }
        }

        // Bracket: step up from the bottom until the status flips to the far side.
        var candidates: [Int] = []
        var offset = 0, stepSize = 1
        while offset < last {
            candidates.append(offset)
            offset += stepSize
            stepSize *= 2
        }
        candidates.append(last)
        var near: Int?, far: Int?
        var next = 0
        while next < candidates.count {
            try round(Array(candidates[next..<min(next + width, candidates.count)]))
            next += width
            if let bracket = bracket(known) {
                (near, far) = bracket
                break
            }
        }

        // Bisect between the near side and the far side.
        if var a = near, var b = far {
            while abs(b - a) > 1 {
                let low = min(a, b), span = abs(b - a)
                let parts = min(width, span - 1)
                try round((1...parts).map { low + span * $0 / (parts + 1) })
                (a, b) = narrowed(a, b, known)
            }
        }

        var outcome = Outcome(answer: nil, next: nil, evaluated: [], contradictions: contradictions(known))
        if !outcome.contradictions.isEmpty {
            let involved = outcome.contradictions.flatMap { [$0.meets, $0.fails] }
            var span = involved.min()!...involved.max()!
            if let (answer, _) = answer(known) { span = min(span.lowerBound, answer)...max(span.upperBound, answer) }
            if span.count <= scanLimit {
                try round(Array(span))
                outcome.scanned = span
            } else {
                outcome.scanSkipped = span
            }
            outcome.contradictions = contradictions(known)
        }
        if let (answer, neighbour) = answer(known) {
            if let neighbour, known[neighbour] == nil { try round([neighbour]) }
            outcome.answer = answer
            outcome.next = neighbour
        }
        outcome.evaluated = order.map { (index: $0.0, meets: $0.1) }
        return outcome
    }

    /// (near, far) once the evaluations hold a flip: for `.smallest` the lowest value that
    /// meets and the highest failing one below it (near = nil when index 0 meets, far = 0);
    /// for `.largest` the highest meeting value below the lowest failure above a meeting one.
    func bracket(_ known: [Int: Bool]) -> (Int?, Int?)? {
        let sorted = known.keys.sorted()
        switch direction {
        case .smallest:
            guard let m = sorted.first(where: { known[$0]! }) else { return nil }
            return (sorted.last { $0 < m && !known[$0]! }, m)
        case .largest:
            guard let firstMeet = sorted.first(where: { known[$0]! }) else { return nil }
            if known[last] == true { return (last, nil) }
            guard let f = sorted.first(where: { $0 > firstMeet && !known[$0]! }) else { return nil }
            return (sorted.last { $0 < f && known[$0]! }, f)
        }
    }

    /// The bracket after a bisection round.
    func narrowed(_ a: Int, _ b: Int, _ known: [Int: Bool]) -> (Int, Int) {
        let inside = known.keys.filter { $0 >= min(a, b) && $0 <= max(a, b) }.sorted()
        switch direction {
        case .smallest:   // a fails, b meets, a < b
            let m = inside.first { known[$0]! } ?? b
            return (inside.last { $0 < m && !known[$0]! } ?? a, m)
        case .largest:    // a meets, b fails, a < b
            let f = inside.first { $0 > a && !known[$0]! } ?? b
            return (inside.last { $0 < f && known[$0]! } ?? a, f)
        }
    }

    /// The answer and its failing neighbour: the lowest (highest) meeting value evaluated.
    func answer(_ known: [Int: Bool]) -> (Int, Int?)? {
        let meeting = known.keys.filter { known[$0]! }
        switch direction {
        case .smallest:
            guard let m = meeting.min() else { return nil }
            return (m, m > 0 ? m - 1 : nil)
        case .largest:
            guard let m = meeting.max() else { return nil }
            return (m, m < last ? m + 1 : nil)
        }
    }

    /// For `.smallest`, each failing value above the lowest meeting one, paired with the
    /// highest meeting value below it; for `.largest`, each failing value below the highest
    /// meeting one, paired with the lowest meeting value above it.
    func contradictions(_ known: [Int: Bool]) -> [(meets: Int, fails: Int)] {
        let sorted = known.keys.sorted()
        let meeting = sorted.filter { known[$0]! }
        switch direction {
        case .smallest:
            guard let lowest = meeting.first else { return [] }
            return sorted.filter { $0 > lowest && !known[$0]! }.map { f in (meeting.last { $0 < f }!, f) }
        case .largest:
            guard let highest = meeting.last else { return [] }
            return sorted.filter { $0 < highest && !known[$0]! }.map { f in (meeting.first { $0 > f }!, f) }
        }
    }
}
