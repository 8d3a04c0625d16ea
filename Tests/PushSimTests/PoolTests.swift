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

    /// A pool of two unequal servers (threads, share, restarts): each server's block is a
    /// single-server run with the same seed, and the pool's totals are the sums — capacity,
    /// mean threads held, counts — while a sum's quantiles, which separate runs cannot give,
    /// are null.
    func testUnequalServersAddUp() throws {
        var big = server("big"), small = server("small")
        big.threads = 400
        big.share = 2
        small.threads = 60
        small.restarts = [Restart(at: .hours(6), drainTimeout: .minutes(5), downtime: .minutes(1))]
        var s = pool()
        s.servers = [big, small]
        let summary = try Simulation.run(s).summary
        let counts = Simulation.apportion(600, shares: [2, 1]), androids = Simulation.apportion(300, shares: [2, 1])
        var singles: [Summary] = []
        for (i, server) in [big, small].enumerated() {
            var single = pool()
            single.servers = [server]
            single.populations[0].count = counts[i]
            single.populations[1].count = androids[i]
            let alone = try Simulation.run(single).summary
            XCTAssertEqual(alone.overall, summary.servers[i].figures, "server \(server.name)")
            XCTAssertEqual(summary.servers[i].figures.threads.capacity, server.threads)
            XCTAssertEqual(summary.servers[i].restarts ?? [], alone.restarts)
            singles.append(alone)
        }
        let o = summary.overall
        XCTAssertEqual(o.threads.capacity, 460)
        XCTAssertEqual(o.threads.mean, singles.map(\.overall.threads.mean).reduce(0, +), accuracy: 1e-9)
        XCTAssertEqual(o.queue.meanLength, singles.map(\.overall.queue.meanLength).reduce(0, +), accuracy: 1e-9)
        XCTAssertNil(o.threads.p99)
        XCTAssertNil(o.threads.max)
        XCTAssertEqual(o.pings.total, singles.map(\.overall.pings.total).reduce(0, +))
        XCTAssertEqual(o.pings.conflict409, singles.map(\.overall.pings.conflict409).reduce(0, +))
        XCTAssertEqual(o.outbox.duplicates, singles.map(\.overall.outbox.duplicates).reduce(0, +))
        XCTAssertEqual(o.pushLatency.mailArrived, singles.map(\.overall.pushLatency.mailArrived).reduce(0, +))
        XCTAssertEqual(o.threads.fullFraction, singles.map(\.overall.threads.fullFraction).reduce(0, +) / 2, accuracy: 1e-12)
        // A population spread over both servers holds the sum of what it holds on each.
        for (k, population) in summary.populations.enumerated() {
            let parts = singles.map { $0.populations[k].figures.threads.mean }.reduce(0, +)
            XCTAssertEqual(population.figures.threads.mean, parts, accuracy: 1e-9, population.name)
            XCTAssertEqual(population.figures.threads.capacity, 460)
            XCTAssertNil(population.figures.threads.p95)
        }
        XCTAssertEqual(summary.restarts.map(\.server), ["small"])
        // Read back, the summary is the same bytes.
        XCTAssertEqual(summary.servers[1].restarts?.count, 1)
    }

    /// A population that names its server has that server's levels, exact quantiles included.
    func testAPopulationOnOneServerOfAPoolKeepsItsQuantiles() throws {
        var s = pool()
        s.populations[1].server = "c"
        let summary = try Simulation.run(s).summary
        let android = summary.populations[1].figures.threads
        XCTAssertNotNil(android.p99)
        XCTAssertEqual(android.capacity, 250)
        XCTAssertNil(summary.populations[0].figures.threads.p99)
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
