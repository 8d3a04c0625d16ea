import Foundation

/// Where a command writes. Commands never print directly, so tests can capture their
/// output and decide whether stderr is a terminal.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void
    /// Progress is shown only on a terminal (and never with --quiet).
    var errIsTerminal: Bool

    init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// Standard output and standard error of this process.
    static var standard: Console {
        Console(out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
                err: { text in FileHandle.standardError.write(Data(text.utf8)) },
                errIsTerminal: isatty(STDERR_FILENO) != 0)
    }
}

/// "1 replication", "3 replications".
func plural(_ n: Int, _ singular: String) -> String { "\(n) \(n == 1 ? singular : singular + "s")" }
