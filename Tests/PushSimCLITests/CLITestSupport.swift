import Foundation
import XCTest
@testable import PushSimCLI

/// Runs `pushsim` in-process and captures what it prints.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    var out: String { lock.lock(); defer { lock.unlock() }; return outText }
    var err: String { lock.lock(); defer { lock.unlock() }; return errText }
    var console: Console {
        Console(out: { [self] s in lock.lock(); outText += s; lock.unlock() },
                err: { [self] s in lock.lock(); errText += s; lock.unlock() },
                errIsTerminal: false)
    }
}

func pushsim(_ arguments: String...) -> (status: Int32, out: String, err: String) {
    let captured = Captured()
    let status = PushSimCommand.main(arguments, console: captured.console)
    return (status, captured.out, captured.err)
}

/// The repository root (for Scenarios/ and Results/).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// The `pushsim` executable built next to the test bundle.
let pushsimExecutable: String = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    if url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
    for candidate in [url.path + "/pushsim", url.deletingLastPathComponent().path + "/pushsim"]
    where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    return repositoryRoot + "/.build/debug/pushsim"
}()

/// Runs the real executable in another process.
func runProcess(_ arguments: [String], wait: Bool = true) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pushsimExecutable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    if wait { process.waitUntilExit() }
    return process
}

func temporaryFolder(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "pushsim-\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
}

/// A small sweep file for tests: 3 heartbeat values × 2 replications of 40 devices, 6 h.
func writeSmallSweepFile(in folder: String) -> String {
    let path = folder + "/small.json5"
    try? """
    // A small sweep for tests.
    {
      name: "small",
      seed: 3,
      duration: "6h",
      warmup: "30m",
      server: { threads: 100 },
      populations: [{ name: "iphone", count: 40, firewall: { idleTimeout: "12m" } }],
      sweep: { vary: { "populations.iphone.heartbeat.fixed": ["5m", "10m", "15m"] }, replications: 2 },
    }
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
