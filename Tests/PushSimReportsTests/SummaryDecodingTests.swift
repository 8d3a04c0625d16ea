@testable import PushSim
@testable import PushSimReports
import XCTest

final class SummaryDecodingTests: XCTestCase {
    func assertRoundTrip(_ s: Summary, file: StaticString = #filePath, line: UInt = #line) {
        let text = s.jsonText
        do {
            let back = try Summary(jsonText: text)
            XCTAssertEqual(back.jsonText, text, file: file, line: line)
            XCTAssertEqual(back.scenario, s.scenario, file: file, line: line)
            XCTAssertEqual(back.populations.map(\.name), s.populations.map(\.name), file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func testRealRunsRoundTripByteForByte() {
        for run in [Runs.single, Runs.mixed, Runs.pool, Runs.starved, Runs.lossy, Runs.fetch] {
            assertRoundTrip(run.summary)
        }
    }

    func testPoolKeepsItsServersBlock() throws {
        let s = Runs.pool.summary
        XCTAssertEqual(s.servers.count, 2)
        let back = try Summary(jsonText: s.jsonText)
        XCTAssertEqual(back.servers.map(\.name), ["a", "b"])
        XCTAssertEqual(back.servers.map(\.devices), s.servers.map(\.devices))
        XCTAssertEqual(back.servers[1].figures.threads.capacity, s.servers[1].figures.threads.capacity)
        XCTAssertEqual(back.servers[1].figures.threads.max, s.servers[1].figures.threads.max)
        // summary.json keeps 9 significant digits.
        XCTAssertEqual(back.servers[1].figures.threads.mean, s.servers[1].figures.threads.mean, accuracy: 1e-8 * s.servers[1].figures.threads.mean)
        XCTAssertTrue(try Summary(jsonText: Runs.single.summary.jsonText).servers.isEmpty)
    }

    func testDecodedValuesMatchTheOriginalToNineDigits() throws {
        let s = Runs.mixed.summary
        let back = try Summary(jsonText: s.jsonText)
        XCTAssertEqual(back.overall.pings.total, s.overall.pings.total)
        XCTAssertEqual(back.overall.pings.lost, s.overall.pings.lost)
        XCTAssertEqual(try XCTUnwrap(back.overall.pings.share409), try XCTUnwrap(s.overall.pings.share409), accuracy: 1e-9)
        XCTAssertEqual(back.overall.pushLatency.bins.map(\.count), s.overall.pushLatency.bins.map(\.count))
        for (a, b) in zip(back.overall.pushLatency.bins, s.overall.pushLatency.bins) {
            XCTAssertEqual(a.low, b.low, accuracy: 1e-8 * b.high)
            XCTAssertEqual(a.high, b.high, accuracy: 1e-8 * b.high)
        }
        XCTAssertFalse(back.overall.pushLatency.bins.isEmpty)
        XCTAssertEqual(back.populations[1].figures.heartbeat.final, s.populations[1].figures.heartbeat.final)
        XCTAssertGreaterThan(back.populations[1].figures.heartbeat.final.count, 1, "adaptive heartbeats end at several values")
        XCTAssertTrue(back.overall.httpStatus.elementsEqual(s.overall.httpStatus, by: ==))
        XCTAssertEqual(back.seed, s.seed)
        XCTAssertEqual(back.events, s.events)
    }

    func testHandMadeSummaryWithRestartsHugeSeedAndNonFiniteNumbers() throws {
        var f = Figures()
        f.threads.capacity = 40
        f.threads.mean = .nan
        f.pushLatency.bins = [HistogramBin(low: 0, high: 0.125, count: 3), HistogramBin(low: 0.125, high: 0.25, count: 0)]
        f.heartbeat.final = [480: 3, 0.5: 1, 1_680: 2]
        f.httpStatus = [(200, 5), (409, 2), (503, 0), (500, 1)]
        var s = Made.summary(overall: f, populations: [NamedFigures(name: "a.b \"c\"", devices: 6, figures: f)],
                             servers: [NamedFigures(name: "x", devices: 6, figures: f), NamedFigures(name: "y", devices: 0, figures: Figures())],
                             restarts: [Made.restart(server: "x", at: 7_200, drainSeconds: 600, waitedFor: 12, reset: 3, refused: 45, pushLatencyP95After: 31.5),
                                        Made.restart(server: "", at: 86_400.25, drainSeconds: 0.001, waitedFor: 0, reset: 0, refused: 0, pushLatencyP95After: 0)],
                             devices: 6, measured: 3_600)
        s.seed = .max
        s.scenario = "ünïcode\n\t\"quoted\""
        assertRoundTrip(s)
        let back = try Summary(jsonText: s.jsonText)
        XCTAssertEqual(back.seed, .max)
        XCTAssertEqual(back.restarts, s.restarts)
        XCTAssertTrue(back.overall.threads.mean.isNaN)
        XCTAssertEqual(back.overall.heartbeat.final, f.heartbeat.final)
    }

    func testEmptySummaryRoundTrips() {
        assertRoundTrip(Made.summary())
    }

    func testMissingKeyIsNamedByItsPath() {
        let text = Runs.mixed.summary.jsonText
        // Drop the p99 of the android population's threads block.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let android = lines.firstIndex { $0.contains("\"android\": {") }!
        let p99 = lines[android...].firstIndex { $0.contains("\"p99\"") && !$0.contains("pushLatency") }!
        lines.remove(at: p99)
        do {
            _ = try Summary(jsonText: lines.joined(separator: "\n"))
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.path, "populations.android.threads.p99")
            XCTAssertTrue(error.description.contains("missing key \"p99\""), error.description)
            XCTAssertTrue(error.description.hasPrefix("summary.json: populations.android.threads.p99"), error.description)
        }
    }

    func testWrongTypesAndSyntaxErrors() {
        func error(_ text: String) -> SummaryDecodingError? {
            do { _ = try Summary(jsonText: text); return nil } catch { return error }
        }
        let good = Runs.single.summary.jsonText
        let wrongType = good.replacingOccurrences(of: "\"devices\": 200,\n  \"simulatedSeconds\"", with: "\"devices\": \"200\",\n  \"simulatedSeconds\"")
        XCTAssertNotEqual(wrongType, good)
        XCTAssertEqual(error(wrongType)?.path, "devices")
        XCTAssertTrue(error(wrongType)?.message.contains("integer") ?? false)
        let fraction = good.replacingOccurrences(of: "\"replication\": 0", with: "\"replication\": 0.5")
        XCTAssertEqual(error(fraction)?.path, "replication")
        let syntax = error("{\"scenario\": ")
        XCTAssertEqual(syntax?.path, "")
        XCTAssertTrue(syntax?.description.contains("not valid JSON") ?? false)
        XCTAssertEqual(error("[]")?.message, "should be an object, found array")
        let noPopulations = good.replacingOccurrences(of: "\"populations\"", with: "\"people\"")
        XCTAssertEqual(error(noPopulations)?.path, "populations")
        let badBin = good.replacingOccurrences(of: "\"bins\": [", with: "\"bins\": [[1, 2],")
        XCTAssertEqual(error(badBin)?.path, "pushLatency.bins[0]")
    }

    func testJSON5AndExtraKeysAreAccepted() throws {
        // Files from a newer build may add keys; a person may add a comment.
        let text = "// edited\n" + Runs.single.summary.jsonText.replacingOccurrences(of: "\"seed\": 1,", with: "\"seed\": 1, \"futureKey\": [1, 2],")
        XCTAssertEqual(try Summary(jsonText: text).jsonText, Runs.single.summary.jsonText)
    }
}
