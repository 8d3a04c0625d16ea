import DiscreteEvent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PushSim
import XCTest

/// Real runs shared by the tests (each takes milliseconds; running them once keeps the suite fast).
enum Runs {
    static func run(_ build: (inout Scenario) -> Void, replication: Int = 0) -> RunResult {
        var s = Scenario(name: "test", populations: [Population(name: "iphone", count: 200)])
        s.duration = .hours(6)
        s.server.threads = 300
        build(&s)
        // The findings under test are about Pings, threads and the radio; outbox traffic
        // (its own tests are in PushSimTests) would only move the numbers they quote.
        for i in s.populations.indices { s.populations[i].outbox.perDay = 0 }
        do { return try Simulation.run(s, replication: replication) } catch { fatalError("scenario does not run: \(error)") }
    }

    /// 200 iPhones, 300 threads, 6 h: a 409 share near 0.24, no loss, never full.
    static let single = run { _ in }

    /// iPhones and dual-connection Androids with an adaptive heartbeat behind a 20-minute firewall.
    static let mixed = run { s in
        s.name = "mixed \"fleet\" <test> & co"
        s.populations.append(Population(name: "android", count: 60))
        s.populations[1].client = .dual
        s.populations[1].heartbeat = .adaptive(initial: .seconds(480), min: .seconds(480), max: .seconds(1_680),
                                               step: .seconds(300), onFailure: .stepDown)
        for i in s.populations.indices { s.populations[i].firewallIdleTimeout = .constant(.minutes(20)) }
        s.server.heartbeatMax = .minutes(30)
        s.profile = .office
    }

    /// A pool of two servers.
    static let pool = run { s in
        s.name = "pool"
        s.servers = [ServerConfig(name: "a"), ServerConfig(name: "b")]
        s.servers[0].threads = 150
        s.servers[1].threads = 150
        s.populations.append(Population(name: "android", count: 40))
        s.populations[1].client = .dual
    }

    /// 200 devices on Domino's default 40 threads.
    static let starved = run { s in
        s.name = "starved"
        s.server.threads = 40
    }

    /// A 30-minute heartbeat behind the default 30-minute firewall: most Status 1 answers are lost.
    static let lossy = run { s in
        s.name = "lossy"
        s.populations[0].heartbeat = .fixed(.minutes(40))
        s.server.heartbeatMax = .hours(1)
    }

    /// Fetch mode: no Pings at all.
    static let fetch = run { s in
        s.name = "fetch"
        s.populations[0].mode = .fetch
    }
}

/// Summaries built by hand, for cases no run produces (restarts, non-finite numbers, nothing at all).
enum Made {
    static func summary(overall: Figures = Figures(), populations: [NamedFigures] = [], servers: [NamedFigures] = [],
                        restarts: [RestartFigures] = [], devices: Int = 0, measured: Double = 0) -> Summary {
        Summary(scenario: "made", seed: 7, replication: 0, devices: devices, simulatedSeconds: measured,
                measuredSeconds: measured, overall: overall, populations: populations, servers: servers,
                restarts: restarts, events: 0)
    }

    /// Field by field, so that it compiles whether or not PushSim declares its own initialisers.
    static func restart(server: String, at: Double, drainSeconds: Double, waitedFor: Int, reset: Int, refused: Int,
                        pushLatencyP95After: Double) -> RestartFigures {
        var r = RestartFigures()
        r.server = server
        r.at = at
        r.drainSeconds = drainSeconds
        r.waitedFor = waitedFor
        r.reset = reset
        r.refused = refused
        r.pushLatencyP95After = pushLatencyP95After
        return r
    }
}

/// Parses markup as XML, as the Charts kit guarantees its pages are.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var text = ""
    private(set) var error: String?

    static func parse(_ markup: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = check
        if !parser.parse() && check.error == nil { check.error = "parse failed" }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = "\(parseError)" }

    func count(_ name: String) -> Int { elements.filter { $0 == name }.count }
}

/// A page is well-formed XML, has no active content and reaches no network.
@discardableResult
func assertValidPage(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> XMLCheck {
    let check = XMLCheck.parse(html)
    XCTAssertNil(check.error, "page is not well-formed XML", file: file, line: line)
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), file: file, line: line)
    XCTAssertFalse(html.lowercased().contains("<script"), file: file, line: line)
    let rest = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    XCTAssertFalse(rest.contains("http://"), file: file, line: line)
    XCTAssertFalse(rest.contains("https://"), file: file, line: line)
    for forbidden in ["src=", "href=", "url(", "<link", "<img", "javascript:"] {
        XCTAssertFalse(rest.lowercased().contains(forbidden), forbidden, file: file, line: line)
    }
    // Non-finite numbers must never leak into the text.
    XCTAssertFalse(check.text.contains("NaN") || check.text.contains("nan%") || check.text.contains("∞"), file: file, line: line)
    return check
}

/// The text of the key findings box.
func findings(_ html: String) -> String {
    guard let start = html.range(of: "<aside class=\"findings\">"), let end = html.range(of: "</aside>", range: start.upperBound..<html.endIndex) else { return "" }
    return String(html[start.upperBound..<end.lowerBound])
}
