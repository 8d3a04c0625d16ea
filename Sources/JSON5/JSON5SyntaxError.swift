/// The first syntax error in a JSON5 text.
public struct JSON5SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the offending token (or the construct that was left open) starts.
    public var location: SourceLocation
    /// What was expected and what was found, e.g.
    /// `expected ',' or '}' after an object member, found '"name"'`.
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `"line:column: message"`; prefix it with a file name for a compiler-style diagnostic.
    public var description: String { "\(location): \(message)" }
}
