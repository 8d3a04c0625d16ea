/// Escaping shared by the SVG and HTML writers.
public enum Markup {
    /// Escapes `&`, `<`, `>`, `"` and `'` and drops the control characters XML 1.0 forbids,
    /// so the result is safe as element text and inside single- or double-quoted attributes,
    /// in both XML (SVG) and HTML.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // A stray control character would make the whole SVG unparsable, so drop it.
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
