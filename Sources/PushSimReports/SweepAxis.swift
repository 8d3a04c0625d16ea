import DiscreteEvent

/// How a sweep parameter's values are placed along an axis.
struct SweepAxis {
    enum Kind: Equatable {
        /// Durations ("5m", "350s", "1h30m"), placed at their length in seconds.
        case duration
        /// Plain numbers.
        case number
        /// Anything else, evenly spaced in order of first appearance.
        case category
    }

    let kind: Kind
    /// Distinct values, ascending for numeric kinds, in order of appearance for categories.
    let values: [String]
    private let positions: [String: Double]

    /// The axis for `texts` (the parameter's value at every point, repeats allowed). All
    /// values must read as numbers for a number axis, or all as durations for a duration axis.
    init(_ texts: [String]) {
        var distinct: [String] = []
        for t in texts where !distinct.contains(t) { distinct.append(t) }
        let numbers = distinct.map { Self.number($0) }
        let durations = distinct.map { try? SimTime(parsing: $0).seconds }
        let numeric: [Double]
        if !distinct.isEmpty, numbers.allSatisfy({ $0 != nil }) {
            kind = .number
            numeric = numbers.map { $0! }
        } else if !distinct.isEmpty, durations.allSatisfy({ $0 != nil }) {
            kind = .duration
            numeric = durations.map { $0! }
        } else {
            kind = .category
            numeric = distinct.indices.map(Double.init)
        }
        var map: [String: Double] = [:]
        for (t, x) in zip(distinct, numeric) { map[t] = x }
        positions = map
        // Stable sort: equal positions ("15m" and "900s") keep their order of appearance.
        values = kind == .category ? distinct
            : distinct.enumerated().sorted { (map[$0.element]!, $0.offset) < (map[$1.element]!, $1.offset) }.map(\.element)
    }

    /// A plain decimal number ("600", "0.5", "-3"); not "inf", "nan" or hex.
    static func number(_ text: String) -> Double? {
        let t = text.trimmingSpacesAndTabs
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let x = Double(t), x.isFinite else { return nil }
        return x
    }

    func position(_ text: String) -> Double? { positions[text] }

    var isNumeric: Bool { kind != .category }
}

extension String {
    var trimmingSpacesAndTabs: String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
