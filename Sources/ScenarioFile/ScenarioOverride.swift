import JSON5

/// A change to the scenario tree before it is decoded, from `--set key.path=value` or a
/// sweep point, so that overridden values get the same checks and messages as the file.
///
/// Key paths are dot-separated; elements of `populations` and `servers` are selected by
/// name (`populations.iphone.count`) or by position (`populations.0.count`,
/// `populations[0].count`).
public struct ScenarioOverride: Hashable, Sendable {
    public var keyPath: String
    public var value: JSON5Value
    /// The override as written on the command line, for messages.
    public var text: String

    /// Reads `key.path=value`, splitting at the first `=`. The value is read as JSON5
    /// (`600`, `true`, `[1, 2]`, `{ fixed: "10m" }`); anything else is taken as a bare
    /// string, so `10m` and `office` need no quotes.
    ///
    /// - Throws: a ``ScenarioDiagnostic`` with `override` set to `text` when there is no
    ///   `=` or the key path is malformed.
    public init(parsing text: String) throws(ScenarioDiagnostic) {
        let (keyPath, valueText) = try Self.split(text)
        self.keyPath = keyPath
        self.value = Self.value(from: valueText)
        self.text = text
    }

    /// An override built in code; its `text` is `keyPath=value` with the value's display text.
    public init(keyPath: String, value: JSON5Value) {
        self.keyPath = keyPath
        self.value = value
        self.text = "\(keyPath)=\(value.displayText)"
    }

    /// The key path and value text of `key.path=value`, the key path checked.
    static func split(_ text: String) throws(ScenarioDiagnostic) -> (keyPath: String, value: String) {
        func failure(_ keyPath: String, _ message: String) -> ScenarioDiagnostic {
            ScenarioDiagnostic(file: "", location: nil, override: text, keyPath: keyPath, message: message)
        }
        guard let equals = text.firstIndex(of: "=") else {
            throw failure("", "expected key.path=value, found no \"=\"")
        }
        let keyPath = String(text[..<equals].droppingAround(" \t"))
        guard !keyPath.isEmpty else {
            throw failure("", "expected a key path before \"=\", such as populations.iphone.count=600")
        }
        guard KeyPath.parse(keyPath) != nil else {
            throw failure("", Self.malformedKeyPathMessage(keyPath))
        }
        return (keyPath, String(text[text.index(after: equals)...]))
    }

    static func malformedKeyPathMessage(_ keyPath: String) -> String {
        "expected a key path such as populations.iphone.count or populations[0].count, found \(Found.quoted(keyPath))"
    }

    static func value(from text: String) -> JSON5Value {
        JSON5.parseValue(text) ?? .string(text)
    }
}

extension StringProtocol {
    /// Without the leading and trailing characters that are in `set`.
    func droppingAround(_ set: String) -> SubSequence {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
