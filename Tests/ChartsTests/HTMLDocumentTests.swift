import XCTest
@testable import Charts

final class HTMLDocumentTests: XCTestCase {
    func sampleDocument() -> HTMLDocument {
        var doc = HTMLDocument(title: "Report " + Fixtures.nasty, subtitle: "sub " + Fixtures.nasty, footer: "foot " + Fixtures.nasty)
        doc.cards([HTMLCard("Heartbeat " + Fixtures.nasty, value: "25m", detail: "detail & more")])
        doc.keyFindings(["Finding " + Fixtures.nasty, "Second"])
        doc.section("Section " + Fixtures.nasty)
        doc.paragraph("Paragraph " + Fixtures.nasty)
        doc.note("Note " + Fixtures.nasty)
        doc.table(HTMLTable(
            header: ["Heartbeat", "409 share", "Population " + Fixtures.nasty, "Threads"],
            rows: [["5m", "0.19%", "carrier <NAT>", "1,500"], ["1d 6h", "—", "wifi", "12.3k"], ["30m", "1.2%", "x"]],
            caption: "Caption " + Fixtures.nasty
        ))
        doc.subsection("Charts")
        for chart in Fixtures.all { doc.figure(chart, caption: "Figure " + Fixtures.nasty) }
        doc.section("Second section")
        doc.paragraph("end")
        return doc
    }

    func testEscapingAndNoActiveContent() {
        let html = sampleDocument().render()
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("Report A &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;quoted&quot; &#39;single&#39;"))
        XCTAssertFalse(html.contains("\u{01}"))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(withoutNamespace.contains("http://"))
        XCTAssertFalse(withoutNamespace.contains("https://"))
        for forbidden in ["src=", "href=", "url(", "@import", "<link", "<iframe", "<object", "<img", "onload", "javascript:"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), forbidden)
        }
    }

    func testDocumentIsWellFormedAndStructured() {
        let html = sampleDocument().render()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        guard let parsed = SVGInspector.parse(html) else {
            XCTFail("HTML is not well-formed XML")
            return
        }
        XCTAssertEqual(parsed.count("svg"), Fixtures.all.count)
        XCTAssertEqual(parsed.count("figure"), Fixtures.all.count)
        XCTAssertEqual(parsed.count("section"), 2)
        XCTAssertEqual(parsed.count("style"), 1)
        XCTAssertEqual(parsed.count("h1"), 1)
        XCTAssertTrue(parsed.elements.contains { $0.name == "meta" && $0.attributes["charset"] == "utf-8" })
        XCTAssertTrue(parsed.elements.contains { $0.name == "aside" && $0.attributes["class"] == "findings" })
        XCTAssertTrue(parsed.texts.contains("Paragraph " + Fixtures.nasty.replacingOccurrences(of: "\u{01}", with: "").trimmingCharacters(in: .whitespaces)), "\(parsed.texts.filter { $0.hasPrefix("Paragraph") })")
    }

    func testNumericColumnsAreRightAligned() {
        let html = sampleDocument().render()
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"num\">Heartbeat</th>"))
        XCTAssertTrue(html.contains("<th scope=\"col\" class=\"num\">409 share</th>"))
        XCTAssertTrue(html.contains("<th scope=\"col\">Population"))
        XCTAssertTrue(html.contains("<td class=\"num\">1,500</td>"))
        XCTAssertTrue(html.contains("<td class=\"num\">—</td>"), "placeholders follow their column")
        XCTAssertTrue(html.contains("<td>carrier &lt;NAT&gt;</td>"))
        XCTAssertTrue(html.contains("<td class=\"num\"></td>"), "short rows are padded")
        XCTAssertTrue(HTMLStyle.css.contains("td.num"))
        XCTAssertTrue(HTMLStyle.css.contains("text-align: right"))
    }

    func testExplicitAlignmentsWin() {
        let table = HTMLTable(header: ["a", "b"], rows: [["1", "2"]], alignments: [.left, .right])
        XCTAssertEqual(table.resolvedAlignments(), [.left, .right])
    }

    func testLooksNumeric() {
        for cell in ["1,500", "38.4%", "1d 6h", "-0.05", "12.3k", "1,500 ms", "+3", "0", ".5", "2.5M", "50ms", "1.5×", "−2"] {
            XCTAssertTrue(HTMLTable.looksNumeric(cell), cell)
        }
        for cell in ["abc", "v1.2", "", "5 apples", "10-20", "%", "ms", "1d x", "Status 2"] {
            XCTAssertFalse(HTMLTable.looksNumeric(cell), cell)
        }
    }

    func testDeterministic() {
        XCTAssertEqual(sampleDocument().render(), sampleDocument().render())
    }

    func testCSSKeepsTheDocumentWellFormed() {
        XCTAssertFalse(HTMLStyle.css.contains("<"))
        XCTAssertFalse(HTMLStyle.css.contains(">"))
        XCTAssertFalse(HTMLStyle.css.contains("&"))
    }
}
