import AccessLogs
import Foundation

/// A likely reason why the calibrated scenario differs from its log, with the evidence the
/// log shows for it. `LogSigns.detect` finds the first three in the tallies; the last,
/// opens that follow notifications, a log cannot show, so it is always the last said.
public struct CheckReason: Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        /// One device type's Pings ask for (or end at) several heartbeats.
        case heartbeatVaries
        /// Devices of different kinds under one DeviceType.
        case mixedDeviceKinds
        /// Many Pings end at one duration shorter than H.
        case firewallCut
        /// Opens prompted by notifications (the scenario has none).
        case opensAfterNotify
    }

    public var code: Code
    /// The device type the evidence is about; nil for the fleet.
    public var deviceType: String?
    public var evidence: String

    public init(code: Code, deviceType: String?, evidence: String) {
        self.code = code
        self.deviceType = deviceType
        self.evidence = evidence
    }

    /// What a log cannot tell, said whenever a figure is flagged.
    public static let opensAfterNotify = CheckReason(
        code: .opensAfterNotify, deviceType: nil,
        evidence: "the scenario has no opens prompted by notifications (userOpens.afterNotify.probability 0): a log cannot tell an open prompted by a notification from a spontaneous one. Such opens come right after a mail Ping, which changes the superseded share and the Syncs without changing μ")
}
