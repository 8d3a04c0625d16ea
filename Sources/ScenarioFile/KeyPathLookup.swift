import JSON5
import PushSim

/// Finds where in the tree a `Scenario.validate()` problem belongs.
///
/// The model names populations and servers by their `name` (`populations.iphone.count`,
/// and `server.threads` whenever there is one server, even one declared in `servers`);
/// this maps such a path to the node in the file, and to the key path the file's own
/// messages use. When the key is absent (its default is in effect), the problem is placed
/// at the nearest enclosing object that exists.
enum KeyPathLookup {
    static func issues(for problems: [ScenarioProblem], in document: DecodedDocument, root: JSON5Node) -> [Issue] {
        problems.map { problem in
            let (components, display) = resolve(problem.keyPath, in: document)
            return Issue(location: nearestNode(components, in: root).location, keyPath: display, message: problem.message)
        }
    }

    /// The tree path of a model key path, and the key path to show.
    static func resolve(_ path: String, in document: DecodedDocument) -> ([KeyPathComponent], String) {
        let populationNames = document.scenario.populations.map(\.name)
        if let (index, rest) = element(of: path, in: "populations", names: populationNames) {
            let display = document.populationPaths.indices.contains(index)
                ? document.populationPaths[index] : KeyPath.appending(index: index, to: "populations")
            return ([.key("populations"), .index(index)] + components(rest), display + rest)
        }
        if path == "server" || path.hasPrefix("server.") {
            let rest = String(path.dropFirst("server".count))
            if document.serversKey == "servers" {
                let display = document.serverPaths.first ?? "servers[0]"
                return ([.key("servers"), .index(0)] + components(rest), display + rest)
            }
            return ([.key("server")] + components(rest), path)
        }
        if let (index, rest) = element(of: path, in: "servers", names: document.scenario.servers.map(\.name)) {
            let display = document.serverPaths.indices.contains(index)
                ? document.serverPaths[index] : KeyPath.appending(index: index, to: "servers")
            return ([.key("servers"), .index(index)] + components(rest), display + rest)
        }
        return (KeyPath.parse(path) ?? [], path)
    }

    /// For `populations.<name>…`, the element with the longest name that fits (names may
    /// contain dots) and what follows it (`""`, or `.count`).
    private static func element(of path: String, in array: String, names: [String]) -> (Int, String)? {
        guard path.hasPrefix(array + ".") else { return nil }
        let afterArray = path.dropFirst(array.count + 1)
        var best: (index: Int, length: Int)?
        for (index, name) in names.enumerated() where !name.isEmpty {
            guard afterArray == name || afterArray.hasPrefix(name + ".") else { continue }
            if let current = best, current.length >= name.count { continue }
            best = (index, name.count)
        }
        guard let best else { return nil }
        return (best.index, String(afterArray.dropFirst(best.length)))
    }

    /// `.restarts[0].at` → its components.
    private static func components(_ rest: String) -> [KeyPathComponent] {
        guard rest.hasPrefix(".") else { return [] }
        return KeyPath.parse(String(rest.dropFirst())) ?? []
    }

    /// The node at `components`, or the deepest node that exists on the way there.
    static func nearestNode(_ components: [KeyPathComponent], in root: JSON5Node) -> JSON5Node {
        var node = root
        for component in components {
            guard let next = child(of: node, component) else { break }
            node = next
        }
        return node
    }

    static func child(of node: JSON5Node, _ component: KeyPathComponent) -> JSON5Node? {
        switch (node.value, component) {
        case (.object, .key(let key)):
            return node[key]
        case (.array, .index(let index)):
            return node[index]
        case (.array(let elements), .key(let key)):
            if let named = elements.first(where: { $0["name"]?.value.stringValue == key }) { return named }
            guard key.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(key) else { return nil }
            return node[index]
        default:
            return nil
        }
    }
}
