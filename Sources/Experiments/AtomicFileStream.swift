import Foundation

/// A file written in pieces but published whole or not at all, like `AtomicFile`: bytes go
/// through a 1 MiB buffer to a temporary file in the target's folder, which `commit()`
/// renames over the target; `abandon()` (or a stream never committed) removes it. For outputs
/// too large to hold in memory (a run's access log).
///
/// Not thread-safe: one writer. The first failure is kept, later writes are dropped, and
/// `commit()` throws it (a full disk is reported once, at the end, as "cannot write PATH: …").
public final class AtomicFileStream {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private let storage: UnsafeMutablePointer<UInt8>
    private var used = 0
    private var failure: Int32? = nil
    private var finished = false
    private static let capacity = 1 << 20
    private static let counter = SerialCounter()

    /// Creates the temporary file (and missing folders); throws when it cannot be created.
    public init(path: String) throws(FileWriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try AtomicFile.makeFolder(folder, for: path)
        temporary = folder + "/.\(url.lastPathComponent).\(getpid()).s\(Self.counter.next()).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        storage = .allocate(capacity: Self.capacity)
        guard descriptor >= 0 else {
            storage.deallocate()
            throw FileWriteError(path: path, errno: errno)
        }
    }

    deinit {
        abandon()
        storage.deallocate()
    }

    /// Appends `text` and a line end.
    public func writeLine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty {
                if used == Self.capacity { flush() }
                let n = min(rest.count, Self.capacity - used)
                (storage + used).update(from: rest.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
                used += n
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            }
        }
        write(maxBytes: 1) { p in p.pointee = 0x0A; return 1 }
    }

    /// Lets `body` write at most `maxBytes` (≤ 1 MiB) at the pointer it is given; it returns
    /// how many it wrote. The fast path: no String, no copy, no allocation per line.
    @inline(__always)
    public func write(maxBytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if used + maxBytes > Self.capacity { flush() }
        used += body(storage + used)
    }

    /// Appends `bytes`; a large piece (a caller's own full buffer, 128 KiB or more) goes
    /// straight to the file, without a copy.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if used + bytes.count <= Self.capacity && bytes.count < Self.capacity / 8 {
            (storage + used).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            used += bytes.count
            return
        }
        flush()
        writeAll(base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    private func flush() {
        defer { used = 0 }
        writeAll(storage, used)
    }

    private func writeAll(_ start: UnsafePointer<UInt8>, _ count: Int) {
        guard failure == nil, count > 0 else { return }
        var written = 0
        while written < count {
            let n = Foundation.write(descriptor, start + written, count - written)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            written += n
        }
    }

    /// Writes what is buffered, closes and renames the file over `path`.
    public func commit() throws(FileWriteError) {
        guard !finished else { return }
        flush()
        finished = true
        let closed = close(descriptor) == 0 ? nil : errno
        descriptor = -1
        try AtomicFile.commit(temporary, to: path, failure: failure ?? closed)
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
    }
}
