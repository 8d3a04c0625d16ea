import Experiments
import Foundation
import PushSim

/// How progress is shown on stderr.
enum ProgressMode: String, CaseIterable {
    /// One line redrawn in place at most five times a second (a terminal).
    case bar
    /// A plain line every 10 seconds and a final line, for logs (Slurm, Kubernetes, CI,
    /// `2> run.log`), where escape codes and redraws would be noise.
    case plain
    case none

    static let option = OptionSpec.value("progress", "plain|bar|none",
                                         help: "Progress on stderr (default: bar on a terminal, else plain).")

    /// `--progress` as given (nil when absent).
    static func chosen(_ arguments: ParsedArguments) throws(UsageError) -> ProgressMode? {
        guard let text = arguments.value("progress") else { return nil }
        guard let mode = ProgressMode(rawValue: text) else {
            throw UsageError("--progress expects plain, bar or none, found \"\(text)\"")
        }
        return mode
    }

    /// `none` with --quiet; else the choice; else `bar` on a terminal and `plain` otherwise.
    static func resolve(_ choice: ProgressMode?, quiet: Bool, console: Console) -> ProgressMode {
        quiet ? .none : choice ?? (console.errIsTerminal ? .bar : .plain)
    }
}

/// Progress on stderr: what is done, simulated time, events per second and the time left,
/// as a line redrawn in place (`bar`), as a plain line every `plainInterval` seconds and a
/// final line (`plain`), or nothing (`none`, and always with --quiet).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let console: Console
    private let mode: ProgressMode
    private let plainInterval: TimeInterval
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var lastPlain: Date
    private var events = 0
    private var simulated = 0.0
    private var done = 0
    private var total = 0
    private var drawn = false

    init(_ console: Console, mode: ProgressMode, plainInterval: TimeInterval = 10) {
        self.console = console
        self.mode = mode
        self.plainInterval = plainInterval
        lastPlain = started
    }

    /// Progress for work measured in items (sweep points × replications, replications).
    var sink: ProgressSink {
        ProgressSink(itemFinished: { [self] done, total, events, simulated in
            self.item(done: done, total: total, events: events, simulated: simulated)
        }, running: { [self] p in self.running(p) })
    }

    private func item(done d: Int, total t: Int, events e: Int, simulated s: Double) {
        lock.lock()
        defer { lock.unlock() }
        events += e
        simulated += s
        done = d
        total = t
        let elapsed = Date().timeIntervalSince(started)
        let eta = d > 0 ? elapsed / Double(d) * Double(t - d) : 0
        show("runs \(d)/\(t) · simulated \(Self.duration(simulated)) · \(Self.rate(Double(events) / max(elapsed, 1e-9))) events/s · ETA \(Self.clock(eta))",
             force: d == t)
    }

    private func running(_ p: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        let eta = p.fraction > 0 ? p.wallSeconds / p.fraction * (1 - p.fraction) : 0
        show("\(Int(p.fraction * 100))% · simulated \(Self.duration(p.simulatedSeconds)) · \(Self.rate(Double(p.events) / max(p.wallSeconds, 1e-9))) events/s · ETA \(Self.clock(eta))",
             force: false)
    }

    /// Free-form progress (work not measured in runs, e.g. lines of a log).
    func line(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        show(text, force: false)
    }

    private func show(_ text: String, force: Bool) {
        let now = Date()
        switch mode {
        case .none:
            return
        case .bar:
            guard force || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
            lastDraw = now
            console.err("\r\u{1B}[2K" + text)
            drawn = true
        case .plain:
            // The final state is the final line's (finish), not a line of its own.
            guard !force, now.timeIntervalSince(lastPlain) >= plainInterval else { return }
            lastPlain = now
            console.err("pushsim [\(Self.clock(now.timeIntervalSince(started)))] \(text)\n")
        }
    }

    /// Ends the progress before the command prints its results: clears the bar, or in
    /// plain mode writes the final line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        switch mode {
        case .none:
            return
        case .bar:
            if drawn { console.err("\r\u{1B}[2K") }
        case .plain:
            guard total > 0 else { return }
            let elapsed = Date().timeIntervalSince(started)
            console.err("pushsim [\(Self.clock(elapsed))] done: runs \(done)/\(total) · simulated \(Self.duration(simulated)) · "
                        + "\(Self.rate(Double(events) / max(elapsed, 1e-9))) events/s\n")
        }
    }

    /// Says once, on stderr, that this is a debug build, which runs the command line and the
    /// reports several times slower (the model itself is optimised in every build); nothing
    /// in a release build, with --quiet or for small work.
    static func warnIfDebugBuild(_ console: Console, mode: ProgressMode, large: Bool) {
        #if DEBUG
        guard large, mode != .none else { return }
        console.err("pushsim: this is a debug build; for speed and for measurements use `swift build -c release` "
                    + "(then .build/release/pushsim)\n")
        #endif
    }

    /// Work counted as large enough to mention a debug build: a million device-days or more.
    static func isLarge(_ scenario: Scenario, runs: Int) -> Bool {
        Double(scenario.deviceCount) * scenario.duration.seconds / 86_400 * Double(max(1, runs)) >= 1_000_000
    }

    static func rate(_ x: Double) -> String {
        x >= 1e6 ? String(format: "%.1f M", x / 1e6) : x >= 1e3 ? String(format: "%.0f k", x / 1e3) : String(format: "%.0f", x)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        if s >= 86_400 { return "\(s / 86_400)d \(s / 3600 % 24)h" }
        if s >= 3600 { return "\(s / 3600)h \(s / 60 % 60)m" }
        return "\(s / 60)m \(s % 60)s"
    }
}
