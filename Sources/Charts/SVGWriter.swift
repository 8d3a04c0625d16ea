/// Coordinates as text: at most two decimals, trailing zeros dropped, never "-0".
enum SVGNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (clamped(value, -1e12, 1e12) * 100).rounded(.toNearestOrAwayFromZero)
        if hundredths == 0 { return "0" }
        let units = Int64(hundredths.magnitude)
        let whole = units / 100
        let fraction = units % 100
        var out = hundredths < 0 ? "-" : ""
        out += String(whole)
        if fraction != 0 {
            out += "."
            if fraction % 10 == 0 {
                out += String(fraction / 10)
            } else {
                out += fraction < 10 ? "0" + String(fraction) : String(fraction)
            }
        }
        return out
    }
}

/// Accumulates SVG markup. Every coordinate goes through `x(_:)`, `y(_:)` or `radius(_:)`,
/// which pin it into the viewBox, so the output is finite, in bounds and byte-stable whatever
/// the data. Text and attribute values are always escaped.
struct SVGWriter {
    let width: Double
    let height: Double
    private(set) var output = ""

    init(width: Int, height: Int) {
        self.width = Double(clamped(width, 1, 100_000))
        self.height = Double(clamped(height, 1, 100_000))
    }

    func x(_ value: Double) -> String { SVGNumber.format(Self.pin(value, width)) }
    func y(_ value: Double) -> String { SVGNumber.format(Self.pin(value, height)) }
    func radius(_ value: Double) -> String { SVGNumber.format(Self.pin(value, min(width, height) / 2)) }

    static func pin(_ value: Double, _ upper: Double) -> Double {
        value.isFinite ? clamped(value, 0, upper) : 0
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name
        append(attributes)
        output += ">\n"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// An element without text content; with `title` it gets a hover tooltip.
    mutating func leaf(_ name: String, _ attributes: [(String, String)], title: String? = nil) {
        output += "<" + name
        append(attributes)
        if let title {
            output += "><title>" + Markup.escape(title) + "</title></" + name + ">\n"
        } else {
            output += "/>\n"
        }
    }

    mutating func text(_ content: String, _ attributes: [(String, String)], title: String? = nil) {
        output += "<text"
        append(attributes)
        output += ">"
        if let title { output += "<title>" + Markup.escape(title) + "</title>" }
        output += Markup.escape(content) + "</text>\n"
    }

    /// A rectangle clipped to the viewBox, so its far edges stay inside it too.
    mutating func rect(x left: Double, y top: Double, width w: Double, height h: Double,
                       _ attributes: [(String, String)], title: String? = nil) {
        let x0 = Self.pin(min(left, left + w), width)
        let x1 = Self.pin(max(left, left + w), width)
        let y0 = Self.pin(min(top, top + h), height)
        let y1 = Self.pin(max(top, top + h), height)
        // Dimensions are printed as the difference of the printed edges, so x + width never
        // exceeds the viewBox after rounding.
        let px0 = SVGNumber.format(x0), px1 = SVGNumber.format(x1)
        let py0 = SVGNumber.format(y0), py1 = SVGNumber.format(y1)
        let printedWidth = max((Double(px1) ?? 0) - (Double(px0) ?? 0), 0)
        let printedHeight = max((Double(py1) ?? 0) - (Double(py0) ?? 0), 0)
        leaf("rect", [("x", px0), ("y", py0), ("width", SVGNumber.format(printedWidth)), ("height", SVGNumber.format(printedHeight))]
             + attributes, title: title)
    }

    /// Opens the root element with an accessible name and description and a white background.
    mutating func begin(title: String, description: String) {
        let w = SVGNumber.format(width)
        let h = SVGNumber.format(height)
        open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", w), ("height", h), ("viewBox", "0 0 \(w) \(h)"),
            ("role", "img"),
            ("font-family", Theme.fontFamily), ("font-size", SVGNumber.format(Theme.fontSize)),
        ])
        output += "<title>" + Markup.escape(title.isEmpty ? "Chart" : title) + "</title>\n"
        if !description.isEmpty { output += "<desc>" + Markup.escape(description) + "</desc>\n" }
        leaf("rect", [("x", "0"), ("y", "0"), ("width", w), ("height", h), ("fill", Theme.background)])
    }

    mutating func end() { close("svg") }

    private mutating func append(_ attributes: [(String, String)]) {
        for (key, value) in attributes {
            output += " " + key + "=\"" + Markup.escape(value) + "\""
        }
    }
}
