import JSON5

/// Why an override could not be applied to the tree.
struct OverrideFailure: Error {
    /// The key path as far as it could be followed, e.g. `populations.iphon`.
    var keyPath: String
    var message: String
}

/// Applies one override to a scenario tree.
///
/// Missing objects on the way are created; a scalar on the way is replaced by an object
/// (the override wins); an element of an array is selected by `name` or position, and the
/// position just past the end appends one. Setting one variant of an exactly-one-of object
/// (`fixed`/`adaptive`, or the kinds of a distribution) removes the other variants, so
/// `heartbeat.fixed=10m` turns `{ adaptive: … }` into `{ fixed: "10m" }`.
///
/// Every node the override creates carries `stamp` as its location, so that the decoder's
/// messages about them can be traced back to the override.
enum OverrideApplier {
    static let variantGroups = [DecodeContext.heartbeatKinds, DecodeContext.distributionKinds]

    static func apply(_ components: [KeyPathComponent], value: JSON5Node, to root: inout JSON5Node,
                      stamp: SourceLocation) throws(OverrideFailure) {
        try set(&root, components[...], value: value, walked: [], stamp: stamp)
    }

    /// `node` with every location inside it (keys included) replaced by `stamp`.
    static func restamped(_ node: JSON5Node, _ stamp: SourceLocation) -> JSON5Node {
        switch node.value {
        case .array(let elements):
            return JSON5Node(value: .array(elements.map { restamped($0, stamp) }), location: stamp)
        case .object(let members):
            return JSON5Node(value: .object(members.map {
                JSON5Member(key: $0.key, keyLocation: stamp, value: restamped($0.value, stamp))
            }), location: stamp)
        default:
            return JSON5Node(value: node.value, location: stamp)
        }
    }

    private static func set(_ node: inout JSON5Node, _ path: ArraySlice<KeyPathComponent>, value: JSON5Node,
                            walked: [KeyPathComponent], stamp: SourceLocation) throws(OverrideFailure) {
        guard let component = path.first else {
            node = value
            return
        }
        let rest = path.dropFirst()
        switch node.value {
        case .array(var elements):
            let index = try elementIndex(component, in: elements, walked: walked)
            let here = walked + [component]
            if index == elements.count {
                elements.append(rest.isEmpty ? value : emptyContainer(for: rest.first, stamp: stamp))
                if !rest.isEmpty { try set(&elements[index], rest, value: value, walked: here, stamp: stamp) }
            } else {
                try set(&elements[index], rest, value: value, walked: here, stamp: stamp)
            }
            node.value = .array(elements)
        case .object(var members):
            guard case .key(let key) = component else {
                throw OverrideFailure(keyPath: KeyPath.text(walked + [component]),
                                      message: "\(KeyPath.text(walked)) is an object: select a key, not a position")
            }
            if walked.isEmpty { try checkServerKey(key, members: members, path: path) }
            if let group = variantGroups.first(where: { $0.contains(key) }) {
                members.removeAll { $0.key != key && group.contains($0.key) }
            }
            let here = walked + [component]
            if let index = members.firstIndex(where: { $0.key == key }) {
                try set(&members[index].value, rest, value: value, walked: here, stamp: stamp)
            } else {
                var child = rest.isEmpty ? value : emptyContainer(for: rest.first, stamp: stamp)
                if !rest.isEmpty { try set(&child, rest, value: value, walked: here, stamp: stamp) }
                members.append(JSON5Member(key: key, keyLocation: stamp, value: child))
            }
            node.value = .object(members)
        default:
            node = emptyContainer(for: component, stamp: stamp)
            try set(&node, path, value: value, walked: walked, stamp: stamp)
        }
    }

    /// An array when the next step is a position (`restarts[0]`), else an object.
    private static func emptyContainer(for next: KeyPathComponent?, stamp: SourceLocation) -> JSON5Node {
        if case .index = next { return JSON5Node(value: .array([]), location: stamp) }
        return JSON5Node(value: .object([]), location: stamp)
    }

    private static func elementIndex(_ component: KeyPathComponent, in elements: [JSON5Node],
                                     walked: [KeyPathComponent]) throws(OverrideFailure) -> Int {
        let failurePath = KeyPath.text(walked + [component])
        let index: Int
        switch component {
        case .index(let position):
            index = position
        case .key(let key):
            if let named = elements.firstIndex(where: { $0["name"]?.value.stringValue == key }) {
                return named
            }
            guard key.allSatisfy({ $0.isASCII && $0.isNumber }), let position = Int(key) else {
                throw OverrideFailure(keyPath: failurePath, message: noElementMessage(key, in: elements, walked: walked))
            }
            index = position
        }
        guard index <= elements.count else {
            let count = elements.count
            throw OverrideFailure(keyPath: failurePath,
                                  message: "position \(index) is out of range: \(KeyPath.text(walked)) has \(count) element\(count == 1 ? "" : "s")")
        }
        return index
    }

    private static func noElementMessage(_ name: String, in elements: [JSON5Node], walked: [KeyPathComponent]) -> String {
        let kind: String
        switch walked {
        case [.key("populations")]: kind = "population"
        case [.key("servers")]: kind = "server"
        default: kind = "element"
        }
        let names = elements.compactMap { $0["name"]?.value.stringValue }
        let fallback = names.isEmpty
            ? "; there are none to select by name"
            : "; the \(kind)s are \(Suggestions.quotedList(names, conjunction: "and"))"
        return "no \(kind) named \(Found.quoted(name))" + Suggestions.hint(for: name, among: names, fallback: fallback)
    }

    /// `server.…` in a file with a pool, or `servers.…` in a file with one server, would
    /// declare both; say which one to write instead.
    private static func checkServerKey(_ key: String, members: [JSON5Member],
                                       path: ArraySlice<KeyPathComponent>) throws(OverrideFailure) {
        let has = { (name: String) in members.contains { $0.key == name } }
        let rest = Array(path.dropFirst())
        if key == "server", has("servers"), !has("server") {
            let first = members.first { $0.key == "servers" }?.value[0]?["name"]?.value.stringValue
            let element = first.flatMap { KeyPath.isUsableName($0) ? $0 : nil } ?? "0"
            let suggestion = KeyPath.text([.key("servers"), .key(element)] + rest)
            throw OverrideFailure(keyPath: "server",
                                  message: "this scenario has a pool (\"servers\"), not one \"server\"; write \(suggestion)")
        }
        if key == "servers", has("server"), !has("servers") {
            let suggestion = KeyPath.text([.key("server")] + rest.dropFirst())
            throw OverrideFailure(keyPath: "servers",
                                  message: "this scenario has one \"server\", not a pool (\"servers\"); write \(suggestion)")
        }
    }
}
