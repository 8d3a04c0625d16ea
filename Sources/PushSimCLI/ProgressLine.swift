import Experiments
import Foundation
import PushSim

/// One line of progress on stderr, redrawn in place at most five times a second: what is
/// done, simulated time, events per second and the time left. Silent unless stderr is a
/// terminal and --quiet is off, so logs and pipes stay clean.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let console: Console
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var events = 0
    private var simulated = 0.0
    private var drawn = false

    init(_ console: Console, quiet: Bool) {
        self.console = console
        enabled = console.errIsTerminal && !quiet
    }

    /// Progress for work measured in items (sweep points × replications, replications).
    var sink: ProgressSink {
        ProgressSink(itemFinished: { [self] done, total, events, simulated in
            self.item(done: done, total: total, events: events, simulated: simulated)
        }, running: { [self] p in self.running(p) })
    }

    private func item(done: Int, total: Int, events e: Int, simulated s: Double) {
        lock.lock()
        defer { lock.unlock() }
        events += e
        simulated += s
        let elapsed = Date().timeIntervalSince(started)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        draw("runs \(done)/\(total) · simulated \(Self.duration(simulated)) · \(Self.rate(Double(events) / max(elapsed, 1e-9))) events/s · ETA \(Self.clock(eta))",
             force: done == total)
    }

    private func running(_ p: RunProgress) {
        lock.lock()
        defer { lock.unlock() }
        let eta = p.fraction > 0 ? p.wallSeconds / p.fraction * (1 - p.fraction) : 0
        draw("\(Int(p.fraction * 100))% · simulated \(Self.duration(p.simulatedSeconds)) · \(Self.rate(Double(p.events) / max(p.wallSeconds, 1e-9))) events/s · ETA \(Self.clock(eta))",
             force: false)
    }

    private func draw(_ text: String, force: Bool) {
        guard enabled, force || Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        console.err("\r\u{1B}[2K" + text)
        drawn = true
    }

    /// Clears the line before the command prints its results.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { console.err("\r\u{1B}[2K") }
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
