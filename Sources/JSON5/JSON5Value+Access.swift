extension JSON5Value {
    /// The kind of value for messages: "object", "array", "string", "number", "boolean" or "null".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The value of the first member named `key`, or nil if absent or if this is not an object.
    public subscript(key: String) -> JSON5Node? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index`, or nil if out of range or if this is not an array.
    public subscript(index: Int) -> JSON5Node? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The flag of a boolean; nil for every other kind of value.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number, if this is one; nil for every other kind of value.
    public var numberValue: JSON5Number? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The string, if this is one; nil for every other kind of value (numbers are not converted).
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayElements: [JSON5Node]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members in file order, if this is an object.
    public var objectMembers: [JSON5Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// True when both values mean the same: source locations and number spellings are
    /// ignored (numbers compare with ``JSON5Number/hasSameValue(as:)``), member order counts.
    public func isEquivalent(to other: JSON5Value) -> Bool {
        switch (self, other) {
        case (.null, .null):
            return true
        case let (.bool(lhs), .bool(rhs)):
            return lhs == rhs
        case let (.number(lhs), .number(rhs)):
            return lhs.hasSameValue(as: rhs)
        case let (.string(lhs), .string(rhs)):
            return lhs == rhs
        case let (.array(lhs), .array(rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.value.isEquivalent(to: $1.value) }
        case let (.object(lhs), .object(rhs)):
            return lhs.count == rhs.count
                && zip(lhs, rhs).allSatisfy { $0.key == $1.key && $0.value.value.isEquivalent(to: $1.value.value) }
        default:
            return false
        }
    }
}

extension JSON5Node {
    /// The kind of ``value``; see ``JSON5Value/typeName``.
    public var typeName: String { value.typeName }

    /// The value of the first member named `key`, or nil if absent or if this is not an object.
    public subscript(key: String) -> JSON5Node? { value[key] }

    /// The element at `index`, or nil if out of range or if this is not an array.
    public subscript(index: Int) -> JSON5Node? { value[index] }

    /// The member named `key` itself, with its key location, or nil.
    public func member(_ key: String) -> JSON5Member? {
        value.objectMembers?.first { $0.key == key }
    }

    /// Compares values only; see ``JSON5Value/isEquivalent(to:)``.
    public func isEquivalent(to other: JSON5Node) -> Bool {
        value.isEquivalent(to: other.value)
    }
}
