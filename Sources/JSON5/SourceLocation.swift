/// A position in JSON5 source text.
///
/// Lines end at LF, CR, CR LF, U+2028 and U+2029 — the JSON5 line terminators —
/// so positions agree with what the JSON5 specification calls a line.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line; a tab counts as one.
    public var column: Int
    /// 0-based offset in UTF-8 bytes from the start of the text.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of a text: line 1, column 1, offset 0.
    public static let start = SourceLocation(line: 1, column: 1, offset: 0)

    /// `"line:column"`, e.g. `"12:7"`, ready to follow a file name.
    public var description: String { "\(line):\(column)" }

    /// Orders locations by their position in the text.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }
}
