import AccessLogs
import XCTest

/// The sweep's edge cases: requests longer than its ring, starts later than its window,
/// gaps of days, zero-length requests, back-to-back requests.
final class ConcurrencySweepTests: XCTestCase {
    let t0: Int64 = 1_709_287_200_000_000      // 2024-03-01 10:00 UTC

    func record(_ startSeconds: Double, _ durationSeconds: Double, device: String = "D") -> AccessLogRecord {
        AccessLogRecord(start: t0 + Int64(startSeconds * 1e6), duration: Int64(durationSeconds * 1e6), command: .sync, status: 200,
                        user: "u", deviceID: device, deviceType: "iPhone")
    }

    func figures(_ records: [AccessLogRecord], _ format: LogFormat) throws -> LogFigures {
        let w = AccessLogWriter(format: format)
        let sorted = records.sorted { format.stampsEnd ? $0.end < $1.end : $0.start < $1.start }
        return try analyze([writeLines(w.header(start: t0) + sorted.map(w.line), to: temporaryFolder("sweep") + "/log")], format: format)
    }

    func testARequestLongerThanTheRingAndAGapOfDays() throws {
        // One request of 6 h (beyond the sweep's 4.7-hour ring) with short ones inside it,
        // then nothing for three days, then one more.
        var records = [record(0, 6 * 3600, device: "long")]
        for k in 0..<50 { records.append(record(Double(k) * 400 + 10, 100)) }
        records.append(record(3 * 86_400, 60))
        // Apache stamps starts, so the long request's end simply waits beyond the ring.
        let f = try figures(records, .apache)
        let truth = LogTruth(records)
        XCTAssertEqual(f.concurrency.max, 2)
        XCTAssertEqual(f.concurrency.mean ?? 0, truth.concurrencyMean, accuracy: 1e-9)
        XCTAssertEqual(f.concurrency.lateChanges, 0)
        XCTAssertEqual(f.spanSeconds, 3 * 86_400 + 60)
        // IIS stamps ends: the 6-hour request is logged 6 h after its start, later than the
        // sweep's 2-hour window, so its start is counted late (and said so); counts stay exact.
        let g = try figures(records, .iis)
        XCTAssertEqual(g.concurrency.lateChanges, 1)
        XCTAssertEqual(g.requests, records.count)
        XCTAssertEqual(g.spanSeconds, 3 * 86_400 + 60)
    }

    func testAStartFarBehindTheNewestStampIsCountedLate() throws {
        // IIS stamps ends: a 3-hour request is logged after an hour of short ones that began
        // later, so its start lies more than 2 h behind the newest stamp already read.
        var records: [AccessLogRecord] = []
        for k in 0..<40 { records.append(record(Double(k) * 300 + 7_200, 10)) }
        records.append(record(100, 3 * 3600 + 200))        // logged at its end, 3 h after its start
        let f = try figures(records, .iis)
        XCTAssertEqual(f.requests, 41)
        XCTAssertEqual(f.command(.sync)?.count, 41, "counts stay exact")
        XCTAssertGreaterThan(f.concurrency.lateChanges, 0, "the late start is reported")
        XCTAssertEqual(f.concurrency.max, 2)
    }

    func testZeroLengthAndBackToBackRequestsAreNotCountedTwice() throws {
        let records = [record(0, 10), record(10, 10), record(20, 0), record(20, 10)]
        let f = try figures(records, .apache)
        XCTAssertEqual(f.concurrency.max, 1)
        XCTAssertEqual(f.concurrency.mean ?? 0, 1, accuracy: 1e-12)
        XCTAssertEqual(f.concurrency.p99, 1)
    }
}
