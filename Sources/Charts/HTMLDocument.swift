/// A headline figure for the top of a report, e.g. label "Recommended heartbeat", value "25m".
public struct HTMLCard: Sendable {
    public var label: String
    public var value: String
    public var detail: String

    public init(_ label: String, value: String, detail: String = "") {
        self.label = label
        self.value = value
        self.detail = detail
    }
}

/// Builds a self-contained HTML page: inline CSS and inline SVG only, no scripts and no
/// external resources. All text is escaped; figures can only be charts from this module.
/// The output is also well-formed XML, which the tests use to check it.
public struct HTMLDocument: Sendable {
    enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        case note(String)
        case findings(title: String, items: [String])
        case cards([HTMLCard])
        case table(HTMLTable)
        case figure(svg: String, caption: String)
    }

    public var title: String
    public var subtitle: String
    /// Small print at the bottom, e.g. the simulator version and seed.
    public var footer: String
    private(set) var blocks: [Block] = []

    public init(title: String, subtitle: String = "", footer: String = "") {
        self.title = title
        self.subtitle = subtitle
        self.footer = footer
    }

    /// Starts a new section with an `<h2>` heading.
    public mutating func section(_ heading: String) { blocks.append(.heading(heading, level: 2)) }

    /// An `<h3>` heading inside the current section.
    public mutating func subsection(_ heading: String) { blocks.append(.heading(heading, level: 3)) }

    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }

    /// A paragraph in small muted type (method notes, caveats).
    public mutating func note(_ text: String) { blocks.append(.note(text)) }

    /// The highlighted "key findings" box.
    public mutating func keyFindings(_ items: [String], title: String = "Key findings") {
        blocks.append(.findings(title: title, items: items))
    }

    /// A row of headline-figure cards.
    public mutating func cards(_ cards: [HTMLCard]) { blocks.append(.cards(cards)) }

    public mutating func table(_ table: HTMLTable) { blocks.append(.table(table)) }

    /// An inline SVG figure; it scales to the page width, keeping its aspect ratio.
    public mutating func figure(_ chart: some SVGChart, width: Int = 880, height: Int = 380, caption: String = "") {
        blocks.append(.figure(svg: chart.svg(width: width, height: height), caption: caption))
    }

    public func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>" + Markup.escape(title) + "</title>\n"
        out += "<style>\n" + HTMLStyle.css + "\n</style>\n</head>\n<body>\n<main>\n"
        out += "<header class=\"report\">\n<h1>" + Markup.escape(title) + "</h1>\n"
        if !subtitle.isEmpty { out += "<p class=\"subtitle\">" + Markup.escape(subtitle) + "</p>\n" }
        out += "</header>\n"
        var inSection = false
        for block in blocks {
            if case .heading(_, let level) = block, level == 2 {
                if inSection { out += "</section>\n" }
                out += "<section>\n"
                inSection = true
            }
            out += render(block)
        }
        if inSection { out += "</section>\n" }
        if !footer.isEmpty { out += "<footer>" + Markup.escape(footer) + "</footer>\n" }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func render(_ block: Block) -> String {
        switch block {
        case let .heading(text, level):
            let tag = "h\(clamped(level, 2, 6))"
            return "<\(tag)>" + Markup.escape(text) + "</\(tag)>\n"
        case .paragraph(let text):
            return "<p>" + Markup.escape(text) + "</p>\n"
        case .note(let text):
            return "<p class=\"note\">" + Markup.escape(text) + "</p>\n"
        case let .findings(title, items):
            var out = "<aside class=\"findings\">\n<h2>" + Markup.escape(title) + "</h2>\n<ul>\n"
            for item in items { out += "<li>" + Markup.escape(item) + "</li>\n" }
            return out + "</ul>\n</aside>\n"
        case .cards(let cards):
            var out = "<div class=\"cards\">\n"
            for card in cards {
                out += "<div class=\"card\"><div class=\"label\">" + Markup.escape(card.label) + "</div>"
                out += "<div class=\"value\">" + Markup.escape(card.value) + "</div>"
                if !card.detail.isEmpty { out += "<div class=\"detail\">" + Markup.escape(card.detail) + "</div>" }
                out += "</div>\n"
            }
            return out + "</div>\n"
        case .table(let table):
            return table.render()
        case let .figure(svg, caption):
            var out = "<figure>\n" + svg
            if !caption.isEmpty { out += "<figcaption>" + Markup.escape(caption) + "</figcaption>\n" }
            return out + "</figure>\n"
        }
    }
}
