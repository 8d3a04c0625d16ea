/// "Did you mean …?" for keys, keywords, names and command-line words, and the lists that
/// messages quote.
public enum Suggestions {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    ///
    /// Case is ignored. How many edits count as a typo grows with the length of the words,
    /// so that a two-letter word is never "corrected" into another two-letter word
    /// (`"5g"` is not a typo for `"3g"`), while `"heartbaet"` still finds `"heartbeat"`.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let known = Array(candidate.lowercased())
            let distance: Int
            if known.count >= typed.count + 1, typed.count >= 4, known.starts(with: typed) {
                // A truncated key ("pingHolds") is as good a hint as a typo.
                distance = 1
            } else {
                distance = editDistance(typed, known)
            }
            guard distance <= allowedEdits(Swift.max(typed.count, known.count)) else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    static func allowedEdits(_ length: Int) -> Int {
        switch length {
        case ...2: 0
        case ...5: 1
        case ...9: 2
        default: 3
        }
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours each cost one, so `"cuont"` is one edit from `"count"`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// `"a"`, `"a" or "b"`, `"a", "b" or "c"` — each item quoted.
    static func quotedList(_ items: [String], conjunction: String = "or") -> String {
        let quoted = items.map { "\"\($0)\"" }
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0]
        default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted[quoted.count - 1]
        }
    }

    /// `; did you mean "x"?` when a candidate is close, else `fallback` (may be empty).
    static func hint(for word: String, among candidates: [String], fallback: String = "") -> String {
        if let match = closest(to: word, among: candidates) { return "; did you mean \"\(match)\"?" }
        return fallback
    }
}
