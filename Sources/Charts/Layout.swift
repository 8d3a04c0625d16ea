struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

/// Room the axes need around the plot area (tick labels, axis titles, overhangs).
struct Insets {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
}

/// Positions of the title, legend and plot area, shared by all chart types so figures in one
/// report line up.
struct ChartLayout {
    var plot: Rect
    var titleBaseline: Double?
    var legend: [PlacedLegendItem]

    static func make(width: Double, height: Double, title: String, legend items: [LegendItem], insets: Insets) -> ChartLayout {
        var top = Theme.padding
        var titleBaseline: Double?
        if !title.isEmpty {
            titleBaseline = top + Theme.titleFontSize * 0.8
            top += Theme.titleFontSize + 8
        }
        let placed = Legend.place(items, x: Theme.padding, y: top, maxWidth: width - 2 * Theme.padding)
        if !placed.items.isEmpty { top += placed.height + 4 }
        let left = Theme.padding + insets.left
        let right = Theme.padding + insets.right
        let plotTop = top + insets.top
        let bottom = Theme.padding + insets.bottom
        let plot = Rect(
            x: min(left, width - 1),
            y: min(plotTop, height - 1),
            width: max(width - left - right, 1),
            height: max(height - plotTop - bottom, 1)
        )
        return ChartLayout(plot: plot, titleBaseline: titleBaseline, legend: placed.items)
    }
}
