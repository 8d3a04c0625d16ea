struct LegendItem {
    enum Symbol {
        case line(dashed: Bool, marker: Bool, band: Bool)
        case box
    }

    var name: String
    var color: String
    var symbol: Symbol
}

struct PlacedLegendItem {
    var item: LegendItem
    var text: String
    /// Left edge of the swatch.
    var x: Double
    /// Vertical centre of the row.
    var y: Double
}

/// A left-aligned legend that flows into as many rows as the width needs.
enum Legend {
    static let rowHeight = 18.0
    static let swatchWidth = 18.0
    static let textGap = 6.0
    static let itemGap = 18.0

    static func place(_ items: [LegendItem], x: Double, y: Double, maxWidth: Double) -> (items: [PlacedLegendItem], height: Double) {
        guard !items.isEmpty else { return ([], 0) }
        var placed: [PlacedLegendItem] = []
        var cursor = x
        var row = 0
        for item in items {
            let text = TextMetrics.truncate(item.name, toWidth: max(maxWidth - swatchWidth - textGap, 20))
            let itemWidth = swatchWidth + textGap + TextMetrics.width(text)
            if cursor > x && cursor + itemWidth > x + maxWidth {
                row += 1
                cursor = x
            }
            placed.append(PlacedLegendItem(item: item, text: text, x: cursor, y: y + rowHeight * (Double(row) + 0.5)))
            cursor += itemWidth + itemGap
        }
        return (placed, rowHeight * Double(row + 1))
    }
}

extension SVGWriter {
    mutating func drawLegend(_ placed: [PlacedLegendItem]) {
        guard !placed.isEmpty else { return }
        open("g", [("class", "legend")])
        for entry in placed {
            let color = entry.item.color
            switch entry.item.symbol {
            case let .line(dashed, marker, band):
                if band {
                    rect(x: entry.x, y: entry.y - 6, width: Legend.swatchWidth, height: 12,
                         [("fill", color), ("fill-opacity", Theme.bandOpacity)])
                }
                var attributes = [("x1", x(entry.x)), ("y1", y(entry.y)), ("x2", x(entry.x + Legend.swatchWidth)), ("y2", y(entry.y)),
                                  ("stroke", color), ("stroke-width", "2.5")]
                if dashed { attributes.append(("stroke-dasharray", "5 3")) }
                leaf("line", attributes)
                if marker {
                    leaf("circle", [("cx", x(entry.x + Legend.swatchWidth / 2)), ("cy", y(entry.y)), ("r", radius(3.5)),
                                    ("fill", color), ("stroke", Theme.background), ("stroke-width", "1.5")])
                }
            case .box:
                rect(x: entry.x + 3, y: entry.y - 6, width: 12, height: 12, [("rx", "2"), ("fill", color)])
            }
            text(entry.text, [("x", x(entry.x + Legend.swatchWidth + Legend.textGap)), ("y", y(entry.y + 4)), ("fill", Theme.text)],
                 title: entry.text == entry.item.name ? nil : entry.item.name)
        }
        close("g")
    }
}
