struct TickMark {
    /// Pixel position along the axis.
    var position: Double
    var label: String
}

/// Greedy label thinning: a label is kept only if it starts clear of the last kept one, so
/// crowded axes show every second or third label instead of overprinting.
enum LabelThinning {
    static func visible(centres: [Double], extents: [Double], gap: Double) -> [Bool] {
        var result: [Bool] = []
        var last: (centre: Double, extent: Double)?
        // Works for either direction (y tick positions decrease as values increase).
        for (centre, extent) in zip(centres, extents) {
            if let last, abs(centre - last.centre) < (last.extent + extent) / 2 + gap {
                result.append(false)
            } else {
                result.append(true)
                last = (centre, extent)
            }
        }
        return result
    }
}

extension SVGWriter {
    mutating func drawTitle(_ title: String, baseline: Double?) {
        guard let baseline, !title.isEmpty else { return }
        let shown = TextMetrics.truncate(title, toWidth: width - 2 * Theme.padding, size: Theme.titleFontSize * 1.06)
        text(shown, [("x", x(Theme.padding)), ("y", y(baseline)), ("font-size", SVGNumber.format(Theme.titleFontSize)),
                     ("font-weight", "600"), ("fill", Theme.text)],
             title: shown == title ? nil : title)
    }

    /// Light grid lines; lines on the plot border are left to the axis lines.
    mutating func drawGrid(plot: Rect, vertical xs: [Double], horizontal ys: [Double]) {
        let inner = xs.filter { $0 > plot.minX + 0.5 && $0 < plot.maxX - 0.5 }
        let across = ys.filter { $0 >= plot.minY - 0.5 && $0 < plot.maxY - 0.5 }
        guard !inner.isEmpty || !across.isEmpty else { return }
        open("g", [("class", "grid"), ("stroke", Theme.grid), ("stroke-width", "1"), ("shape-rendering", "crispEdges")])
        for px in inner {
            leaf("line", [("x1", x(px)), ("y1", y(plot.minY)), ("x2", x(px)), ("y2", y(plot.maxY))])
        }
        for py in across {
            leaf("line", [("x1", x(plot.minX)), ("y1", y(py)), ("x2", x(plot.maxX)), ("y2", y(py))])
        }
        close("g")
    }

    mutating func drawLeftAxis(plot: Rect, ticks: [TickMark], title: String, showsLine: Bool = true, showsTicks: Bool = true) {
        open("g", [("class", "axis axis-y"), ("fill", Theme.mutedText)])
        if showsLine {
            leaf("line", [("x1", x(plot.minX)), ("y1", y(plot.minY)), ("x2", x(plot.minX)), ("y2", y(plot.maxY)),
                          ("stroke", Theme.axis), ("shape-rendering", "crispEdges")])
        }
        let visible = LabelThinning.visible(centres: ticks.map(\.position), extents: ticks.map { _ in 13 }, gap: 2)
        for (tick, show) in zip(ticks, visible) {
            if showsTicks {
                leaf("line", [("x1", x(plot.minX - Theme.tickLength)), ("y1", y(tick.position)), ("x2", x(plot.minX)), ("y2", y(tick.position)),
                              ("stroke", Theme.axis), ("shape-rendering", "crispEdges")])
            }
            if show {
                text(tick.label, [("x", x(plot.minX - Theme.tickLength - Theme.tickLabelGap + (showsTicks ? 0 : Theme.tickLength))),
                                  ("y", y(tick.position + 4)), ("text-anchor", "end")])
            }
        }
        if !title.isEmpty {
            let cx = Theme.padding + 9
            let cy = plot.midY
            let shown = TextMetrics.truncate(title, toWidth: max(plot.height + 40, 40))
            text(shown, [("x", x(cx)), ("y", y(cy)), ("transform", "rotate(-90 \(x(cx)) \(y(cy)))"),
                         ("text-anchor", "middle"), ("fill", Theme.text)])
        }
        close("g")
    }

    /// Tick labels are centred under their ticks, or rotated -35° when `rotated`.
    mutating func drawBottomAxis(plot: Rect, ticks: [TickMark], title: String, rotated: Bool = false, showsTicks: Bool = true) {
        open("g", [("class", "axis axis-x"), ("fill", Theme.mutedText)])
        leaf("line", [("x1", x(plot.minX)), ("y1", y(plot.maxY)), ("x2", x(plot.maxX)), ("y2", y(plot.maxY)),
                      ("stroke", Theme.axis), ("shape-rendering", "crispEdges")])
        let visible: [Bool]
        if rotated {
            // Labels rotated by 35° are 13px-tall lines spaced d·sin(35°) apart, so they need d ≥ 23px.
            visible = LabelThinning.visible(centres: ticks.map(\.position), extents: ticks.map { _ in 23 }, gap: 0)
        } else {
            visible = LabelThinning.visible(centres: ticks.map(\.position), extents: ticks.map { TextMetrics.width($0.label) }, gap: 8)
        }
        for (tick, show) in zip(ticks, visible) {
            if showsTicks {
                leaf("line", [("x1", x(tick.position)), ("y1", y(plot.maxY)), ("x2", x(tick.position)), ("y2", y(plot.maxY + Theme.tickLength)),
                              ("stroke", Theme.axis), ("shape-rendering", "crispEdges")])
            }
            guard show else { continue }
            if rotated {
                let px = tick.position + 3
                let py = plot.maxY + Theme.tickLength + 10
                text(tick.label, [("x", x(px)), ("y", y(py)), ("transform", "rotate(-35 \(x(px)) \(y(py)))"), ("text-anchor", "end")])
            } else {
                text(tick.label, [("x", x(tick.position)), ("y", y(plot.maxY + Theme.tickLength + 13)), ("text-anchor", "middle")])
            }
        }
        if !title.isEmpty {
            let shown = TextMetrics.truncate(title, toWidth: max(plot.width, 40))
            text(shown, [("x", x(plot.midX)), ("y", y(height - Theme.padding - 3)), ("text-anchor", "middle"), ("fill", Theme.text)])
        }
        close("g")
    }

    mutating func drawNoData(plot: Rect) {
        text("No data", [("x", x(plot.midX)), ("y", y(plot.midY + 5)), ("text-anchor", "middle"), ("font-size", "13"),
                         ("font-style", "italic"), ("fill", Theme.noData), ("class", "no-data")])
    }

    /// White outline behind text that sits on top of data, keeping it readable.
    static let halo: [(String, String)] = [
        ("stroke", Theme.background), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke"),
    ]
}
