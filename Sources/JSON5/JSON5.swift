/// Entry points for reading JSON5 (https://spec.json5.org/, version 1.0.0) with source locations.
///
/// Beyond the specification, two things are rejected on purpose: duplicate keys in one
/// object (keys compare as Swift strings, i.e. by canonical equivalence), and `\u`
/// escapes that leave a surrogate unpaired, which a Swift `String` cannot hold.
public enum JSON5 {
    /// How deeply arrays and objects may nest before parsing stops with an error.
    public static let maximumNestingDepth = 512

    /// Parses a whole document: one value, with optional whitespace and comments around it.
    ///
    /// - Throws: the first ``JSON5SyntaxError`` in the text, located at the offending token.
    public static func parse(_ text: String) throws(JSON5SyntaxError) -> JSON5Node {
        var parser = JSON5Parser(text)
        return try parser.parseDocument()
    }

    /// Parses a value written on a command line, e.g. the `10m` of `--set key=10m`.
    ///
    /// Returns the value when the whole text is one valid JSON5 value (whitespace and
    /// comments around it allowed), and nil otherwise so the caller can treat the text
    /// as a bare string: `"600"` gives a number, `"10m"` and `"forty"` give nil.
    public static func parseValue(_ text: String) -> JSON5Value? {
        try? parse(text).value
    }
}
