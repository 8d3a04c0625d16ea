/// One step of a key path: a member of an object, or an element of an array by position.
///
/// `populations.iphone.count` is three keys; in an array a key selects the element whose
/// `name` is that key, or the element at that position when it is a number
/// (`populations.0` and `populations[0]` are the same).
enum KeyPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// Reading and writing key paths such as `server.restarts[0].at`.
enum KeyPath {
    /// The components of `text`, or nil when it is not a key path (empty, an empty
    /// segment as in `a..b`, or a malformed `[n]`).
    static func parse(_ text: String) -> [KeyPathComponent]? {
        guard !text.isEmpty else { return nil }
        var components: [KeyPathComponent] = []
        for segment in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard let bracket = segment.firstIndex(of: "[") else {
                guard !segment.isEmpty, !segment.contains("]") else { return nil }
                components.append(.key(String(segment)))
                continue
            }
            let key = segment[..<bracket]
            guard !key.isEmpty, !key.contains("]") else { return nil }
            components.append(.key(String(key)))
            var rest = segment[bracket...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                      let index = Int(digits) else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return components
    }

    /// `path.key`, or `key` at the top level.
    static func appending(_ key: String, to path: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// `path[index]`.
    static func appending(index: Int, to path: String) -> String {
        "\(path)[\(index)]"
    }

    /// The text of `components` in the same notation `parse` reads.
    static func text(_ components: some Sequence<KeyPathComponent>) -> String {
        var path = ""
        for component in components {
            switch component {
            case .key(let key): path = appending(key, to: path)
            case .index(let index): path = appending(index: index, to: path)
            }
        }
        return path
    }

    /// A name that can stand for its element in a key path: `populations.iphone`. Names
    /// that the path syntax would misread (with `.`, `[`, `]` or `=`, or all digits) fall
    /// back to the element's index.
    static func isUsableName(_ name: String) -> Bool {
        !name.isEmpty
            && !name.contains(where: { $0 == "." || $0 == "[" || $0 == "]" || $0 == "=" })
            && !name.allSatisfy({ $0.isASCII && $0.isNumber })
    }
}
