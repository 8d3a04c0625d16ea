/// Deterministic text-width estimates. SVG gives no way to measure text without a renderer,
/// so widths are estimated from per-character advances of a typical sans-serif, erring on the
/// wide side (DejaVu Sans, common on Linux, is wider than Helvetica) so labels never collide.
enum TextMetrics {
    static func width(_ text: String, size: Double = Theme.fontSize, bold: Bool = false) -> Double {
        var ems = 0.0
        for ch in text { ems += advance(ch) }
        return ems * size * (bold ? 1.06 : 1)
    }

    static func advance(_ ch: Character) -> Double {
        switch ch {
        case "i", "j", "l", "'", "|", "!", ".", ",", ":", ";": return 0.3
        case " ", "f", "t", "r", "I", "(", ")", "[", "]", "-", "/": return 0.38
        case "m", "w", "M", "W", "%", "@": return 0.9
        case "0"..."9": return 0.62
        case "—", "…": return 0.9
        default:
            if ch.isUppercase { return 0.7 }
            if ch.isLowercase { return 0.58 }
            return 0.65
        }
    }

    /// `text` shortened with "…" so it fits `maxWidth`.
    static func truncate(_ text: String, toWidth maxWidth: Double, size: Double = Theme.fontSize) -> String {
        if width(text, size: size) <= maxWidth { return text }
        var result = ""
        let ellipsisWidth = advance("…") * size
        var used = 0.0
        for ch in text {
            let w = advance(ch) * size
            if used + w + ellipsisWidth > maxWidth { break }
            result.append(ch)
            used += w
        }
        return result + "…"
    }
}
