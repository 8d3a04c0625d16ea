import JSON5

/// A node of a parsed JSON document together with its dotted path, so that every lookup
/// can fail with an error that names the key.
struct JSONField {
    let node: JSON5Node
    let path: String

    func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func fail(_ message: String) -> SummaryDecodingError { SummaryDecodingError(path: path, message: message) }

    /// The member `key`; throws when it is missing or this is not an object.
    func member(_ key: String) throws(SummaryDecodingError) -> JSONField {
        guard node.value.objectMembers != nil else { throw fail("should be an object, found \(node.typeName)") }
        guard let value = node[key] else {
            throw SummaryDecodingError(path: child(key), message: "missing key \"\(key)\"")
        }
        return JSONField(node: value, path: child(key))
    }

    /// The member `key` when present.
    func optionalMember(_ key: String) throws(SummaryDecodingError) -> JSONField? {
        guard node.value.objectMembers != nil else { throw fail("should be an object, found \(node.typeName)") }
        return node[key].map { JSONField(node: $0, path: child(key)) }
    }

    /// The members in file order.
    func members() throws(SummaryDecodingError) -> [(key: String, field: JSONField)] {
        guard let members = node.value.objectMembers else { throw fail("should be an object, found \(node.typeName)") }
        return members.map { ($0.key, JSONField(node: $0.value, path: child($0.key))) }
    }

    func elements() throws(SummaryDecodingError) -> [JSONField] {
        guard let elements = node.value.arrayElements else { throw fail("should be an array, found \(node.typeName)") }
        return elements.enumerated().map { JSONField(node: $1, path: "\(path)[\($0)]") }
    }

    /// A whole number.
    var intValue: Int {
        get throws(SummaryDecodingError) {
            guard let number = node.value.numberValue else { throw fail("should be an integer, found \(node.typeName)") }
            guard let integer = number.integer else { throw fail("should be an integer, found \(number.text)") }
            return Int(integer)
        }
    }

    /// A number; `null` (how summary.json writes a non-finite value) reads as NaN.
    var doubleValue: Double {
        get throws(SummaryDecodingError) {
            if node.value.isNull { return .nan }
            guard let number = node.value.numberValue else { throw fail("should be a number, found \(node.typeName)") }
            return number.double
        }
    }

    var stringValue: String {
        get throws(SummaryDecodingError) {
            guard let string = node.value.stringValue else { throw fail("should be a string, found \(node.typeName)") }
            return string
        }
    }

    func int(_ key: String) throws(SummaryDecodingError) -> Int { try member(key).intValue }
    func double(_ key: String) throws(SummaryDecodingError) -> Double { try member(key).doubleValue }
    func string(_ key: String) throws(SummaryDecodingError) -> String { try member(key).stringValue }
}
