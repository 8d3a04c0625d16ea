@testable import PushSim
import PushSimReports
import XCTest

final class TimeseriesCSVTests: XCTestCase {
    func testHeaderAndShape() {
        let text = TimeseriesCSV.render(Runs.single.timeseries)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(String(lines[0]), "server,time_s,threads_mean,threads_max,queue_mean,queue_max,status2,status1,conflict409,status5,lost,rejected503,reset,syncs,server_up")
        XCTAssertEqual(lines.count, 1 + Runs.single.timeseries[0].rows.count)
        XCTAssertTrue(text.hasSuffix("\n"))
        // Real columns always carry a decimal point, so they read as floats in every file.
        XCTAssertTrue(lines[1].hasPrefix("server,60.0,"), String(lines[1]))
        XCTAssertTrue(lines[1].hasSuffix(",1"))
    }

    func testRealRunsRoundTrip() throws {
        for run in [Runs.single, Runs.pool, Runs.starved, Runs.mixed] {
            let text = TimeseriesCSV.render(run.timeseries)
            let back = try TimeseriesCSV.parse(text)
            XCTAssertEqual(TimeseriesCSV.render(back), text)
            XCTAssertEqual(back.map(\.server), run.timeseries.map(\.server))
            for (a, b) in zip(back, run.timeseries) {
                XCTAssertEqual(a.rows.count, b.rows.count)
                for (r, s) in zip(a.rows, b.rows) {
                    XCTAssertEqual(r.time, s.time)
                    XCTAssertEqual(r.threadsMax, s.threadsMax)
                    XCTAssertEqual(r.threadsMean, s.threadsMean, accuracy: 1e-8 * max(1, s.threadsMean))
                    XCTAssertEqual([r.status2, r.status1, r.conflict409, r.status5, r.lost, r.rejected503, r.reset, r.syncs, r.queueMax],
                                   [s.status2, s.status1, s.conflict409, s.status5, s.lost, s.rejected503, s.reset, s.syncs, s.queueMax])
                    XCTAssertEqual(r.serverUp, s.serverUp)
                }
            }
        }
    }

    func testAwkwardServerNamesAndServerDown() throws {
        var row = Runs.single.timeseries[0].rows[0]
        row.serverUp = false
        row.threadsMean = 1.0 / 3
        let series = [ServerTimeseries(server: "a,\"b\"\nc", rows: [row, row]), ServerTimeseries(server: "plain", rows: [row]),
                      ServerTimeseries(server: "", rows: [row])]
        let text = TimeseriesCSV.render(series)
        let back = try TimeseriesCSV.parse(text)
        XCTAssertEqual(back.map(\.server), series.map(\.server))
        XCTAssertEqual(back.map(\.rows.count), [2, 1, 1])
        XCTAssertFalse(back[0].rows[0].serverUp)
        XCTAssertEqual(TimeseriesCSV.render(back), text)
        // CRLF line ends read the same.
        XCTAssertEqual(TimeseriesCSV.render(try TimeseriesCSV.parse(text.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "\"b\"\"\r\nc", with: "\"b\"\"\nc"))), text)
    }

    /// A name holding CRLF (one `Character` in Swift) or a quote with a combining mark is
    /// still quoted and escaped, and reads back unchanged.
    func testLineBreaksAndQuotesSeenAsScalars() throws {
        XCTAssertEqual(CSVField.quoted("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSVField.quoted("x\"\u{301}y"), "\"x\"\"\u{301}y\"")
        XCTAssertEqual(CSVField.quoted("plain é"), "plain é")
        var row = Runs.single.timeseries[0].rows[0]
        row.serverUp = true
        for name in ["a\r\nb", "x\"\u{301}y", "\r\n"] {
            let text = TimeseriesCSV.render([ServerTimeseries(server: name, rows: [row])])
            XCTAssertEqual(try TimeseriesCSV.parse(text).map(\.server).first?.unicodeScalars.map(\.value),
                           name.unicodeScalars.map(\.value), "round trip of \(name.debugDescription)")
        }
    }

    func testEmpty() throws {
        XCTAssertEqual(TimeseriesCSV.render([]), TimeseriesCSV.columns.joined(separator: ",") + "\n")
        XCTAssertTrue(try TimeseriesCSV.parse(TimeseriesCSV.render([])).isEmpty)
        XCTAssertThrowsError(try TimeseriesCSV.parse(""))
    }

    func testErrorsNameLineAndColumn() {
        func message(_ text: String) -> String {
            do { _ = try TimeseriesCSV.parse(text); return "" } catch { return error.description }
        }
        let good = TimeseriesCSV.render(Runs.single.timeseries)
        let header = TimeseriesCSV.columns.joined(separator: ",")
        XCTAssertEqual(message(good.replacingOccurrences(of: "threads_max", with: "threads_p99")),
                       "timeseries.csv:1: header column 4 should be \"threads_max\", found \"threads_p99\"")
        XCTAssertEqual(message(header + "\nserver,60,1\n"), "timeseries.csv:2: expected 15 fields, found 3")
        XCTAssertEqual(message(header + "\nserver,x,1,1,0,0,0,0,0,0,0,0,0,0,1\n"), "timeseries.csv:2: time_s \"x\" is not a number")
        XCTAssertEqual(message(header + "\nserver,60,1,1.5,0,0,0,0,0,0,0,0,0,0,1\n"), "timeseries.csv:2: threads_max \"1.5\" is not an integer")
        XCTAssertEqual(message(header + "\nserver,60,1,1,0,0,0,0,0,0,0,0,0,0,yes\n"), "timeseries.csv:2: server_up \"yes\" should be 1 or 0")
        XCTAssertEqual(message(header + "\n\"open,60\n"), "timeseries.csv:2: unterminated quoted field")
        XCTAssertEqual(message(header.replacingOccurrences(of: ",server_up", with: "")), "timeseries.csv:1: header column 15 should be \"server_up\", found the end of the line")
    }
}
