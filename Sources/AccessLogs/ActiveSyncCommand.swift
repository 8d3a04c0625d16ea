/// An ActiveSync command, by its MS-ASHTTP §2.2.1.1.1.1.2 command code (the code a
/// base64-encoded query carries in its byte 1), plus two codes of our own for requests that
/// name none: `options` (the HTTP OPTIONS a client sends first) and `other`.
///
/// A value type of one byte, so that per-command figures are arrays indexed by `code`
/// rather than dictionaries.
public struct ActiveSyncCommand: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: UInt8

    @inlinable public init(code: UInt8) { self.code = code }

    public static let sync = ActiveSyncCommand(code: 0)
    public static let sendMail = ActiveSyncCommand(code: 1)
    public static let smartForward = ActiveSyncCommand(code: 2)
    public static let smartReply = ActiveSyncCommand(code: 3)
    public static let getAttachment = ActiveSyncCommand(code: 4)
    public static let folderSync = ActiveSyncCommand(code: 9)
    public static let settings = ActiveSyncCommand(code: 17)
    public static let ping = ActiveSyncCommand(code: 18)
    public static let itemOperations = ActiveSyncCommand(code: 19)
    public static let provision = ActiveSyncCommand(code: 20)
    /// HTTP OPTIONS (no command).
    public static let options = ActiveSyncCommand(code: 30)
    /// A request whose command is missing or not one of MS-ASHTTP's.
    public static let other = ActiveSyncCommand(code: 31)

    /// Number of distinct codes (the size of per-command arrays).
    public static let codeCount = 32

    /// The protocol's names by code (MS-ASHTTP §2.2.1.1.1.1.2); "" where a code is unused.
    static let names: [String] = {
        var n = Array(repeating: "", count: codeCount)
        let known: [(Int, String)] = [
            (0, "Sync"), (1, "SendMail"), (2, "SmartForward"), (3, "SmartReply"), (4, "GetAttachment"),
            (9, "FolderSync"), (10, "FolderCreate"), (11, "FolderDelete"), (12, "FolderUpdate"),
            (13, "MoveItems"), (14, "GetItemEstimate"), (15, "MeetingResponse"), (16, "Search"),
            (17, "Settings"), (18, "Ping"), (19, "ItemOperations"), (20, "Provision"),
            (21, "ResolveRecipients"), (22, "ValidateCert"), (30, "Options"), (31, "Other"),
        ]
        for (code, name) in known { n[code] = name }
        return n
    }()

    /// The name as a query's `Cmd=` spells it ("Ping"); "Other" for an unknown code.
    public var name: String {
        let n = Int(code) < Self.names.count ? Self.names[Int(code)] : ""
        return n.isEmpty ? "Other" : n
    }
    public var description: String { name }

    /// Every command that has a name, in code order (the order of reports).
    public static let all: [ActiveSyncCommand] = (0..<codeCount).filter { !names[$0].isEmpty }.map { ActiveSyncCommand(code: UInt8($0)) }

    /// The command a base64 query's code byte names, `other` for an unused code.
    public init(base64Code byte: UInt8) {
        self = Int(byte) < 23 && !Self.names[Int(byte)].isEmpty ? ActiveSyncCommand(code: byte) : .other
    }

    /// The command named `name` (ASCII, case-insensitive), `other` when it is none.
    public init(name: String) {
        var bytes = Array(name.utf8)
        self = bytes.withUnsafeMutableBytes { ActiveSyncCommand(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Name bytes per length, for matching `Cmd=` values without making a String.
    static let byLength: [[(UInt8, [UInt8])]] = {
        var table = Array(repeating: [(UInt8, [UInt8])](), count: 20)
        for (code, name) in names.enumerated() where !name.isEmpty && code < 30 {
            table[name.utf8.count].append((UInt8(code), Array(name.utf8)))
        }
        return table
    }()

    /// The command named by `bytes` (ASCII, case-insensitive); `other` when none matches.
    /// At most a few comparisons: candidates are picked by length first.
    @inlinable
    public init(bytes: UnsafeRawBufferPointer) {
        self = Self.lookup(bytes)
    }

    @usableFromInline
    static func lookup(_ bytes: UnsafeRawBufferPointer) -> ActiveSyncCommand {
        let n = bytes.count
        guard n > 0 && n < byLength.count else { return .other }
        for (code, name) in byLength[n] {
            var equal = true
            for i in 0..<n where bytes[i] | 0x20 != name[i] | 0x20 {
                equal = false
                break
            }
            if equal { return ActiveSyncCommand(code: code) }
        }
        return .other
    }

    public static func < (a: ActiveSyncCommand, b: ActiveSyncCommand) -> Bool { a.code < b.code }
}
