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
        XCTAssertEqual(p.pointFolder(119), "points/p119")
    }

    func testPlanRoundTripsThroughSweepJSON() throws {
        let p = plan()
        XCTAssertEqual(try SweepPlan(jsonText: p.json.rendered()), p)
        XCTAssertThrowsError(try SweepPlan(jsonText: "{}"))
    }

    func testSweepCSVHasRowsMeansAndIntervals() {
        let p = SweepPlan(scenarioName: "s", scenarioIdentity: "", parameters: [
            SweepParameter(keyPath: "x", values: [.string("a,b"), .string("c")], labels: ["a,b", "c"]),
        ], replications: 2, seed: 1)
        let names = SweepCSV.metricNames
        let csv = SweepCSV.render(p) { item in (0..<names.count).map { Double(item * 10 + $0) } }
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + 2 * 4)
        XCTAssertTrue(lines[0].hasPrefix("point,replication,x,pings.total,"))
        XCTAssertTrue(lines[1].hasPrefix("0,0,\"a,b\",0,1,2,"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("0,1,\"a,b\",10,11,"))
        XCTAssertTrue(lines[3].hasPrefix("0,mean,\"a,b\",5,6,"))
        // Two values 10 apart: s = 7.071, t(1) = 12.706, half-width = 12.706 · 7.071 / √2 = 63.53.
        XCTAssertTrue(lines[4].hasPrefix("0,ci95,\"a,b\",63.5310237,"), lines[4])
        XCTAssertTrue(lines[5].hasPrefix("1,0,c,20,"))
    }
}
