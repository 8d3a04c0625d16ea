import JSON5
import PushSim

/// `timeseries.csv` (MODEL.md §6): one header line, then one row per server per sample
/// interval, servers one after another in the order given. Numbers are written like
/// summary.json's (`JSONText.format`), so the file is byte-for-byte reproducible; the real
/// columns (`time_s`, `threads_mean`, `queue_mean`) always with a decimal point
/// (`CSVField.real`), so that every column has one type in every file.
///
/// A server with no rows leaves no trace in the file, so it does not come back from `parse`.
public enum TimeseriesCSV {
    /// The header, in column order.
    public static let columns = [
        "server", "time_s", "threads_mean", "threads_max", "queue_mean", "queue_max", "status2", "status1",
        "conflict409", "status5", "lost", "rejected503", "reset", "syncs", "server_up",
    ]

    /// Why a `timeseries.csv` could not be read; `line` counts from 1 (the header).
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { "timeseries.csv:\(line): \(message)" }
    }

    /// The file text, ending with a newline.
    public static func render(_ series: [ServerTimeseries]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for s in series {
            let server = CSVField.quoted(s.server)
            for r in s.rows {
                let fields = [
                    server, CSVField.real(r.time), CSVField.real(r.threadsMean), String(r.threadsMax),
                    CSVField.real(r.queueMean), String(r.queueMax), String(r.status2), String(r.status1),
                    String(r.conflict409), String(r.status5), String(r.lost), String(r.rejected503), String(r.reset),
                    String(r.syncs), r.serverUp ? "1" : "0",
                ]
                out += fields.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// Reads what `render` writes (LF or CRLF line ends); rows are grouped by server in the
    /// order servers first appear.
    public static func parse(_ text: String) throws(ParseError) -> [ServerTimeseries] {
        let records = try CSVField.records(text)
        guard let header = records.first else { throw ParseError(line: 1, message: "empty file (expected the header line)") }
        let names = header.fields
        guard names == columns else {
            let i = names.indices.first { $0 >= columns.count || names[$0] != columns[$0] } ?? names.count
            let found = i < names.count ? "\"\(names[i])\"" : "the end of the line"
            let expected = i < columns.count ? "\"\(columns[i])\"" : "the end of the line"
            throw ParseError(line: 1, message: "header column \(i + 1) should be \(expected), found \(found)")
        }
        var order: [String] = []
        var rows: [String: [TimeseriesRow]] = [:]
        let blank = TimeseriesRow()
        for record in records.dropFirst() {
            let number = record.line
            let fields = record.fields
            guard fields.count == columns.count else {
                throw ParseError(line: number, message: "expected \(columns.count) fields, found \(fields.count)")
            }
            func double(_ i: Int) throws(ParseError) -> Double {
                if fields[i] == "null" { return .nan }
                guard let v = Double(fields[i]) else { throw ParseError(line: number, message: "\(columns[i]) \"\(fields[i])\" is not a number") }
                return v
            }
            func int(_ i: Int) throws(ParseError) -> Int {
                guard let v = Int(fields[i]) else { throw ParseError(line: number, message: "\(columns[i]) \"\(fields[i])\" is not an integer") }
                return v
            }
            var r = blank
            r.time = try double(1)
            r.threadsMean = try double(2)
            r.threadsMax = try int(3)
            r.queueMean = try double(4)
            r.queueMax = try int(5)
            r.status2 = try int(6)
            r.status1 = try int(7)
            r.conflict409 = try int(8)
            r.status5 = try int(9)
            r.lost = try int(10)
            r.rejected503 = try int(11)
            r.reset = try int(12)
            r.syncs = try int(13)
            switch fields[14] {
            case "1": r.serverUp = true
            case "0": r.serverUp = false
            default: throw ParseError(line: number, message: "server_up \"\(fields[14])\" should be 1 or 0")
            }
            let server = fields[0]
            if rows[server] == nil { order.append(server) }
            rows[server, default: []].append(r)
        }
        return order.map { ServerTimeseries(server: $0, rows: rows[$0] ?? []) }
    }
}

/// RFC 4180 fields: quoted only when they hold a comma, quote or line break.
public enum CSVField {
    /// A real number that reads as one in every file: `JSONText.format`, with `.0` added
    /// to a whole number (`60.0`, `2.5`, `null`), so that a column read by pandas or R is
    /// a float column whether or not this run's values happen to be whole.
    public static func real(_ x: Double) -> String {
        let text = JSONText.format(x)
        return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "n" }) ? text : text + ".0"
    }

    ///
    /// Works on Unicode scalars, not `Character`s: "\r\n" is a single `Character` (equal
    /// to neither "\r" nor "\n"), and so is a quote followed by a combining mark; both must
    /// still be seen.
    public static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    /// The records of a whole file, each with the line it starts on. Line ends are LF or
    /// CRLF; a quoted field may span lines. A final line end is optional.
    static func records(_ text: String) throws(TimeseriesCSV.ParseError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)[...]
        if chars.last == "\n" { chars = chars.dropLast() }
        if chars.last == "\r" { chars = chars.dropLast() }
        if chars.isEmpty { return [] }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < chars.endIndex && chars[i] == "\"" {
                        current.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    current.unicodeScalars.append(c)
                }
            } else if c == "," {
                fields.append(current)
                current = ""
            } else if c == "\"" && current.isEmpty {
                inQuotes = true
            } else if c == "\n" || (c == "\r" && i < chars.endIndex && chars[i] == "\n") {
                if c == "\r" { i += 1 }
                fields.append(current)
                records.append((recordLine, fields))
                fields = []
                current = ""
                line += 1
                recordLine = line
            } else {
                current.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw TimeseriesCSV.ParseError(line: recordLine, message: "unterminated quoted field") }
        fields.append(current)
        records.append((recordLine, fields))
        return records
    }
}
