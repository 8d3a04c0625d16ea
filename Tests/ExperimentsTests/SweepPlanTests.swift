import JSON5
import XCTest
@testable import Experiments

final class SweepPlanTests: XCTestCase {
    func plan(_ replications: Int = 3) -> SweepPlan {
        SweepPlan(scenarioName: "s", scenarioIdentity: "id", parameters: [
            SweepParameter(keyPath: "a", values: [.string("5m"), .string("10m")], labels: ["5m", "10m"]),
            SweepParameter(keyPath: "b", values: [.number(JSON5Number(integer: 1)), .number(JSON5Number(integer: 2)), .number(JSON5Number(integer: 3))], labels: ["1", "2", "3"]),
        ], replications: replications, seed: 9)
    }

    func testGridIsEnumeratedWithTheFirstParameterSlowest() {
        let p = plan()
        XCTAssertEqual(p.pointCount, 6)
        XCTAssertEqual(p.itemCount, 18)
        XCTAssertEqual((0..<6).map { p.labels(ofPoint: $0) },
                       [["5m", "1"], ["5m", "2"], ["5m", "3"], ["10m", "1"], ["10m", "2"], ["10m", "3"]])
        XCTAssertTrue(p.item(7) == (2, 1))
        XCTAssertEqual(p.summaryPath(7), "points/p2/r1/summary.json")
    }

    func testShardsPartitionTheItems() {
        let p = plan()
        for n in 1...7 {
            let slices = (1...n).map { p.items(inShard: Shard(index: $0, count: n)) }
            XCTAssertEqual(slices.flatMap { $0 }.sorted(), Array(0..<18), "\(n) shards")
            XCTAssertEqual(Set(slices.flatMap { $0 }).count, 18)
        }
        XCTAssertNil(Shard("0/2"))
        XCTAssertNil(Shard("3/2"))
        XCTAssertNil(Shard("2"))
        XCTAssertEqual(Shard("2/5"), Shard(index: 2, count: 5))
    }

    func testPointFoldersArePaddedForOrder() {
        var p = plan()
        p.parameters[1] = SweepParameter(keyPath: "b", values: Array(repeating: .null, count: 60), labels: Array(repeating: "x", count: 60))
        XCTAssertEqual(p.pointFolder(7), "points/p007")
        XCTAssertEqual(p.pointFolder(0), "points/p000")
        // Twelve points: p00 … p11, which sort in point order.
        var twelve = plan()
        twelve.parameters = [SweepParameter(keyPath: "a", values: Array(repeating: .null, count: 12), labels: Array(repeating: "x", count: 12))]
        let folders = (0..<12).map(twelve.pointFolder)
        XCTAssertEqual(folders.first, "points/p00")
        XCTAssertEqual(folders.last, "points/p11")
        XCTAssertEqual(folders.sorted(), folders)
        XCTAssertEqual(p.pointFolder(119), "points/p119")
    }

    func testPlanRoundTripsThroughSweepJSON() throws {
        let p = plan()
        XCTAssertEqual(try SweepPlan(jsonText: p.json.rendered()), p)
        XCTAssertThrowsError(try SweepPlan(jsonText: "{}"))
    }

    func testSweepCSVHasOneRowPerRunAndTheSummaryMeansAndIntervals() throws {
        let p = SweepPlan(scenarioName: "s", scenarioIdentity: "", parameters: [
            SweepParameter(keyPath: "x", values: [.string("a,b"), .string("c")], labels: ["a,b", "c"]),
            SweepParameter(keyPath: "h", values: [.string("15m"), .string("1h30m")], labels: ["15m", "1h30m"]),
        ], replications: 2, seed: 1)
        let names = SweepCSV.metricNames
        let values: (Int) -> [Double] = { item in (0..<names.count).map { Double(item * 10 + $0) } }
        let lines = SweepCSV.render(p, scalars: values).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + 4 * 2)
        XCTAssertTrue(lines[0].hasPrefix("point,replication,x,x.label,h,h.label,pings.total,"), lines[0])
        // Text parameters stay text; durations are seconds, with the text as written beside.
        XCTAssertTrue(lines[1].hasPrefix("0,0,\"a,b\",\"a,b\",900,15m,0,1,2,"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("0,1,\"a,b\",\"a,b\",900,15m,10,11,"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("1,0,\"a,b\",\"a,b\",5400,1h30m,20,"), lines[3])
        XCTAssertTrue(lines[7].hasPrefix("3,0,c,c,5400,1h30m,60,"), lines[7])

        let summary = SweepCSV.renderSummary(p, scalars: values).split(separator: "\n").map(String.init)
        XCTAssertEqual(summary.count, 1 + 4)
        XCTAssertTrue(summary[0].hasPrefix("point,replications,x,x.label,h,h.label,pings.total.mean,pings.total.ci95,pings.status2.mean,"), summary[0])
        // Two values 10 apart: s = 7.071, t(1) = 12.706, half-width = 12.706 · 7.071 / √2 = 63.53.
        XCTAssertTrue(summary[1].hasPrefix("0,2,\"a,b\",\"a,b\",900,15m,5,63.5310237,6,63.5310237,"), summary[1])

        // One replication: no interval to estimate, so an empty cell rather than a fake 0.
        let single = SweepPlan(scenarioName: "s", scenarioIdentity: "", parameters: [
            SweepParameter(keyPath: "n", values: [.number(.init(integer: 40)), .number(.init(double: 2.5))], labels: ["40", "2.5"]),
        ], replications: 1, seed: 1)
        let one = SweepCSV.renderSummary(single, scalars: values).split(separator: "\n").map(String.init)
        XCTAssertTrue(one[1].hasPrefix("0,1,40,40,0,,1,,"), one[1])
        XCTAssertTrue(one[2].hasPrefix("1,1,2.5,2.5,10,,"), one[2])
    }

    func testReplicationTables() {
        let rows: [[Double]] = [[1, 2], [3, 4]]
        XCTAssertEqual(SweepCSV.renderReplications(rows).split(separator: "\n")[1], "0,1,2")
        XCTAssertTrue(SweepCSV.renderReplicationSummary(rows).hasPrefix("replications,pings.total.mean,pings.total.ci95,"))
        XCTAssertTrue(SweepCSV.renderReplicationSummary(rows).split(separator: "\n")[1].hasPrefix("2,2,12.706"))
    }
}
