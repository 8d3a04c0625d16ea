import Foundation

/// `pushsim bench logs`: writes a synthetic log of each format (Pings and Syncs of 10,000
/// devices, in time order, through `AccessLogWriter`) to a temporary file, then reads it back
/// through `LogReader` and `LogAnalysis` as `pushsim logs` does, and times the reading.
public struct LogBenchmark {
    public var lines: Int
    public var formats: [LogFormat]

    public struct Result: Sendable {
        public var format: LogFormat
        public var lines: Int
        public var bytes: Int
        /// Wall-clock seconds of the best read, and the CPU seconds this thread used in it
        /// (the same on a quiet machine; on a shared one, CPU time is the per-core figure).
        public var seconds: Double
        public var cpuSeconds: Double
        public var linesPerSecond: Double { Double(lines) / seconds }
        public var linesPerCPUSecond: Double { Double(lines) / cpuSeconds }
        public var megabytesPerSecond: Double { Double(bytes) / seconds / 1e6 }
    }

    public init(lines: Int = 2_000_000, formats: [LogFormat] = LogFormat.allCases) {
        self.lines = lines
        self.formats = formats
    }

    /// Writes the log of `format` to `path`; returns its size in bytes.
    public func writeLog(_ format: LogFormat, to path: String) throws -> Int {
        let writer = AccessLogWriter(format: format)
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? file.close() }
        var chunk = ""
        var bytes = 0
        let base: Int64 = 1_709_251_200_000_000           // 2024-03-01 00:00:00 UTC
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for line in writer.header(start: base) { chunk += line + "\n" }
        for i in 0..<lines {
            let device = Int(random() % 10_000)
            let isPing = i % 3 != 2
            let duration: Int64 = isPing ? Int64(random() % 900_000) * 1_000 : Int64(50 + random() % 400) * 1_000
            let stampSecond = base + Int64(i / 20) * 1_000_000     // 20 requests a second
            let start = format.stampsEnd ? stampSecond - duration : stampSecond
            let status = isPing ? (random() % 3 == 0 ? 409 : 200) : 200
            let r = AccessLogRecord(start: start, duration: duration, command: isPing ? .ping : .sync, status: status,
                                    user: "user\(device)", deviceID: "Appl\(device)X4U3NR", deviceType: "iPhone")
            chunk += writer.line(r)
            chunk += "\n"
            if chunk.utf8.count > 1 << 20 {
                bytes += chunk.utf8.count
                file.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        bytes += chunk.utf8.count
        file.write(Data(chunk.utf8))
        return bytes
    }

    /// CPU time of the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Reads the log at `path` as `pushsim logs` does; returns the wall-clock and CPU seconds.
    public static func read(_ path: String, format: LogFormat) throws -> (seconds: Double, cpuSeconds: Double, figures: LogFigures) {
        let cpu = threadCPUSeconds()
        let started = DispatchTime.now().uptimeNanoseconds
        let reader = try LogReader(paths: [path], options: .init(format: format))
        var analysis = LogAnalysis()
        let summary = try reader.read(into: &analysis)
        let figures = analysis.figures(summary)
        return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, threadCPUSeconds() - cpu, figures)
    }

    /// Each format: write, read once untimed, then the best of three timed reads (wall and
    /// CPU time each taken at its best).
    public func run() throws -> [Result] {
        var results: [Result] = []
        for format in formats {
            let path = NSTemporaryDirectory() + "pushsim-bench-\(getpid())-\(format.rawValue).log"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let bytes = try writeLog(format, to: path)
            _ = try Self.read(path, format: format)
            var best = (seconds: Double.infinity, cpu: Double.infinity)
            for _ in 0..<3 {
                let r = try Self.read(path, format: format)
                best = (min(best.seconds, r.seconds), min(best.cpu, r.cpuSeconds))
            }
            results.append(Result(format: format, lines: lines + writer(format).header(start: 0).count, bytes: bytes, seconds: best.seconds, cpuSeconds: best.cpu))
        }
        return results
    }

    private func writer(_ format: LogFormat) -> AccessLogWriter { AccessLogWriter(format: format) }
}
