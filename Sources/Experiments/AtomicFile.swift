import Foundation

/// Files written whole or not at all: the text goes to a temporary file in the same
/// folder, which is then renamed over the target (a rename within one file system is
/// atomic). A run killed mid-write leaves at most a `.tmp` file, never a truncated result.
///
/// Failures are ``FileWriteError``s that read "cannot write PATH: Permission denied", so a
/// user never sees a Foundation error dump.
public enum AtomicFile {
    /// Writes `text` to `path`, creating missing folders.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        let temporary = try stage(text, for: path)
        try commit(temporary.path, to: path, failure: temporary.failure)
    }

    /// Writes a set of files whole or not at all: every text goes to its temporary file
    /// first (where a full disk or a permission shows), and only when all are written are
    /// they renamed over their targets, in order. A failure before the renames leaves every
    /// target as it was; a failed rename (rare within one folder) removes the files of the
    /// set already renamed, so that a folder never holds one run's summary beside another
    /// run's report.
    public static func writeAll(_ files: [(path: String, text: String)]) throws(FileWriteError) {
        var staged: [String] = []
        for file in files {
            do throws(FileWriteError) {
                let temporary = try stage(file.text, for: file.path)
                staged.append(temporary.path)
                if let code = temporary.failure { throw FileWriteError(path: file.path, errno: code) }
            } catch {
                for t in staged { unlink(t) }
                throw error
            }
        }
        for (k, file) in files.enumerated() where rename(staged[k], file.path) != 0 {
            let code = errno
            for t in staged[k...] { unlink(t) }
            for done in files[..<k] { unlink(done.path) }
            throw FileWriteError(path: file.path, errno: code)
        }
    }

    /// Writes `text` to a new temporary file beside `path` (creating missing folders) and
    /// closes it; `failure` is the errno of a failed write or close (the file then exists).
    static func stage(_ text: String, for path: String) throws(FileWriteError) -> (path: String, failure: Int32?) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try makeFolder(folder, for: path)
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(nextSerial()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, errno: errno) }
        var bytes = Array(text.utf8)
        var written = 0
        let failure: Int32? = bytes.withUnsafeMutableBytes { buffer -> Int32? in
            while written < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        bytes = []
        let closed = close(descriptor) == 0 ? nil : errno
        return (temporary, failure ?? closed)
    }

    /// The last step of every atomic write: a written and closed `temporary` becomes `path`
    /// by rename; on a write or close `failure` (an errno), or a failed rename, the temporary
    /// file is removed and `path` is left as it was.
    static func commit(_ temporary: String, to path: String, failure: Int32?) throws(FileWriteError) {
        if let code = failure {
            unlink(temporary)
            throw FileWriteError(path: path, errno: code)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, errno: code)
        }
    }

    /// Checks, before long work, that files can be written into `folder` (creating it when
    /// missing): a folder under a regular file, without permission or on a read-only or full
    /// file system fails here, not after the work. Leaves the created folder, nothing else.
    public static func checkWritable(folder: String) throws(FileWriteError) {
        try makeFolder(folder, for: folder)
        let probe = folder + "/.pushsim-write-check.\(getpid()).\(nextSerial())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: folder, errno: errno) }
        // One byte, so that a full disk shows (creating an empty file may still succeed).
        let one: [UInt8] = [0x0A]
        let n = one.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress!, 1) }
        let code = n == 1 ? nil : Optional(errno)
        close(descriptor)
        unlink(probe)
        if let code { throw FileWriteError(path: folder, errno: code) }
    }

    /// `mkdir -p`, reporting the first component that fails against `path`.
    static func makeFolder(_ folder: String, for path: String) throws(FileWriteError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw FileWriteError(path: path, errno: ENOTDIR)
        }
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw FileWriteError(path: path, errno: errno)
            }
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) || !isFolder.boolValue {
                throw FileWriteError(path: path, errno: ENOTDIR)
            }
        }
    }

    /// The file's text, or nil when it does not exist or cannot be read.
    public static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    private static let counter = SerialCounter()
    private static func nextSerial() -> Int { counter.next() }
}

/// A file or folder that could not be written: "cannot write Results/x: Permission denied".
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// The operating system's reason (`strerror`).
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// A thread-safe counter, so that parallel writers never share a temporary name.
final class SerialCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
