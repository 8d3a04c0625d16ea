/// Replaces user names and device IDs by stable hashes for `--anonymize`: the same name
/// gives the same token in every run and every file ("user-3f2a9c01d4e7"), so rows can still
/// be joined across outputs, but the name is not shown. A 64-bit FNV-1a of the UTF-8 bytes,
/// 48 bits shown: not a secret (a short name can be found by trying names), just not on view.
public struct Anonymizer: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func user(_ name: String) -> String { enabled && !name.isEmpty ? "user-" + Self.hash(name) : name }
    public func device(_ id: String) -> String { enabled && !id.isEmpty ? "device-" + Self.hash(id) : id }

    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s.utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        let text = String(h >> 16, radix: 16)
        return String(repeating: "0", count: 12 - text.count) + text
    }
}
