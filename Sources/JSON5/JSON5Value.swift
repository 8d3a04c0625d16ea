/// A JSON5 value. Arrays and objects hold nodes, so every nested value keeps its location.
///
/// `==` is structural and includes source locations and number spellings;
/// use ``isEquivalent(to:)`` to compare only what the values mean.
public enum JSON5Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSON5Number)
    case string(String)
    case array([JSON5Node])
    /// Members in the order they appear in the file.
    case object([JSON5Member])
}

/// A value and the location of its first character (the quote, sign, digit, bracket or letter).
public struct JSON5Node: Hashable, Sendable {
    public var value: JSON5Value
    public var location: SourceLocation

    public init(value: JSON5Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One `key: value` pair of an object.
public struct JSON5Member: Hashable, Sendable {
    /// The key with escapes resolved, whether it was written quoted or as an identifier.
    public var key: String
    /// Where the key starts: its opening quote, or the first character of the identifier.
    public var keyLocation: SourceLocation
    public var value: JSON5Node

    public init(key: String, keyLocation: SourceLocation, value: JSON5Node) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
