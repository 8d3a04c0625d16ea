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

extension Figures {
    /// Requests refused with 503, Pings and Syncs together.
    var refused: Int { pings.rejected503 + syncs.rejected503 }

    /// Lost Pings as a share of the Pings that ended at the server. Lost is the devices'
    /// count and overlaps the server's outcomes, so this is "how often a device waited in
    /// vain", not a slice of the outcome mix.
    var lostShare: Double { ReportText.ratio(Double(pings.lost), Double(pings.total)) }

    /// Status 5 as a share of Pings.
    var status5Share: Double { ReportText.ratio(Double(pings.status5), Double(pings.total)) }
}
