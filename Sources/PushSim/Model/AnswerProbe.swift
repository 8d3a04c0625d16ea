/// What receives a run's answered requests through an `AnswerProbe`: the hooks an access
/// log needs (`SimulationProbe`'s of the same names).
public protocol AnswerSink: AnyObject {
    func serverBegins(index: Int, name: String)
    func requestQueued(id: UInt64, at time: Int64)
    func requestAnswered(_ answer: ServerAnswer)
}

/// A probe that hands the server's answers to a sink (`run --access-log`'s writer) and
/// ignores every other hook.
///
/// Why it exists: a run is generic over its probe, and a probe type defined in another module
/// can only run the model's unspecialized code (the model is not `@inlinable`), every field
/// and hook reached through metadata and witness tables: about 13 % more instructions on
/// `Scenarios/quickstart.json5`. This probe is concrete here, so `Simulation.run(_:answers:)`
/// runs a copy of the model specialized for it, as fast as with `NoProbe` but for one call
/// through the sink per answered (or queued) request.
public struct AnswerProbe: SimulationProbe {
    public let sink: any AnswerSink

    public init(_ sink: any AnswerSink) { self.sink = sink }

    @inlinable @inline(__always) public mutating func willProcessEvent(at time: Int64) {}
    @inlinable @inline(__always) public mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64) {}
    @inlinable @inline(__always) public mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64) {}
    @inlinable @inline(__always) public mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64) {}
    @inlinable @inline(__always) public mutating func mailArrived(device: Int, index: UInt32, at time: Int64) {}
    @inline(__always) public mutating func serverBegins(index: Int, name: String) { sink.serverBegins(index: index, name: name) }
    @inline(__always) public mutating func requestQueued(id: UInt64, at time: Int64) { sink.requestQueued(id: id, at: time) }
    @inline(__always) public mutating func requestAnswered(_ answer: ServerAnswer) { sink.requestAnswered(answer) }
}

extension Simulation {
    /// Runs `scenario` as `run(_:replication:reference:probe:progress:)` does with an
    /// `AnswerProbe` of `sink`: servers one after the other, each answer handed to the sink in
    /// the order the server finishes them. The fast path is specialized for it (see
    /// `AnswerProbe`); `reference` runs the plain rules, unspecialized as always.
    public static func run(_ scenario: Scenario, replication: Int = 0, reference: Bool = false, answers sink: any AnswerSink,
                           progress: (@Sendable (RunProgress) -> Void)? = nil) throws -> RunResult {
        var probe = AnswerProbe(sink)
        return try run(scenario, replication: replication, reference: reference, probe: &probe, progress: progress)
    }
}
