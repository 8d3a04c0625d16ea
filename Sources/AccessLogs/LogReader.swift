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
        try withoutActuallyEscaping(body) { (escapable) throws(ReadError) -> ReadSummary in
            var sink = ClosureSink(body: escapable)
            return try read(into: &sink, progress: progress)
        }
    }

    /// Reads every request in time order into `sink` (the fast path: no closure, no boxing).
    public func read<Sink: RequestSink & ~Copyable>(into sink: inout Sink, progress: ((Int) -> Void)? = nil) throws(ReadError) -> ReadSummary {
        var tally = Tally(format: format, formatReason: formatReason, examples: options.examples)
        var sources = readers.map { Source(reader: $0, parser: format.parser(microsPerUnit: options.microsPerUnit)) }
        let window = (from: options.from ?? .min, to: options.to ?? .max)
        for k in sources.indices { sources[k].live = try sources[k].advance(&tally, window, progress) }
        if sources.count == 1 {
            while sources[0].live {
                sink.add(sources[0].head)
                sources[0].live = try sources[0].advance(&tally, window, progress)
            }
        } else {
            while true {
                var best = -1
                for k in sources.indices where sources[k].live && (best < 0 || sources[k].head.logTime < sources[best].head.logTime) { best = k }
                if best < 0 { break }
                sink.add(sources[best].head)
                sources[best].live = try sources[best].advance(&tally, window, progress)
            }
        }
        return tally.summary()
    }

    /// Lines and skipped lines counted while reading.
    struct Tally {
        var summary_: ReadSummary
        var skipped = [Int](repeating: 0, count: SkipReason.allCases.count)
        var lines = 0
        let exampleLimit: Int

        init(format: LogFormat, formatReason: String, examples: Int) {
            summary_ = ReadSummary(format: format, formatReason: formatReason)
            exampleLimit = examples
        }

        mutating func skip(_ reason: SkipReason, file: String, line: Int) {
            skipped[reason.rawValue] += 1
            if reason != .directive && reason != .outsideTimeWindow && summary_.examples.count < exampleLimit {
                summary_.examples.append(.init(file: file, line: line, reason: reason.text))
            }
        }

        func summary() -> ReadSummary {
            var s = summary_
            s.lines = lines
            s.skipped = skipped.reduce(0, +)
            s.skippedByReason = SkipReason.allCases.filter { skipped[$0.rawValue] > 0 }.map { ($0, skipped[$0.rawValue]) }
            return s
        }
    }

    /// One file: its reader, its parser and its next request.
    struct Source {
        let reader: LineReader
        let parser: any LineParser
        var head = ParsedRequest()
        var live = true

        /// Reads up to the next request in the time window; false at the file's end.
        mutating func advance(_ tally: inout Tally, _ window: (from: Int64, to: Int64), _ progress: ((Int) -> Void)?) throws(ReadError) -> Bool {
            while true {
                let line: UnsafeRawBufferPointer?
                do { line = try reader.next() } catch { throw ReadError(description: error.description) }
                guard let line else { return false }
                tally.lines += 1
                if tally.lines & 0xFFFFF == 0 { progress?(tally.lines) }
                switch parser.parse(line, into: &head) {
                case .request:
                    if head.start < window.from || head.start >= window.to {
                        tally.skip(.outsideTimeWindow, file: reader.name, line: reader.lineNumber)
                        continue
                    }
                    return true
                case .skipped(let reason):
                    let why = line.isEmpty && reason != .directive ? .emptyLine : reader.lastLineTerminated ? reason : .truncatedLastLine
                    tally.skip(why, file: reader.name, line: reader.lineNumber)
                }
            }
        }
    }
}

/// Where `LogReader` hands each request.
public protocol RequestSink: ~Copyable {
    mutating func add(_ r: ParsedRequest)
}

struct ClosureSink: RequestSink {
    let body: (ParsedRequest) -> Void
    func add(_ r: ParsedRequest) { body(r) }
}
