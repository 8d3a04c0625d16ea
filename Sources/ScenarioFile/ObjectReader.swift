import DiscreteEvent
import JSON5
import PushSim

/// Typed access to the members of one object of the scenario file.
///
/// Creating a reader checks the members against the keys the schema allows at that place
/// and reports every unknown key (with a suggestion), so a typo is never silently ignored.
/// Each accessor returns nil both when the key is absent (the default stays in effect) and
/// when its value was wrong (already reported).
struct ObjectReader {
    let node: JSON5Node
    let path: String
    let members: [JSON5Member]
    let context: DecodeContext
    /// True when some member was reported as unknown, so that a following "missing" or
    /// "expected one of" message about the same object would only repeat the problem.
    let hadUnknownKeys: Bool

    /// Nil (after reporting) when `node` is not an object. `expected` describes the object
    /// for that message, e.g. `an object such as { fixed: "15m" }`.
    init?(_ node: JSON5Node, path: String, known: [String], context: DecodeContext, expected: String = "an object") {
        guard case .object(let members) = node.value else {
            context.mismatch(node, path, expected: expected)
            return nil
        }
        self.node = node
        self.path = path
        self.members = members
        self.context = context
        var hadUnknownKeys = false
        for member in members where !known.contains(member.key) {
            hadUnknownKeys = true
            context.report(at: member.keyLocation, KeyPath.appending(member.key, to: path),
                           Self.unknownKeyMessage(member.key, known: known))
        }
        self.hadUnknownKeys = hadUnknownKeys
    }

    static func unknownKeyMessage(_ key: String, known: [String]) -> String {
        let start = "unknown key \(Found.quoted(key))"
        if let match = Suggestions.closest(to: key, among: known) { return "\(start); did you mean \"\(match)\"?" }
        return known.isEmpty ? "\(start); no keys are allowed here" : "\(start); known keys: \(known.joined(separator: ", "))"
    }

    subscript(key: String) -> JSON5Node? { member(key)?.value }

    func member(_ key: String) -> JSON5Member? { members.first { $0.key == key } }

    func path(_ key: String) -> String { KeyPath.appending(key, to: path) }

    /// Reports each of `keys` that is absent, at this object; true when all are present.
    @discardableResult
    func require(_ keys: String...) -> Bool {
        var complete = true
        for key in keys where member(key) == nil {
            complete = false
            context.report(node, path, "missing the required key \"\(key)\"")
        }
        return complete
    }

    /// The value of `key` decoded by `decode`, which receives the node and its key path.
    func read<T>(_ key: String, _ decode: (JSON5Node, String) -> T?) -> T? {
        guard let value = self[key] else { return nil }
        return decode(value, path(key))
    }

    func string(_ key: String) -> String? { read(key, context.string) }
    func name(_ key: String) -> String? { read(key, context.name) }
    func bool(_ key: String) -> Bool? { read(key, context.bool) }
    func duration(_ key: String) -> SimTime? { read(key) { context.duration($0, $1) } }
    func distribution(_ key: String) -> DurationDistribution? { read(key, context.distribution) }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        read(key) { context.integer($0, $1, in: range) }
    }

    func number(_ key: String, _ rule: NumberRule) -> Double? {
        read(key) { context.number($0, $1, rule) }
    }

    func keyword(_ key: String, _ options: [String]) -> String? {
        read(key) { context.keyword($0, $1, options) }
    }

    /// A nested object, with its own allowed keys.
    func object(_ key: String, known: [String], expected: String = "an object") -> ObjectReader? {
        read(key) { ObjectReader($0, path: $1, known: known, context: context, expected: expected) }
    }

    /// The elements of an array member.
    func array(_ key: String, expected: String = "an array") -> [JSON5Node]? {
        read(key) { node, path in
            guard case .array(let elements) = node.value else {
                context.mismatch(node, path, expected: expected)
                return nil
            }
            return elements
        }
    }
}
