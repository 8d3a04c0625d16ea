import DiscreteEvent
import XCTest
@testable import PushSim

/// A population with nothing going on unless a test turns it on: no mail, no opens, no
/// outbox, no notify opens, no firewall, instant network and no loss.
func quietPopulation(_ name: String = "p", count: Int = 1) -> Population {
    var p = Population(name: name, count: count)
    p.mailPerDay = 0
    p.userOpensPerDay = 0
    p.afterNotifyProbability = 0
    p.outbox.perDay = 0
    p.firewallIdleTimeout = nil
    p.networkDelay = .constant(.zero)
    return p
}

/// A scenario with a flat profile, no warmup unless given, a roomy server and instant work.
func quietScenario(_ populations: [Population], days: Int64 = 1, warmup: SimTime = .zero) -> Scenario {
    var s = Scenario(name: "test", populations: populations)
    s.duration = .days(days)
    s.warmup = warmup
    s.server.threads = max(40, populations.reduce(0) { $0 + $1.count } * 3)
    s.server.queueLimit = 10_000
    s.server.pingWork = .constant(.zero)
    s.server.syncWork = .constant(.microseconds(1))
    return s
}

extension SimTime {
    static func microseconds(_ n: Int64) -> SimTime { SimTime(microseconds: n) }
}

/// Erlang B: probability that a Poisson arrival finds all `c` servers busy with no room
/// to wait, for offered load `a` Erlangs.
func erlangB(servers c: Int, load a: Double) -> Double {
    var b = 1.0
    for k in 1...c { b = a * b / (Double(k) + a * b) }
    return b
}

/// Erlang C: probability that a Poisson arrival must wait in an M/M/c queue.
func erlangC(servers c: Int, load a: Double) -> Double {
    let b = erlangB(servers: c, load: a)
    return Double(c) * b / (Double(c) - a * (1 - b))
}

/// A probe that checks the model's invariants as the run goes, and records what tests
/// need: every request ends exactly once, threads held never exceed the pool, mail is
/// delivered at most once and never before it arrived, time never runs backwards.
struct CheckingProbe: SimulationProbe {
    var now: Int64 = .min
    var timeWentBackwards = false
    var sent: [UInt64: Bool] = [:]            // id → ended
    var endedTwice = 0
    var endedWithoutSend = 0
    var maxHeld = 0
    var capacity = 0
    var heldAboveCapacity = false
    var mailArrivals: [Int: [UInt32: Int64]] = [:]
    var deliveredTwice = 0
    var deliveredBeforeArrival = 0
    var deliveredUnknown = 0
    var delivered = 0
    var recordMail = true
    var opens: [Int: [Int64]] = [:]
    var recordOpens = false
    var ends: [RequestEnd: Int] = [:]
    var deliveredIndices: [Int: Set<UInt32>] = [:]

    mutating func willProcessEvent(at time: Int64) {
        if time < now { timeWentBackwards = true }
        now = time
    }
    mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64) {
        sent[id] = false
    }
    mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64) {
        guard let ended = sent[id] else { endedWithoutSend += 1; return }
        if ended { endedTwice += 1 }
        sent[id] = true
        ends[end, default: 0] += 1
    }
    mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64) {
        self.capacity = capacity
        maxHeld = max(maxHeld, held)
        if held > capacity || held < 0 { heldAboveCapacity = true }
    }
    mutating func mailArrived(device: Int, index: UInt32, at time: Int64) {
        if recordMail { mailArrivals[device, default: [:]][index] = time }
    }
    mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64) {
        delivered += 1
        guard recordMail else { return }
        if !deliveredIndices[device, default: []].insert(index).inserted { deliveredTwice += 1 }
        guard let arrived = mailArrivals[device]?[index] else { deliveredUnknown += 1; return }
        if arrived != arrivedAt { deliveredUnknown += 1 }
        if time < arrived { deliveredBeforeArrival += 1 }
    }
    mutating func userOpened(device: Int, at time: Int64) {
        if recordOpens { opens[device, default: []].append(time) }
    }

    /// Requests sent whose end has not been seen (still in flight when the run ended).
    var unended: Int { sent.values.filter { !$0 }.count }

    func assertInvariants(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(timeWentBackwards, "simulated time ran backwards", file: file, line: line)
        XCTAssertEqual(endedTwice, 0, "requests that ended twice", file: file, line: line)
        XCTAssertEqual(endedWithoutSend, 0, "requests that ended without being sent", file: file, line: line)
        XCTAssertFalse(heldAboveCapacity, "threads held exceeded the pool (max \(maxHeld) of \(capacity))", file: file, line: line)
        XCTAssertEqual(deliveredTwice, 0, "mail delivered twice", file: file, line: line)
        XCTAssertEqual(deliveredBeforeArrival, 0, "mail delivered before it arrived", file: file, line: line)
        XCTAssertEqual(deliveredUnknown, 0, "mail delivered that never arrived, or with a wrong arrival time", file: file, line: line)
    }
}

/// Asserts `actual` is within `sigmas` standard errors of a binomial proportion `p` over `n`.
func assertShare(_ actual: Double, _ p: Double, n: Int, sigmas: Double = 5, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    let se = (p * (1 - p) / Double(max(n, 1))).squareRoot()
    XCTAssertEqual(actual, p, accuracy: sigmas * se + 1e-9, "\(message) (n = \(n))", file: file, line: line)
}

extension CheckingProbe {
    // Outbox deliveries are checked by `OutboxProbe`.
}

/// Records outbox deliveries: none may come before its item was created.
struct OutboxProbe: SimulationProbe {
    var deliveries = 0
    var duplicates = 0
    var early = 0
    mutating func willProcessEvent(at time: Int64) {}
    mutating func requestSent(id: UInt64, isPing: Bool, device: Int, at time: Int64) {}
    mutating func requestEnded(id: UInt64, end: RequestEnd, at time: Int64) {}
    mutating func threadsHeld(_ held: Int, capacity: Int, at time: Int64) {}
    mutating func mailDelivered(device: Int, index: UInt32, arrivedAt: Int64, at time: Int64) {}
    mutating func mailArrived(device: Int, index: UInt32, at time: Int64) {}
    mutating func outboxDelivered(device: Int, createdAt: Int64, copy: Int, at time: Int64) {
        deliveries += 1
        if copy > 1 { duplicates += 1 }
        if time < createdAt { early += 1 }
    }
}
