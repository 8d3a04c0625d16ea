/// Which way the model runs: the plain rules with every timer a real event
/// (`ReferencePath`), or the same rules with the shortcuts that make it fast (`FastPath`).
///
/// The shortcuts never change what happens, only how many events it takes:
/// - `lazyCompletions`: a Sync that starts while nothing waits for a thread is completed
///   from `LazyCompletions` instead of by a `syncDone` event.
/// - `earlyResponses`: a response whose device has nothing due before it arrives is handled
///   when it is sent, stamped with its arrival time (`responseCanArriveNow`).
/// - `timeoutsWhenNeeded`: a device's timeout event is scheduled only when the response may
///   miss its deadline (lost, dropped, queued, slow), not for every request.
/// - `skippedHeartbeats`: a waiting Ping's heartbeat event is left out when the device's
///   next mail is due first, since that mail ends the Ping.
///
/// The path is a type parameter of the run (like its `SimulationProbe`), so the fast path
/// pays nothing for the switch: each flag is a constant the optimiser folds. The
/// differential tests run both paths on random scenarios and require the same summary.
protocol ModelPath {
    static var lazyCompletions: Bool { get }
    static var earlyResponses: Bool { get }
    static var timeoutsWhenNeeded: Bool { get }
    static var skippedHeartbeats: Bool { get }
}

/// The plain rules: every timer is an event.
enum ReferencePath: ModelPath {
    @inline(__always) static var lazyCompletions: Bool { false }
    @inline(__always) static var earlyResponses: Bool { false }
    @inline(__always) static var timeoutsWhenNeeded: Bool { false }
    @inline(__always) static var skippedHeartbeats: Bool { false }
}

/// The rules with their shortcuts (the default).
enum FastPath: ModelPath {
    @inline(__always) static var lazyCompletions: Bool { true }
    @inline(__always) static var earlyResponses: Bool { true }
    @inline(__always) static var timeoutsWhenNeeded: Bool { true }
    @inline(__always) static var skippedHeartbeats: Bool { true }
}
