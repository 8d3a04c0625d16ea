import AccessLogs
import Experiments
import PushSim

/// A probe that writes, as the server answers each request, the line its access log would
/// hold (`AccessLogWriter`'s, any format of `pushsim logs`), into a 256 KiB buffer handed to
/// the file as it fills: nothing of the run's requests is kept in memory. A pool's servers
/// (simulated one after the other by a probed run) each get their own file,
/// `access-<server>.log`; a single server's is `access.log`.
///
/// Only requests answered in the measured window (finished at or after `warmup`, the rule of
/// summary.json's counters) are written, so the log's counts equal the summary's.
///
/// Names are stable and readable: the device type is the population's name (characters
/// other than letters, digits, `.`, `-`, `_` replaced by `-`), the user `<population>.<k>`
/// (`<population>.<server>.<k>` in a pool, where each server numbers its devices from 0),
/// the device ID `PS<server>x<population>x<k>`.
///
/// The hot state is the struct's own (no class fields on the per-line path), and a line is
/// `LineBytes`'s precompiled program for the device's population and command.
public struct AccessLogProbe: SimulationProbe {
    let files: AccessLogFiles
    private var lineBytes: LineBytes
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    private let warmup: Int64
    private let isIIS: Bool
    private var maxLine: Int
    private(set) var lines = 0

    init(_ files: AccessLogFiles) {
        self.files = files
        lineBytes = LineBytes(format: files.writer.format, populations: [])
        maxLine = lineBytes.maxLine
        buffer = files.buffer
        warmup = files.warmup
        isIIS = files.writer.format == .iis
    }

    public mutating func willProcessEvent(at time: Int64) {}
    public mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64) {}
    public mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64) {}
    public mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64) {}
    public mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64) {}
    public mutating func mailArrived(device: Int, index: UInt32, at time: Int64) {}

    public mutating func serverBegins(index: Int, name: String) {
        flush()
        queuedAt = [:]
        lineBytes = files.serverBegins(index: index, name: name)
        maxLine = lineBytes.maxLine
    }

    /// Requests waiting for a thread: when they arrived (live ones only, removed when answered).
    private var queuedAt: [UInt64: Int64] = [:]

    public mutating func requestQueued(id: UInt64, at time: Int64) { queuedAt[id] = time }

    public mutating func requestAnswered(_ a: ServerAnswer) {
        // Arrival: when it queued, else when it started (`ServerAnswer.startedAt`).
        let arrivedAt = queuedAt.isEmpty ? a.startedAt : queuedAt.removeValue(forKey: a.id) ?? a.startedAt
        guard a.finishedAt >= warmup else { return }
        if used + maxLine > AccessLogFiles.bufferSize { flush() }
        let out = buffer + used
        let n = lineBytes.write(at: out, population: a.population, isPing: a.isPing, start: RunAccessLog.epoch + arrivedAt,
                                duration: a.finishedAt - arrivedAt, status: a.httpStatus, number: a.device,
                                heartbeatSeconds: isIIS && a.isPing ? Int((a.heartbeat + 500_000) / 1_000_000) : nil,
                                collision: isIIS && a.superseded)
        out[n] = 0x0A
        used += n + 1
        lines += 1
    }

    /// Hands the buffered lines to the current server's file.
    mutating func flush() {
        files.append(UnsafeRawBufferPointer(start: buffer, count: used))
        used = 0
    }
}

/// The files of one run's access log, and the names a line needs (see `AccessLogProbe`).
final class AccessLogFiles {
    /// 256 KiB: each full buffer goes straight to the file (`AtomicFileStream.write` passes
    /// pieces of 128 KiB or more without a copy), and one this size is still in the core's L2
    /// cache when the kernel copies it (with 4 MiB ones the system time was higher).
    static let bufferSize = 1 << 18
    let writer: AccessLogWriter
    let folder: String
    let warmup: Int64
    /// Population names as the log spells them (`LogNames.safe`).
    let populations: [String]
    let servers: [String]
    /// The probe's line buffer (owned here).
    let buffer: UnsafeMutablePointer<UInt8>
    private(set) var streams: [AtomicFileStream] = []
    private(set) var failure: FileWriteError? = nil

    init(scenario: Scenario, format: LogFormat, folder: String) {
        writer = AccessLogWriter(format: format)
        self.folder = folder
        warmup = scenario.warmup.microseconds
        populations = scenario.populations.map { LogNames.safe($0.name) }
        servers = scenario.servers.map(\.name)
        buffer = .allocate(capacity: Self.bufferSize)
    }

    deinit {
        buffer.deallocate()
    }

    /// The file of each server, in the scenario's order.
    static func fileNames(servers: [String]) -> [String] {
        servers.count == 1 ? ["access.log"] : servers.map { "access-\($0).log" }
    }

    /// Opens server `index`'s file and returns the line writer of its devices.
    func serverBegins(index: Int, name: String) -> LineBytes {
        let pool = servers.count > 1
        let server = LogNames.safe(name)
        let names = populations.enumerated().map { k, population in
            LineNames(user: pool ? "\(population).\(server)." : "\(population).", deviceID: "PS\(index)x\(k)x", deviceType: population)
        }
        if failure == nil {
            do {
                let stream = try AtomicFileStream(path: folder + "/" + Self.fileNames(servers: servers)[index])
                for line in writer.header(start: RunAccessLog.epoch + warmup) { stream.writeLine(line) }
                streams.append(stream)
            } catch {
                failure = error
            }
        }
        return LineBytes(format: writer.format, populations: names)
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let stream = streams.last else { return }
        stream.write(bytes)
    }

    /// Publishes every file, or none: the first failure removes them all.
    func commit() throws(FileWriteError) {
        if let failure {
            abandon()
            throw failure
        }
        do {
            for s in streams { try s.commit() }
        } catch {
            abandon()
            throw error
        }
    }

    func abandon() {
        for s in streams { s.abandon() }
    }
}

/// Names as the synthetic logs spell them.
enum LogNames {
    /// `name` with every character but ASCII letters, digits, `.`, `-` and `_` replaced by `-`,
    /// so that no format needs escapes ("iphone", "android-work"); its first 64 characters.
    static func safe(_ name: String) -> String {
        let mapped = name.unicodeScalars.prefix(64).map { s -> Character in
            switch s {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "_": return Character(s)
            default: return "-"
            }
        }
        return mapped.isEmpty ? "-" : String(mapped)
    }
}
