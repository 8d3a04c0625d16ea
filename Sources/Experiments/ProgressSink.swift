import PushSim

/// Where long work reports how far it has got. Called from worker threads, so the sink
/// must be safe to call concurrently; `Progress.silent` ignores everything.
public struct ProgressSink: Sendable {
    /// Items (runs) finished of the total, with the events and simulated seconds they took.
    public var itemFinished: @Sendable (_ done: Int, _ total: Int, _ events: Int, _ simulatedSeconds: Double) -> Void
    /// A run in progress (about every million events).
    public var running: @Sendable (RunProgress) -> Void

    public init(itemFinished: @escaping @Sendable (Int, Int, Int, Double) -> Void,
                running: @escaping @Sendable (RunProgress) -> Void) {
        self.itemFinished = itemFinished
        self.running = running
    }

    public static let silent = ProgressSink(itemFinished: { _, _, _, _ in }, running: { _ in })
}
