import JSON5

extension LoadedScenario {
    /// The value written at `keyPath` in the tree (after the overrides), or nil when the key
    /// is absent (its default is in effect) or the path is malformed. Elements of arrays
    /// are selected by `name` or position, as in `--set`.
    public func writtenValue(at keyPath: String) -> JSON5Value? {
        guard let components = KeyPath.parse(keyPath) else { return nil }
        var node = tree
        for component in components {
            guard let next = KeyPathLookup.child(of: node, component) else { return nil }
            node = next
        }
        return node.value
    }

    /// The index of the population that `keyPath` is inside (`populations.iphone.…`,
    /// `populations[0].…`), or nil when it is not inside one.
    public func populationIndex(inKeyPath keyPath: String) -> Int? {
        guard let components = KeyPath.parse(keyPath), components.count >= 2,
              components[0] == .key("populations") else { return nil }
        switch components[1] {
        case .index(let i):
            return scenario.populations.indices.contains(i) ? i : nil
        case .key(let key):
            if let named = scenario.populations.firstIndex(where: { $0.name == key }) { return named }
            guard let i = Int(key), scenario.populations.indices.contains(i) else { return nil }
            return i
        }
    }

    /// The key path's components as text (`populations[0].count` → `["populations", "0", "count"]`),
    /// so that two spellings of one key compare equal; nil when malformed.
    public static func keyPathComponents(_ keyPath: String) -> [String]? {
        KeyPath.parse(keyPath)?.map {
            switch $0 {
            case .key(let key): key
            case .index(let i): String(i)
            }
        }
    }
}
