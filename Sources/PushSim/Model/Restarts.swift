/// What happened in one graceful restart (MODEL.md §3.5).
struct RestartRecord {
    var at: Int64
    var drainMicros: Int64 = 0
    var waitedFor = 0
    var reset = 0
    var refused = 0
}

/// Graceful restarts. Filled in by the restarts issue.
extension ServerRun {
    mutating func restartPhase(at t: Int64) {}
}

extension ServerRun {
    func restartFigures(server: String) -> [RestartFigures] { [] }
}
