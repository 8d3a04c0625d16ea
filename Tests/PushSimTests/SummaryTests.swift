import JSON5
import DiscreteEvent
import XCTest
@testable import PushSim

final class SummaryTests: XCTestCase {
    /// summary.json has the names of MODEL.md §6, overall and per population.
    func testSummaryJSONHasTheContractedNames() throws {
        var s = Scenario(name: "names", populations: [Population(name: "iphone", count: 20), Population(name: "android", count: 10)])
        s.duration = .hours(3)
        s.server.threads = 100
        let json = try Simulation.run(s).summary.jsonText
        for key in ["scenario", "seed", "replication", "devices", "simulatedSeconds", "pings", "total", "status2",
                    "status1", "conflict409", "status5", "lost", "rejected503", "reset", "share409", "httpStatus",
                    "threads", "capacity", "mean", "p50", "p95", "p99", "max", "fullFraction", "queue", "meanLength",
                    "maxLength", "waitP50", "waitP95", "waitP99", "pingDuration", "syncDuration", "pushLatency",
                    "byPush", "byUserOpen", "byFetch", "afterLostPing", "battery", "joulesPerDeviceDay",
                    "joulesPerDeviceDayP95", "percentPerDay", "radioActiveSecondsPerDay", "heartbeat", "meanSeconds",
                    "outbox", "created", "delivered", "duplicates", "conflicts", "permanentErrors", "resent",
                    "pendingAtEnd", "pendingAgeP95", "pendingAgeMax", "restarts", "engine", "events", "populations",
                    "\"iphone\"", "\"android\"", "\"200\""] {
            XCTAssertTrue(json.contains("\"\(key.trimmingCharacters(in: ["\""]))\""), "missing \(key)")
        }
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    func testPerPopulationFiguresAddUpToTheOverall() throws {
        var s = Scenario(name: "sum", populations: [Population(name: "a", count: 30), Population(name: "b", count: 20)])
        s.duration = .hours(6)
        s.server.threads = 200
        let summary = try Simulation.run(s).summary
        let a = summary.populations[0].figures, b = summary.populations[1].figures
        XCTAssertEqual(a.pings.total + b.pings.total, summary.overall.pings.total)
        XCTAssertEqual(a.pushLatency.delivered + b.pushLatency.delivered, summary.overall.pushLatency.delivered)
        XCTAssertEqual(a.threads.mean + b.threads.mean, summary.overall.threads.mean, accuracy: 1e-6)
        let joulesA = try XCTUnwrap(a.battery.joulesPerDeviceDay), joulesB = try XCTUnwrap(b.battery.joulesPerDeviceDay)
        XCTAssertEqual((joulesA * 30 + joulesB * 20) / 50, try XCTUnwrap(summary.overall.battery.joulesPerDeviceDay), accuracy: 1e-6)
    }

    func testInvalidScenariosAreRefusedWithEveryProblem() {
        var p = Population(name: "x", count: -1)
        p.mailPerDay = -3
        p.afterNotifyProbability = 1.5
        p.heartbeat = .adaptive(initial: .minutes(1), min: .minutes(10), max: .minutes(5), step: .minutes(1), onFailure: .stepDown)
        var s = Scenario(name: "bad", populations: [p, Population(name: "x", count: 1)])
        s.server.threads = 0
        s.warmup = .days(2)
        XCTAssertThrowsError(try Simulation.run(s)) { error in
            let problems = (error as? ScenarioError)?.problems.map(\.keyPath) ?? []
            for path in ["populations.x.count", "populations.x.mail.perDay", "populations.x.userOpens.afterNotify.probability",
                         "populations.x.heartbeat.adaptive.min", "populations.x", "server.threads", "warmup"] {
                XCTAssertTrue(problems.contains(path), "expected a problem at \(path), got \(problems)")
            }
        }
    }

    func testNumbersAreWrittenDeterministically() {
        XCTAssertEqual(JSONText.format(0.1 + 0.2), "0.3")
        XCTAssertEqual(JSONText.format(1234567.891011), "1234567.89")
        XCTAssertEqual(JSONText.format(3), "3")
        XCTAssertEqual(JSONText.format(-0.000012345678912), "-1.23456789e-05")
        XCTAssertEqual(JSONText.format(.nan), "null")
        XCTAssertEqual(JSONText.object([("a", .array([.int(1), .number(2.5)])), ("b", .string("x\"y"))]).rendered(pretty: false),
                       #"{"a":[1,2.5],"b":"x\"y"}"#)
    }

    func testPoolSplitIsProportionalAndComplete() {
        XCTAssertEqual(Simulation.apportion(10, shares: [1, 1, 1]), [4, 3, 3])
        XCTAssertEqual(Simulation.apportion(100, shares: [0.5, 0.25, 0.25]), [50, 25, 25])
        XCTAssertEqual(Simulation.apportion(7, shares: [2, 1]).reduce(0, +), 7)
    }
}
