import PushSim

/// Figures the run report derives from a summary, in one place so that the findings, cards
/// and tables agree.
extension Summary {
    /// Threads over all servers. For a pool the overall thread figures describe a typical
    /// server (levels pooled over servers, capacity one server's), so they are compared
    /// with `overall.threads.capacity`; this total is only for the subtitle.
    var totalThreads: Int {
        servers.isEmpty ? overall.threads.capacity : servers.reduce(0) { $0 + $1.figures.threads.capacity }
    }

    /// The measured window in days (0 when there is none).
    var measuredDays: Double { max(measuredSeconds, 0) / 86_400 }

    /// The warmup that precedes the measured window.
    var warmupSeconds: Double { max(simulatedSeconds - measuredSeconds, 0) }

    /// `n` per device and measured day, or nil when there are no devices or no window.
    func perDeviceDay(_ n: Double, devices: Int? = nil) -> Double? {
        let d = Double(devices ?? self.devices)
        return d > 0 && measuredDays > 0 ? n / d / measuredDays : nil
    }
}
