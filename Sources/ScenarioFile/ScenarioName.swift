import JSON5

/// A scenario's `name` is also its output folder (`Results/<name>/`), so it is one path
/// component that cannot climb out of `Results/`: ASCII letters, digits, `-`, `_` and `.`,
/// not starting with `.` (which also rules out `.` and `..`), at most 100 characters.
public enum ScenarioName {
    public static let maximumLength = 100
    public static let allowedDescription =
        "letters, digits, \"-\", \"_\" and \".\" (not first), at most 100 characters, since it names the folder Results/<name>"

    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.unicodeScalars.count <= maximumLength else { return false }
        return name.unicodeScalars.allSatisfy(isAllowed)
    }

    static func isAllowed(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ".")
    }

    /// A valid name made from a file's base name (the default name): other characters become
    /// `-`, leading dots are dropped; `scenario` when nothing is left.
    public static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView(text.unicodeScalars.map { isAllowed($0) ? $0 : "-" })
        while scalars.first == "." { scalars.removeFirst() }
        let name = String(String(scalars).prefix(maximumLength))
        return name.isEmpty ? "scenario" : name
    }
}

extension DecodeContext {
    /// The scenario's name: a non-empty string that `ScenarioName` accepts.
    func scenarioName(_ node: JSON5Node, _ path: String) -> String? {
        guard let name = name(node, path) else { return nil }
        guard ScenarioName.isValid(name) else {
            mismatch(node, path, expected: "a name of \(ScenarioName.allowedDescription)")
            return nil
        }
        return name
    }
}
