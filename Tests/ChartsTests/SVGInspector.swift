import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Parses markup with Foundation's XMLParser and records elements and character data.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var texts: [String] = []
    private var currentText = ""
    private(set) var parseError: String?

    static func parse(_ markup: String) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = inspector
        guard parser.parse() else { return nil }
        return inspector
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        flushText()
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        flushText()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        self.parseError = "\(parseError)"
    }

    private func flushText() {
        let trimmed = currentText.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { texts.append(trimmed) }
        currentText = ""
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
}

/// Asserts the SVG parses, declares the SVG namespace and a viewBox, and that every
/// coordinate is a finite, at-most-two-decimal number inside the viewBox.
@discardableResult
func assertValidSVG(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> SVGInspector? {
    guard let inspector = SVGInspector.parse(svg) else {
        XCTFail("SVG does not parse:\n\(svg.prefix(2_000))", file: file, line: line)
        return nil
    }
    XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), "missing xmlns", file: file, line: line)
    guard let root = inspector.elements.first, root.name == "svg",
          let viewBox = root.attributes["viewBox"]?.split(separator: " ").compactMap({ Double($0) }), viewBox.count == 4 else {
        XCTFail("missing root/viewBox", file: file, line: line)
        return inspector
    }
    XCTAssertEqual(viewBox[0], 0, file: file, line: line)
    XCTAssertEqual(viewBox[1], 0, file: file, line: line)
    let width = viewBox[2]
    let height = viewBox[3]
    XCTAssertTrue(inspector.elements.contains { $0.name == "title" }, "no accessible title", file: file, line: line)

    func number(_ text: Substring, _ what: String) -> Double? {
        guard let value = Double(text), value.isFinite else {
            XCTFail("\(what): not a finite number: \(text)", file: file, line: line)
            return nil
        }
        if text.hasPrefix("-0") && value == 0 { XCTFail("\(what): negative zero \(text)", file: file, line: line) }
        if let dot = text.firstIndex(of: ".") {
            XCTAssertLessThanOrEqual(text.distance(from: dot, to: text.endIndex) - 1, 2, "\(what): too many decimals \(text)", file: file, line: line)
        }
        XCTAssertFalse(text.contains("e") || text.contains("E"), "\(what): exponent \(text)", file: file, line: line)
        return value
    }
    func check(_ value: Double?, upTo bound: Double, _ what: String) {
        guard let value else { return }
        XCTAssertTrue(value >= 0 && value <= bound, "\(what) = \(value) outside 0…\(bound)", file: file, line: line)
    }

    for element in inspector.elements where element.name != "svg" {
        let a = element.attributes
        for key in ["x", "x1", "x2", "cx"] { if let v = a[key] { check(number(v[...], key), upTo: width, "\(element.name).\(key)") } }
        for key in ["y", "y1", "y2", "cy"] { if let v = a[key] { check(number(v[...], key), upTo: height, "\(element.name).\(key)") } }
        if let v = a["width"] { check(number(v[...], "width"), upTo: width, "\(element.name).width") }
        if let v = a["height"] { check(number(v[...], "height"), upTo: height, "\(element.name).height") }
        if let v = a["r"] { check(number(v[...], "r"), upTo: min(width, height), "\(element.name).r") }
        if let x = a["x"].flatMap(Double.init), let w = a["width"].flatMap(Double.init) {
            XCTAssertLessThanOrEqual(x + w, width + 0.011, "\(element.name) overflows right", file: file, line: line)
        }
        if let y = a["y"].flatMap(Double.init), let h = a["height"].flatMap(Double.init) {
            XCTAssertLessThanOrEqual(y + h, height + 0.011, "\(element.name) overflows bottom", file: file, line: line)
        }
        for key in ["d", "points"] {
            guard let data = a[key] else { continue }
            let tokens = data.split(whereSeparator: { $0 == " " || $0 == "," })
            var coordinates: [Double] = []
            for token in tokens {
                if ["M", "L", "Z"].contains(token) { continue }
                var t = token
                if let first = t.first, first == "M" || first == "L" { t = t.dropFirst() }
                if let v = number(t, key) { coordinates.append(v) }
            }
            XCTAssertEqual(coordinates.count % 2, 0, "odd coordinate count in \(key)", file: file, line: line)
            for i in stride(from: 0, to: coordinates.count - 1, by: 2) {
                check(coordinates[i], upTo: width, "\(key) x")
                check(coordinates[i + 1], upTo: height, "\(key) y")
            }
        }
        if let transform = a["transform"] {
            XCTAssertTrue(transform.hasPrefix("rotate("), "unexpected transform \(transform)", file: file, line: line)
            let inner = transform.dropFirst("rotate(".count).dropLast()
            let parts = inner.split(separator: " ")
            XCTAssertEqual(parts.count, 3, file: file, line: line)
            if parts.count == 3 {
                check(number(parts[1], "rotate x"), upTo: width, "rotate x")
                check(number(parts[2], "rotate y"), upTo: height, "rotate y")
            }
        }
    }
    return inspector
}
