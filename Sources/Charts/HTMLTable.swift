/// A table for `HTMLDocument`: a header row and rows of pre-formatted cell text.
public struct HTMLTable: Sendable {
    public enum Alignment: Sendable, Equatable { case left, right }

    public var header: [String]
    public var rows: [[String]]
    public var caption: String
    /// Per-column alignment; nil right-aligns the columns whose cells all look numeric
    /// (see `looksNumeric`), ignoring empty cells and placeholders such as "—".
    public var alignments: [Alignment]?

    public init(header: [String], rows: [[String]], caption: String = "", alignments: [Alignment]? = nil) {
        self.header = header
        self.rows = rows
        self.caption = caption
        self.alignments = alignments
    }

    static let placeholders: Set<String> = ["", "—", "–", "-", "n/a", "N/A"]
    static let suffixes: Set<String> = ["%", "k", "M", "G", "T", "ms", "µs", "s", "m", "h", "d", "x", "×"]
    /// Units that may also stand as a separate word after a number ("1,500 ms").
    static let unitWords: Set<String> = ["%", "ms", "µs", "s", "m", "h", "d", "min"]

    /// Whether a cell reads as a number: optional sign, digits with "," and ".", an optional
    /// unit suffix (%, k, M, G, T, µs, ms, s, m, h, d, x, ×); several such parts may be
    /// separated by spaces ("1d 6h", "1,500 ms").
    public static func looksNumeric(_ cell: String) -> Bool {
        let tokens = cell.split(separator: " ", omittingEmptySubsequences: true)
        guard !tokens.isEmpty else { return false }
        var previousWasNumber = false
        for token in tokens {
            if numericToken(token) {
                previousWasNumber = true
            } else if previousWasNumber && unitWords.contains(String(token)) {
                previousWasNumber = false
            } else {
                return false
            }
        }
        return true
    }

    static func numericToken(_ token: Substring) -> Bool {
        var rest = token[...]
        if let first = rest.first, first == "-" || first == "+" || first == "−" || first == "±" || first == "~" {
            rest = rest.dropFirst()
        }
        var sawDigit = false
        var index = rest.startIndex
        while index < rest.endIndex, rest[index].isASCII, rest[index].isNumber || rest[index] == "," || rest[index] == "." {
            if rest[index].isNumber { sawDigit = true }
            index = rest.index(after: index)
        }
        guard sawDigit else { return false }
        let suffix = String(rest[index...])
        return suffix.isEmpty || suffixes.contains(suffix)
    }

    func resolvedAlignments() -> [Alignment] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        if let alignments {
            return (0..<columns).map { $0 < alignments.count ? alignments[$0] : .left }
        }
        return (0..<columns).map { column in
            var numeric = 0
            for row in rows where column < row.count {
                let cell = row[column].trimmingSpaces
                if Self.placeholders.contains(cell) { continue }
                guard Self.looksNumeric(cell) else { return .left }
                numeric += 1
            }
            return numeric > 0 ? .right : .left
        }
    }

    func render() -> String {
        let align = resolvedAlignments()
        func cellClass(_ column: Int) -> String {
            column < align.count && align[column] == .right ? " class=\"num\"" : ""
        }
        var out = "<div class=\"table-wrap\"><table>\n"
        if !caption.isEmpty { out += "<caption>" + Markup.escape(caption) + "</caption>\n" }
        if !header.isEmpty {
            out += "<thead><tr>"
            for (i, title) in header.enumerated() { out += "<th scope=\"col\"\(cellClass(i))>" + Markup.escape(title) + "</th>" }
            out += "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in rows {
            out += "<tr>"
            for i in 0..<max(row.count, header.count) {
                out += "<td\(cellClass(i))>" + Markup.escape(i < row.count ? row[i] : "") + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
