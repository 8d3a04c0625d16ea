import DiscreteEvent

/// A phone radio's power state machine (MODEL.md §3.6): a transfer from IDLE pays a
/// promotion, every transfer restarts the tail timers, and a gap longer than the tail
/// returns the radio to IDLE. Powers are above the radio's idle floor.
public struct RadioModel: Hashable, Sendable {
    public var name: String
    public var promotionSeconds: Double
    public var promotionWatts: Double
    /// Power while transferring: base + per-Mbps terms for the direction's throughput.
    public var activeWatts: Double
    public var wattsPerMbpsUp: Double
    public var wattsPerMbpsDown: Double
    /// Up to two tail phases after the last transfer (LTE has one, 3G has DCH then FACH).
    public var tail1Seconds: Double
    public var tail1Watts: Double
    public var tail2Seconds: Double = 0
    public var tail2Watts: Double = 0

    /// LTE [Huang et al., MobiSys 2012; AT&T ARO `lte.conf`].
    public static let lte = RadioModel(name: "lte", promotionSeconds: 0.260, promotionWatts: 1.210,
                                       activeWatts: 1.288, wattsPerMbpsUp: 0.43839, wattsPerMbpsDown: 0.05197,
                                       tail1Seconds: 11.576, tail1Watts: 1.060)
    /// 3G UMTS [Qian et al., IMC 2010; ARO defaults]. FACH→DCH promotion is not modelled:
    /// a transfer in the FACH tail continues at DCH power.
    public static let umts3G = RadioModel(name: "3g", promotionSeconds: 2.0, promotionWatts: 0.53,
                                          activeWatts: 0.70, wattsPerMbpsUp: 0, wattsPerMbpsDown: 0,
                                          tail1Seconds: 5, tail1Watts: 0.70, tail2Seconds: 12, tail2Watts: 0.35)
    /// Wi-Fi [ARO `WiFi.conf`].
    public static let wifi = RadioModel(name: "wifi", promotionSeconds: 0, promotionWatts: 0,
                                        activeWatts: 0.403, wattsPerMbpsUp: 0, wattsPerMbpsDown: 0,
                                        tail1Seconds: 0.25, tail1Watts: 0.403)

    /// The built-in models by name.
    public static let builtIn: [String: RadioModel] = ["lte": .lte, "3g": .umts3G, "wifi": .wifi]

    /// Tail length in seconds.
    public var tailSeconds: Double { tail1Seconds + tail2Seconds }

    /// Energy of a full tail, in joules.
    public var tailJoules: Double { tail1Seconds * tail1Watts + tail2Seconds * tail2Watts }

    /// Joules of one isolated heartbeat: a promotion, a Ping response received, the next
    /// Ping sent, and a full tail (MODEL.md §3.6: ≈ 12.59 J on LTE, ≈ 8.76 J on 3G).
    public func isolatedHeartbeatJoules(_ traffic: TrafficSizes = TrafficSizes()) -> Double {
        promotionSeconds * promotionWatts
            + transferSeconds(bytes: traffic.pingResponseBytes, mbps: traffic.downlinkMbps)
                * (activeWatts + wattsPerMbpsDown * traffic.downlinkMbps)
            + transferSeconds(bytes: traffic.pingRequestBytes, mbps: traffic.uplinkMbps)
                * (activeWatts + wattsPerMbpsUp * traffic.uplinkMbps)
            + tailJoules
    }

    func transferSeconds(bytes: Int, mbps: Double) -> Double { Double(bytes) * 8 / (mbps * 1e6) }
}
