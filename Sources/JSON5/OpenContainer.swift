/// An array or object whose closing bracket has not been reached yet.
struct OpenContainer {
    enum Kind {
        case array
        case object
    }

    var kind: Kind
    var location: SourceLocation
    var elements: [JSON5Node] = []
    var members: [JSON5Member] = []
    /// Key locations by key, built only once an object is big enough for
    /// scanning `members` to cost more than hashing.
    private var keyIndex: [String: SourceLocation] = [:]
    private static let keyIndexThreshold = 16
    var pendingKey = ""
    var pendingKeyLocation = SourceLocation.start

    init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Where `key` already appeared in this object, so a duplicate can name the first one.
    func firstLocation(ofKey key: String) -> SourceLocation? {
        if members.count < Self.keyIndexThreshold {
            return members.first { $0.key == key }?.keyLocation
        }
        return keyIndex[key]
    }

    /// Notes a key about to be added to `members`.
    mutating func recordKey(_ key: String, at location: SourceLocation) {
        pendingKey = key
        pendingKeyLocation = location
        guard members.count + 1 >= Self.keyIndexThreshold else { return }
        if keyIndex.isEmpty {
            for member in members {
                keyIndex[member.key] = member.keyLocation
            }
        }
        keyIndex[key] = location
    }
}
