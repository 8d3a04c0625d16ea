import AccessLogs
import Experiments
import PushSim

/// A probe that writes, as the server answers each request, the line its access log would
/// hold (`AccessLogWriter`'s, any format of `pushsim logs`), into a 1 MiB buffer flushed to
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
/// The hot state is the struct's own (no class fields on the per-line path).
public struct AccessLogProbe: SimulationProbe {
    let files: AccessLogFiles
    private let lineBytes: LineBytes
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    private let warmup: Int64
    private let isIIS: Bool
    private var userPrefix: [UnsafeBufferPointer<UInt8>] = []
    private var idPrefix: [UnsafeBufferPointer<UInt8>] = []
    private var maxLine = LineBytes.fixedBytes
    private(set) var lines = 0

    init(_ files: AccessLogFiles) {
        self.files = files
        lineBytes = LineBytes(format: files.writer.format)
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
        let names = files.serverBegins(index: index, name: name)
        userPrefix = names.user
        idPrefix = names.id
        maxLine = names.maxLine
    }

    /// Requests waiting for a thread: when they arrived (live ones only, removed when answered).
    private var queuedAt: [UInt64: Int64] = [:]

    public mutating func requestQueued(id: UInt64, at time: Int64) { queuedAt[id] = time }

    public mutating func requestAnswered(_ a: ServerAnswer) {
        // Arrival: when it queued, else when it started (`ServerAnswer.startedAt`).
        let arrivedAt = queuedAt.isEmpty ? a.startedAt : queuedAt.removeValue(forKey: a.id) ?? a.startedAt
        guard a.finishedAt >= warmup else { return }
        if used + maxLine > AccessLogFiles.bufferSize { flush() }
        let p = a.population
        let out = buffer + used
        let n = lineBytes.write(at: out, start: RunAccessLog.epoch + arrivedAt, duration: a.finishedAt - arrivedAt,
                                isPing: a.isPing, status: a.httpStatus, user: userPrefix[p], number: a.device,
                                deviceIDPrefix: idPrefix[p], deviceType: files.typeBytes[p],
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
    static let bufferSize = 1 << 20
    let writer: AccessLogWriter
    let folder: String
    let warmup: Int64
    /// Population names as the log spells them (`LogNames.safe`).
    let populations: [String]
    let servers: [String]
    /// The probe's line buffer (owned here).
    let buffer: UnsafeMutablePointer<UInt8>
    let typeBytes: [UnsafeBufferPointer<UInt8>]
    private var names: [UnsafeBufferPointer<UInt8>] = []
    private(set) var streams: [AtomicFileStream] = []
    private(set) var failure: FileWriteError? = nil

    init(scenario: Scenario, format: LogFormat, folder: String) {
        writer = AccessLogWriter(format: format)
        self.folder = folder
        warmup = scenario.warmup.microseconds
        populations = scenario.populations.map { LogNames.safe($0.name) }
        typeBytes = populations.map(Self.bytes)
        servers = scenario.servers.map(\.name)
        buffer = .allocate(capacity: Self.bufferSize)
    }

    deinit {
        for b in typeBytes + names { b.deallocate() }
        buffer.deallocate()
    }

    private static func bytes(_ s: String) -> UnsafeBufferPointer<UInt8> {
        let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, s.utf8.count))
        _ = b.initialize(from: s.utf8)
        return UnsafeBufferPointer(rebasing: b[0..<s.utf8.count])
    }

    /// The file of each server, in the scenario's order.
    static func fileNames(servers: [String]) -> [String] {
        servers.count == 1 ? ["access.log"] : servers.map { "access-\($0).log" }
    }

    /// Opens server `index`'s file and returns its devices' name prefixes by population, and
    /// the longest a line can be.
    func serverBegins(index: Int, name: String) -> (user: [UnsafeBufferPointer<UInt8>], id: [UnsafeBufferPointer<UInt8>], maxLine: Int) {
        let pool = servers.count > 1
        let server = LogNames.safe(name)
        let user = populations.map { Self.bytes(pool ? "\($0).\(server)." : "\($0).") }
        let id = populations.indices.map { Self.bytes("PS\(index)x\($0)x") }
        names += user + id
        let longest = (user + id + typeBytes).map(\.count).max() ?? 0
        if failure == nil {
            do {
                let stream = try AtomicFileStream(path: folder + "/" + Self.fileNames(servers: servers)[index])
                for line in writer.header(start: RunAccessLog.epoch + warmup) { stream.writeLine(line) }
                streams.append(stream)
            } catch {
                failure = error
            }
        }
        // Each name at most three times, each with a device number of up to 20 digits.
        return (user, id, LineBytes.fixedBytes + 3 * 3 * (longest + 20))
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
