import Foundation

/// A file's lines, read in large chunks into one reusable buffer: `next` hands out each line
/// (without its LF or CRLF) as a slice of the buffer, valid until the next call. A `.gz` file
/// is read through the system's `gzip -dc`; `-` is standard input. Memory: the buffer (4 MB,
/// growing only for a longer line).
public final class LineReader {
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var process: Process?
    private var errorPipe: Pipe?
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// Line number of the last line handed out (1-based).
    public private(set) var lineNumber = 0
    /// Whether the last line handed out ended with a line end (false: a truncated last line).
    public private(set) var lastLineTerminated = true

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens `path` (`-` for standard input, `.gz` through `gzip -dc`, found on
    /// `gzipSearchPath`, by default `$PATH`).
    public init(path: String, bufferSize: Int = 4 << 20, gzipSearchPath: String? = nil) throws(OpenError) {
        name = path
        capacity = bufferSize
        buffer = .allocate(byteCount: capacity, alignment: 16)
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            buffer.deallocate()
            throw OpenError(description: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            buffer.deallocate()
            throw OpenError(description: "cannot read \(path): it is a folder, not a log file")
        }
        if path.hasSuffix(".gz") {
            guard let gzip = Self.findGzip(in: gzipSearchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") else {
                buffer.deallocate()
                throw OpenError(description: "cannot read \(path): reading .gz files needs the system's gzip, and none was found on PATH (install the gzip package, or decompress the file first)")
            }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: gzip)
            p.arguments = ["-dc", "--", path]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            do { try p.run() } catch {
                buffer.deallocate()
                throw OpenError(description: "cannot read \(path): could not start \(gzip): \(error)")
            }
            process = p
            errorPipe = err
            fd = dup(out.fileHandleForReading.fileDescriptor)
            ownsDescriptor = true
            try? out.fileHandleForReading.close()
            return
        }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            buffer.deallocate()
            throw OpenError(description: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        fd = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(fd) }
        if let p = process, p.isRunning { p.terminate(); p.waitUntilExit() }
        buffer.deallocate()
    }

    /// The first executable `gzip` in the folders of `searchPath` (colon-separated).
    static func findGzip(in searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":") {
            let candidate = "\(folder)/gzip"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Reads more into the buffer; false at the end of input.
    private func fill() throws(OpenError) -> Bool {
        if atEOF { return false }
        if start > 0 {
            memmove(buffer, buffer + start, end - start)
            end -= start
            start = 0
        }
        if end == capacity {
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
            bigger.copyMemory(from: buffer, byteCount: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        while true {
            let n = read(fd, buffer + end, capacity - end)
            if n > 0 { end += n; return true }
            if n == 0 { break }
            if errno == EINTR { continue }
            throw OpenError(description: "cannot read \(name): \(String(cString: strerror(errno)))")
        }
        atEOF = true
        try checkGzip()
        return false
    }

    private func checkGzip() throws(OpenError) {
        guard let p = process else { return }
        p.waitUntilExit()
        process = nil
        if p.terminationStatus != 0 {
            let message = (errorPipe.flatMap { String(data: $0.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) } ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw OpenError(description: "cannot read \(name): gzip -dc failed (status \(p.terminationStatus))\(message.isEmpty ? "" : ": " + message)")
        }
    }

    /// The next line (without LF/CRLF), or nil at the end.
    @inline(__always)
    public func next() throws(OpenError) -> UnsafeRawBufferPointer? {
        var searchFrom = start
        while true {
            if let hit = memchr(buffer + searchFrom, 0x0A, end - searchFrom) {
                let nl = buffer.distance(to: hit)
                var lineEnd = nl
                if lineEnd > start && buffer.load(fromByteOffset: lineEnd - 1, as: UInt8.self) == 0x0D { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(start: buffer + start, count: lineEnd - start)
                start = nl + 1
                lineNumber += 1
                lastLineTerminated = true
                return line
            }
            let scanned = end - start
            if try !fill() {
                guard start < end else { return nil }
                var lineEnd = end
                if buffer.load(fromByteOffset: lineEnd - 1, as: UInt8.self) == 0x0D { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(start: buffer + start, count: lineEnd - start)
                start = end
                lineNumber += 1
                lastLineTerminated = false
                return line
            }
            searchFrom = start + scanned
        }
    }

    /// Up to `count` first lines, copied, without consuming them (for format detection;
    /// works on standard input too, since they stay in the buffer).
    public func peek(_ count: Int) throws(OpenError) -> [[UInt8]] {
        while true {
            var lines: [[UInt8]] = []
            var i = start
            while lines.count < count, let hit = memchr(buffer + i, 0x0A, end - i) {
                let nl = buffer.distance(to: hit)
                var e = nl
                if e > i && buffer.load(fromByteOffset: e - 1, as: UInt8.self) == 0x0D { e -= 1 }
                lines.append(Array(UnsafeRawBufferPointer(start: buffer + i, count: e - i)))
                i = nl + 1
            }
            if lines.count >= count || end - start >= 1 << 20 || atEOF {
                if lines.count < count && i < end && atEOF {
                    lines.append(Array(UnsafeRawBufferPointer(start: buffer + i, count: end - i)))
                }
                return lines
            }
            if try !fill() { continue }
        }
    }
}
