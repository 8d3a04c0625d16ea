struct Pixel: Equatable {
    var x: Double
    var y: Double
}

/// Turns mapped points into SVG path data: gaps split the path, step lines become horizontal
/// and vertical runs, and very long series are reduced per pixel column.
enum PathBuilder {
    /// Splits at nil entries (gaps) into runs of consecutive valid pixels.
    static func runs(_ pixels: [Pixel?]) -> [[Pixel]] {
        var result: [[Pixel]] = []
        var current: [Pixel] = []
        for p in pixels {
            if let p {
                current.append(p)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Step-after interpolation: each value holds until the next point's x.
    static func stepAfter(_ run: [Pixel]) -> [Pixel] {
        guard var previous = run.first else { return [] }
        var out = [previous]
        for p in run.dropFirst() {
            out.append(Pixel(x: p.x, y: previous.y))
            out.append(p)
            previous = p
        }
        return out
    }

    /// Keeps the first, lowest, highest and last point of every pixel column (M4), which draws
    /// the same picture as the full series; applied only when a run has more points than
    /// about three per column, so short series keep every point.
    static func decimate(_ run: [Pixel], plotWidth: Double) -> [Pixel] {
        guard Double(run.count) > max(plotWidth, 1) * 3 else { return run }
        var out: [Pixel] = []
        var index = 0
        while index < run.count {
            let column = run[index].x.rounded(.down)
            var end = index
            var low = index
            var high = index
            while end < run.count && run[end].x.rounded(.down) == column {
                if run[end].y < run[low].y { low = end }
                if run[end].y > run[high].y { high = end }
                end += 1
            }
            var keep = [index, low, high, end - 1]
            keep.sort()
            var last = -1
            for k in keep where k != last {
                out.append(run[k])
                last = k
            }
            index = end
        }
        return out
    }

    /// "M x y L x y …" for each run; a one-point run becomes a zero-length segment, which a
    /// round line cap draws as a dot. Points that print identically are written once.
    static func lineData(_ runs: [[Pixel]], writer: SVGWriter) -> String {
        var parts: [String] = []
        for run in runs where !run.isEmpty {
            var previous = ""
            var segment: [String] = []
            for p in run {
                let coordinate = writer.x(p.x) + " " + writer.y(p.y)
                if coordinate == previous { continue }
                segment.append((segment.isEmpty ? "M" : "L") + coordinate)
                previous = coordinate
            }
            if segment.count == 1 { segment.append("L" + previous) }
            parts.append(segment.joined(separator: " "))
        }
        return parts.joined(separator: " ")
    }

    /// A closed area between `upper` (left to right) and `lower` (drawn back right to left).
    static func areaData(upper: [Pixel], lower: [Pixel], writer: SVGWriter) -> String {
        let outline = upper + lower.reversed()
        guard outline.count >= 3 else { return "" }
        var segment: [String] = []
        for p in outline {
            segment.append((segment.isEmpty ? "M" : "L") + writer.x(p.x) + " " + writer.y(p.y))
        }
        return segment.joined(separator: " ") + " Z"
    }
}
