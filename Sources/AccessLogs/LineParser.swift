/// A parser of one log format: turns a line (without its line end) into a request, or says
/// why it is not one. Parsers keep state across lines (IIS's `#Fields:` header) and own the
/// scratch space their slices may point into, so one parser serves one file.
///
/// Cost: one pass over the line's bytes, no allocation, no `String`.
public protocol LineParser: AnyObject {
    func parse(_ line: UnsafeRawBufferPointer, into r: inout ParsedRequest) -> LineOutcome
}

/// The log formats `pushsim logs` reads.
public enum LogFormat: String, CaseIterable, Sendable {
    case iis, apache, nginx, domino, zpush

    /// µs per unit of the duration the format logs.
    public var defaultMicrosPerDurationUnit: Int64 {
        switch self {
        case .iis, .domino: return 1_000          // ms
        case .apache: return 1                     // µs
        case .nginx, .zpush: return 1_000_000      // s
        }
    }

    /// Whether the line's time stamp is the request's end (else its start).
    public var stampsEnd: Bool {
        switch self {
        case .iis, .nginx, .zpush: return true
        case .apache, .domino: return false
        }
    }

    /// A fresh parser for one file; `microsPerUnit` overrides the duration unit.
    public func parser(microsPerUnit: Int64? = nil) -> any LineParser {
        let unit = microsPerUnit ?? defaultMicrosPerDurationUnit
        switch self {
        case .iis: return IISParser(microsPerUnit: unit)
        case .apache, .nginx, .domino: return CombinedLayoutParser(microsPerUnit: unit, stampIsEnd: stampsEnd)
        case .zpush: return ZPushParser(microsPerUnit: unit)
        }
    }

    /// Parses one line of text (for tests and round trips): the request as a record, or the
    /// reason it is none. `parser` carries state between lines (IIS headers).
    public static func record(_ line: String, parser: any LineParser) -> Result<AccessLogRecord, SkipError> {
        var bytes = Array(line.utf8)
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        var r = ParsedRequest()
        return bytes.withUnsafeBytes { b in
            switch parser.parse(b, into: &r) {
            case .request: return .success(r.record)
            case .skipped(let reason): return .failure(SkipError(reason: reason))
            }
        }
    }
}

/// A line that is not a request, as an error (for `LogFormat.record`).
public struct SkipError: Error, Equatable {
    public var reason: SkipReason
    public init(reason: SkipReason) { self.reason = reason }
}
