import DiscreteEvent
import XCTest
@testable import PushSim

/// Pools of servers (MODEL.md §2): devices on different servers never interact.
final class PoolTests: XCTestCase {
    func server(_ name: String) -> ServerConfig {
        var s = ServerConfig(name: name)
        s.threads = 250
        s.queueLimit = 100
        return s
    }

    func pool() -> Scenario {
        var p = Population(name: "iphone", count: 600)
        p.firewallIdleTimeout = try! .choice([(.minutes(4), 0.3), (.minutes(60), 0.7)])
        var s = Scenario(name: "pool", populations: [p, Population(name: "android", count: 300)])
        s.populations[1].client = .dual
        s.duration = .hours(12)
        s.servers = [server("a"), server("b"), server("c")]
        return s
    }

    /// A pool of k identical servers: each server's figures are exactly those of a
    /// single-server run of that server with its share of the devices, same seed.
    func testEachServerOfAPoolIsASingleServerRun() throws {
        let summary = try Simulation.run(pool()).summary
        XCTAssertEqual(summary.servers.map(\.name), ["a", "b", "c"])
        for (i, name) in ["a", "b", "c"].enumerated() {
            var single = pool()
            single.servers = [server(name)]
            single.populations[0].count = 200
            single.populations[1].count = 100
            let alone = try Simulation.run(single).summary
            XCTAssertEqual(alone.overall, summary.servers[i].figures, "server \(name)")
            XCTAssertEqual(alone.devices, summary.servers[i].devices)
        }
    }

    /// Combined figures merge the servers exactly, whatever the number of threads used.
    func testCombinedFiguresAreTheMergeOfTheServers() throws {
        let sequential = try Simulation.run(pool(), jobs: 1).summary
        let parallel = try Simulation.run(pool(), jobs: 3).summary
        XCTAssertEqual(sequential.jsonText, parallel.jsonText)
        let total = sequential.servers.map(\.figures.pings.total).reduce(0, +)
        XCTAssertEqual(sequential.overall.pings.total, total)
        XCTAssertEqual(sequential.overall.pushLatency.delivered, sequential.servers.map(\.figures.pushLatency.delivered).reduce(0, +))
        XCTAssertEqual(sequential.populations.map(\.devices), [600, 300])
        XCTAssertEqual(sequential.servers.map(\.devices), [300, 300, 300])
    }

    /// A population may name its server instead of taking a share.
    func testPopulationsCanNameTheirServer() throws {
        var s = pool()
        s.populations[1].server = "c"
        let summary = try Simulation.run(s).summary
        XCTAssertEqual(summary.servers.map(\.devices), [200, 200, 500])
        XCTAssertEqual(summary.servers[0].figures.pings.total + summary.servers[1].figures.pings.total
                       + summary.servers[2].figures.pings.total, summary.overall.pings.total)
    }
}
