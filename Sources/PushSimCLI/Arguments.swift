import ScenarioFile

/// What a command accepts: its options (with or without a value, once or repeated) and
/// how many positional arguments.
struct OptionSpec: Sendable {
    var name: String            // without the dashes: "seed"
    var valueName: String?      // nil for a flag: "N", "DIR", "key.path=value"
    var help: String
    var repeatable: Bool

    static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, repeatable: false)
    }
    static func value(_ name: String, _ valueName: String, help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable)
    }
}

/// A command line split into positionals, option values and flags.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The single value of `name`, if given.
    func value(_ name: String) -> String? { values[name]?.last }
    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// An integer option within `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError("--\(name) expects a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(text)\"")
        }
        return n
    }
}

/// A command line that does not fit the command: exit status 2, with the usage line.
struct UsageError: Error, Equatable, CustomStringConvertible, Sendable {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Parses `arguments` against `options`: `--name value`, `--name=value`, `--flag`; `--`
/// ends the options. Unknown options get a "did you mean" when one is close.
func parseArguments(_ arguments: [String], options: [OptionSpec]) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var i = 0
    var onlyPositionals = false
    while i < arguments.count {
        let argument = arguments[i]
        i += 1
        if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" {
            onlyPositionals = true
            continue
        }
        var name = String(argument.drop { $0 == "-" })
        var inline: String?
        if let equals = name.firstIndex(of: "=") {
            inline = String(name[name.index(after: equals)...])
            name = String(name[..<equals])
        }
        if name == "h" { name = "help" }
        guard let spec = options.first(where: { $0.name == name }) else {
            let known = options.map(\.name)
            let hint = Suggestions.closest(to: name, among: known).map { "; did you mean --\($0)?" } ?? ""
            throw UsageError("unknown option --\(name)\(hint)")
        }
        if spec.valueName == nil {
            if inline != nil { throw UsageError("--\(name) takes no value") }
            parsed.flags.insert(name)
            continue
        }
        let value: String
        if let inline {
            value = inline
        } else if i < arguments.count {
            value = arguments[i]
            i += 1
        } else {
            throw UsageError("--\(name) needs a value (\(spec.valueName ?? "value"))")
        }
        if !spec.repeatable && parsed.values[name] != nil {
            throw UsageError("--\(name) is given twice")
        }
        parsed.values[name, default: []].append(value)
    }
    return parsed
}
