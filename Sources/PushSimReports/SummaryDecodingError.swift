/// Why a `summary.json` could not be read back. The message names the key by its dotted path
/// from the top of the file, e.g. `populations.iphone.threads.p99`.
public struct SummaryDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Dotted path of the offending key (empty for the document itself).
    public var path: String
    /// What is wrong there.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "summary.json: \(message)" : "summary.json: \(path): \(message)"
    }
}
