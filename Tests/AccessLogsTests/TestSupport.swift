import AccessLogs
import Foundation
import XCTest

/// A fresh temporary folder for one test.
func temporaryFolder(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "pushsim-logs-\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes `lines` to `path`, each with a line end unless `unterminatedLast`.
@discardableResult
func writeLines(_ lines: [String], to path: String, unterminatedLast: Bool = false, crlf: Bool = false) -> String {
    var text = lines.joined(separator: crlf ? "\r\n" : "\n")
    if !lines.isEmpty && !unterminatedLast { text += crlf ? "\r\n" : "\n" }
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
}

/// Reads `paths` as `pushsim logs` does.
func analyze(_ paths: [String], format: LogFormat? = nil, options: LogReader.Options? = nil) throws -> LogFigures {
    var o = options ?? LogReader.Options()
    if let format { o.format = format }
    let reader = try LogReader(paths: paths, options: o)
    var analysis = LogAnalysis()
    let summary = try reader.read(into: &analysis)
    return analysis.figures(summary)
}

extension LogFigures {
    func command(_ c: ActiveSyncCommand) -> CommandFigures? { commands.first { $0.command == c } }
    func statuses(_ c: ActiveSyncCommand) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: (command(c)?.byStatus ?? []).map { ($0.status, $0.count) })
    }
}

/// Parses one line with a fresh parser of `format` (after `header` lines, for IIS).
func parse(_ line: String, _ format: LogFormat, header: [String] = []) -> Result<AccessLogRecord, SkipError> {
    let parser = format.parser()
    for h in header { _ = LogFormat.record(h, parser: parser) }
    return LogFormat.record(line, parser: parser)
}

/// Checks every figure the generator knows against the figures read from its log.
func assertMatchesTruth(_ f: LogFigures, _ t: LogTruth, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(f.requests, t.requests, "requests", file: file, line: line)
    for (command, statuses) in t.byCommandStatus {
        XCTAssertEqual(f.statuses(command), statuses, "status counts of \(command)", file: file, line: line)
        let count = statuses.values.reduce(0, +)
        if let c = f.command(command) {
            XCTAssertEqual(c.count, count, file: file, line: line)
            XCTAssertEqual(c.duration.mean, Double(t.durationSum[command] ?? 0) / Double(count) / 1e6, accuracy: 1e-9, "mean duration of \(command)", file: file, line: line)
            XCTAssertEqual(c.duration.max, Double(t.durationMax[command] ?? 0) / 1e6, "max duration of \(command)", file: file, line: line)
        } else {
            XCTFail("no figures for \(command)", file: file, line: line)
        }
    }
    XCTAssertEqual(f.commands.count, t.byCommandStatus.count, "commands", file: file, line: line)
    XCTAssertEqual(f.pings.total, t.pings, file: file, line: line)
    XCTAssertEqual(f.pings.conflict409, t.conflict409, file: file, line: line)
    XCTAssertEqual(f.pings.superseded, t.superseded, file: file, line: line)
    XCTAssertEqual(f.pings.share409 ?? -1, Double(t.conflict409) / Double(t.pings), accuracy: 1e-12, file: file, line: line)
    XCTAssertEqual(f.devices.count, t.devices.count, "devices", file: file, line: line)
    XCTAssertEqual(f.users, t.users.count, "users", file: file, line: line)
    for d in f.devices {
        guard let truth = t.devices[d.user + "/" + d.deviceID] else { XCTFail("unknown device \(d.user)/\(d.deviceID)", file: file, line: line); continue }
        XCTAssertEqual(d.pings, truth.pings, file: file, line: line)
        XCTAssertEqual(d.conflict409, truth.conflict409, file: file, line: line)
        XCTAssertEqual(d.syncs, truth.syncs, file: file, line: line)
        XCTAssertEqual(d.requests, truth.requests, file: file, line: line)
    }
    XCTAssertEqual(f.spanStart, Double(t.spanStart) / 1e6, file: file, line: line)
    XCTAssertEqual(f.spanEnd, Double(t.spanEnd) / 1e6, file: file, line: line)
    XCTAssertEqual(f.concurrency.max, t.concurrencyMax, "concurrency max", file: file, line: line)
    XCTAssertEqual(f.concurrency.mean ?? -1, t.concurrencyMean, accuracy: 1e-9, "concurrency mean", file: file, line: line)
    XCTAssertEqual(f.concurrency.p99 ?? -1, Double(t.concurrencyP99), "concurrency p99", file: file, line: line)
    XCTAssertEqual(f.concurrency.lateChanges, 0, file: file, line: line)
    XCTAssertEqual(f.hourly.map(\.requests), t.hourRequests, "hourly requests", file: file, line: line)
    XCTAssertEqual(f.hourly.map(\.pings), t.hourPings, "hourly Pings", file: file, line: line)
    XCTAssertEqual(f.hourly.map(\.conflict409), t.hour409, "hourly 409s", file: file, line: line)
    XCTAssertEqual(f.hourly.map(\.observedSeconds), t.hourObserved.map { Double($0) / 1e3 }, "hourly observed time", file: file, line: line)
    XCTAssertEqual(f.hourly.map { $0.concurrencyMax ?? 0 }, t.hourMax, "hourly concurrency max", file: file, line: line)
    for h in 0..<24 where t.hourObserved[h] > 0 {
        XCTAssertEqual(f.hourly[h].concurrencyMean ?? -1, Double(t.hourLevelMillis[h]) / Double(t.hourObserved[h]), accuracy: 1e-9,
                       "hourly concurrency mean at \(h)", file: file, line: line)
    }
}
