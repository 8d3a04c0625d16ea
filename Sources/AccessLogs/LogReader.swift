/// Several log files read as one log, in time order: each file has its own reader and
/// parser, and a k-way merge hands out the request whose time stamp (the one each line
/// carries) is earliest among the files' next requests. Rotated files given out of order, and
/// a pool's servers whose logs overlap in time, come out interleaved by time; within one
/// file, lines keep their order (the figures tolerate the small disorder of real logs).
///
/// Memory: one buffer and one pending request per file; nothing else is kept.
public final class LogReader {
    public struct Options: Sendable {
        public var format: LogFormat?
        /// µs per duration unit (`--time-unit`), nil for the format's own.
        public var microsPerUnit: Int64?
        /// Only requests starting in [from, to) (µs since the epoch).
        public var from: Int64?
        public var to: Int64?
        /// How many skipped lines to keep as examples.
        public var examples = 10
        public init(format: LogFormat? = nil, microsPerUnit: Int64? = nil, from: Int64? = nil, to: Int64? = nil) {
            self.format = format
            self.microsPerUnit = microsPerUnit
            self.from = from
            self.to = to
        }
    }

    /// A log that cannot be read: the sentence to show (exit status 2).
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    private let readers: [LineReader]
    private let options: Options
    public let format: LogFormat
    public let formatReason: String

    /// Opens every file and settles the format (given, or detected from the first file with
    /// lines). Throws when a file cannot be opened or no format fits.
    public init(paths: [String], options: Options) throws(ReadError) {
        var readers: [LineReader] = []
        for p in paths {
            do { readers.append(try LineReader(path: p)) } catch { throw ReadError(description: error.description) }
        }
        self.readers = readers
        self.options = options
        if let f = options.format {
            format = f
            formatReason = "given by --format"
            return
        }
        var looked: [String] = []
        for r in readers {
            let lines: [[UInt8]]
            do { lines = try r.peek(FormatDetection.linesExamined) } catch { throw ReadError(description: error.description) }
            if lines.allSatisfy({ $0.isEmpty }) { continue }
            if let found = FormatDetection.detect(lines, file: r.name) {
                format = found.format
                formatReason = found.reason
                return
            }
            looked.append(r.name)
        }
        if looked.isEmpty {
            throw ReadError(description: "\(paths.count == 1 ? paths[0] + " is empty" : "every file is empty"): there is nothing to read")
        }
        throw ReadError(description: "\(looked[0]) is not an access log of a supported format: its first \(FormatDetection.linesExamined) lines hold no IIS #Fields: header, no Z-Push cmd='…' line and no combined-layout line ending in a duration (apache %D, nginx $request_time, domino ms). If it is one of iis, apache, nginx, domino or zpush, say so with --format")
    }

    /// Reads every request in time order into `body`; returns the counts of lines and
    /// skipped lines. `progress` is called every 2²⁰ lines with the lines read so far.
    public func read(_ body: (ParsedRequest) -> Void, progress: ((Int) -> Void)? = nil) throws(ReadError) -> ReadSummary {
        var summary = ReadSummary(format: format, formatReason: formatReason)
        var skippedCounts = [Int](repeating: 0, count: SkipReason.allCases.count)
        let parsers = readers.map { _ in format.parser(microsPerUnit: options.microsPerUnit) }
        var heads = [ParsedRequest](repeating: ParsedRequest(), count: readers.count)
        var live = [Bool](repeating: true, count: readers.count)
        var lines = 0
        let from = options.from ?? .min, to = options.to ?? .max
        let exampleLimit = options.examples

        func skip(_ reason: SkipReason, _ k: Int) {
            skippedCounts[reason.rawValue] += 1
            if reason != .directive && reason != .outsideTimeWindow && summary.examples.count < exampleLimit {
                summary.examples.append(.init(file: readers[k].name, line: readers[k].lineNumber, reason: reason.text))
            }
        }

        /// Reads source k up to its next request; false at its end.
        func advance(_ k: Int) throws(ReadError) -> Bool {
            let reader = readers[k], parser = parsers[k]
            while true {
                let line: UnsafeRawBufferPointer?
                do { line = try reader.next() } catch { throw ReadError(description: error.description) }
                guard let line else { return false }
                lines += 1
                if lines & 0xFFFFF == 0 { progress?(lines) }
                switch parser.parse(line, into: &heads[k]) {
                case .request:
                    if heads[k].start < from || heads[k].start >= to {
                        skip(.outsideTimeWindow, k)
                        continue
                    }
                    return true
                case .skipped(let reason):
                    if line.isEmpty && reason != .directive {
                        skip(.emptyLine, k)
                    } else {
                        skip(reader.lastLineTerminated ? reason : .truncatedLastLine, k)
                    }
                }
            }
        }

        for k in readers.indices { live[k] = try advance(k) }
        if readers.count == 1 {
            while live[0] {
                body(heads[0])
                live[0] = try advance(0)
            }
        } else {
            while true {
                var best = -1
                for k in readers.indices where live[k] && (best < 0 || heads[k].logTime < heads[best].logTime) { best = k }
                if best < 0 { break }
                body(heads[best])
                live[best] = try advance(best)
            }
        }
        summary.lines = lines
        summary.skipped = skippedCounts.reduce(0, +)
        summary.skippedByReason = SkipReason.allCases.filter { skippedCounts[$0.rawValue] > 0 }.map { ($0, skippedCounts[$0.rawValue]) }
        return summary
    }
}
