import Experiments
import ScenarioFile

/// One `pushsim` command: a small value type that knows its options and help text and
/// runs from parsed arguments.
protocol Command {
    /// The word after `pushsim`.
    static var name: String { get }
    /// One line for the list of commands.
    static var abstract: String { get }
    /// The usage line, without `pushsim`.
    static var usage: String { get }
    /// What it does, in a few paragraphs, with examples.
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Runs; returns the exit status (0 success, 1 failure, 2 bad input).
    func run(_ console: Console) -> Int32
}

/// Exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let badInput: Int32 = 2
}

/// The `pushsim` command line: the module's only public API, what `main` calls. Everything
/// else here is internal (the tests reach it with `@testable import`).
public enum PushSimCommand {
    static var commands: [any Command.Type] { [
        RunCommand.self, ValidateCommand.self, SweepCommand.self, SizeCommand.self, MergeCommand.self, ReportCommand.self, BenchCommand.self,
        LogsCommand.self,
        CalibrateCommand.self,
    ] }

    /// Runs the command line `arguments` (without the program name) on standard output and
    /// standard error; returns the exit status (0 success, 1 failure, 2 bad input).
    public static func main(_ arguments: [String]) -> Int32 { main(arguments, console: .standard) }

    /// Runs the command line `arguments` (without the program name), writing to `console`.
    static func main(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first, first != "--help", first != "-h" else {
            console.out(overview)
            return arguments.isEmpty ? ExitStatus.badInput : ExitStatus.success
        }
        if first == "--version" {
            console.out("pushsim \(version)\n")
            return ExitStatus.success
        }
        if first == "help" {
            guard let topic = arguments.dropFirst().first else {
                console.out(overview)
                return ExitStatus.success
            }
            guard let command = commands.first(where: { $0.name == topic }) else {
                console.err("pushsim: no command \"\(topic)\"\(suggestion(topic))\n")
                return ExitStatus.badInput
            }
            console.out(help(command))
            return ExitStatus.success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            console.err("pushsim: no command \"\(first)\"\(suggestion(first))\nRun `pushsim --help` for the commands.\n")
            return ExitStatus.badInput
        }
        return run(command, Array(arguments.dropFirst()), console)
    }

    static func run<C: Command>(_ command: C.Type, _ arguments: [String], _ console: Console) -> Int32 {
        let options = command.options + [.flag("help", help: "Show this help.")]
        do {
            let parsed = try parseArguments(arguments, options: options)
            if parsed.has("help") {
                console.out(help(command))
                return ExitStatus.success
            }
            return try command.init(parsed).run(console)
        } catch {
            console.err("pushsim \(command.name): \(error)\nusage: pushsim \(command.usage)\nRun `pushsim \(command.name) --help` for more.\n")
            return ExitStatus.badInput
        }
    }

    static func suggestion(_ word: String) -> String {
        Suggestions.closest(to: word, among: commands.map { $0.name }).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    static let version = RunToFolder.version

    static var overview: String {
        var text = """
        pushsim — a discrete-event simulator of mobile-email push traffic: phones holding
        long ActiveSync Pings, Syncs, HTTP 409 conflicts, server thread pools, firewall idle
        timeouts, heartbeats and battery.

        USAGE: pushsim <command> [options]

        COMMANDS:

        """
        for command in commands {
            text += "  " + command.name.padding(toLength: 10, withPad: " ", startingAt: 0) + command.abstract + "\n"
        }
        text += """

        Start with:
          pushsim run Scenarios/quickstart.json5
        Then read Results/quickstart/report.html.

        Run `pushsim help <command>` (or `pushsim <command> --help`) for the options and examples.

        """
        return text
    }

    static func help(_ command: any Command.Type) -> String {
        var text = "OVERVIEW: \(command.abstract)\n\nUSAGE: pushsim \(command.usage)\n\n\(command.discussion)\n"
        let options = command.options + [.flag("help", help: "Show this help.")]
        text += "\nOPTIONS:\n"
        for option in options {
            var left = "--\(option.name)"
            if let value = option.valueName { left += " \(value)" }
            if option.repeatable { left += " …" }
            let pad = max(2, 28 - left.count)
            text += "  " + left + String(repeating: " ", count: pad) + option.help + "\n"
        }
        return text
    }
}
