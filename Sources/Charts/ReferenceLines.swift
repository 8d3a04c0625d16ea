extension SVGWriter {
    /// Dashed lines across the plot with their label above the line at the right end
    /// (below it when the line is at the top of the plot).
    mutating func drawHorizontalReferences(_ references: [ReferenceLine], scale: Scale, plot: Rect) {
        let placed = references.compactMap { ref -> (ReferenceLine, Double)? in
            guard scale.accepts(ref.value) else { return nil }
            let p = scale.map(ref.value)
            return p >= plot.minY - 0.5 && p <= plot.maxY + 0.5 ? (ref, p) : nil
        }
        guard !placed.isEmpty else { return }
        open("g", [("class", "references")])
        for (ref, p) in placed {
            let color = ref.color ?? Theme.reference
            leaf("line", [("x1", x(plot.minX)), ("y1", y(p)), ("x2", x(plot.maxX)), ("y2", y(p)), ("stroke", color),
                          ("stroke-width", "1.25"), ("stroke-dasharray", "6 4")], title: ref.label)
            guard !ref.label.isEmpty else { continue }
            let baseline = p - 5 - 9 < plot.minY ? p + 14 : p - 5
            let shown = TextMetrics.truncate(ref.label, toWidth: plot.width - 8, size: Theme.smallFontSize)
            text(shown, [("x", x(plot.maxX - 4)), ("y", y(baseline)), ("text-anchor", "end"), ("font-size", SVGNumber.format(Theme.smallFontSize)),
                         ("font-weight", "600"), ("fill", color)] + SVGWriter.halo)
        }
        close("g")
    }

    /// Dashed lines down the plot with their label at the top, right of the line (left of it
    /// near the right edge). Labels that would collide are stacked in rows.
    mutating func drawVerticalReferences(_ references: [ReferenceLine], scale: Scale, plot: Rect) {
        var placed = references.compactMap { ref -> (ReferenceLine, Double)? in
            guard scale.accepts(ref.value) else { return nil }
            let p = scale.map(ref.value)
            return p >= plot.minX - 0.5 && p <= plot.maxX + 0.5 ? (ref, p) : nil
        }
        guard !placed.isEmpty else { return }
        // Stable sort by position (ties keep caller order) so row assignment is deterministic.
        placed = placed.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
        open("g", [("class", "references")])
        var rowEnds: [Double] = []
        for (ref, p) in placed {
            let color = ref.color ?? Theme.reference
            leaf("line", [("x1", x(p)), ("y1", y(plot.minY)), ("x2", x(p)), ("y2", y(plot.maxY)), ("stroke", color),
                          ("stroke-width", "1.25"), ("stroke-dasharray", "6 4")], title: ref.label)
            guard !ref.label.isEmpty else { continue }
            let shown = TextMetrics.truncate(ref.label, toWidth: max(plot.width / 2, 40), size: Theme.smallFontSize)
            let w = TextMetrics.width(shown, size: Theme.smallFontSize, bold: true)
            let anchorsEnd = p + 4 + w > plot.maxX
            let start = anchorsEnd ? p - 4 - w : p + 4
            var row = rowEnds.firstIndex { start >= $0 + 6 } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(0) }
            row = min(row, 6)
            rowEnds[row] = max(rowEnds[row], start + w)
            text(shown, [("x", x(anchorsEnd ? p - 4 : p + 4)), ("y", y(plot.minY + 12 + 14 * Double(row))),
                         ("text-anchor", anchorsEnd ? "end" : "start"), ("font-size", SVGNumber.format(Theme.smallFontSize)),
                         ("font-weight", "600"), ("fill", color)] + SVGWriter.halo)
        }
        close("g")
    }
}
