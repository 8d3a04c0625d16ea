import Foundation

/// Fixed, colour-blind-friendly series colours.
public enum Palette {
    /// The Okabe–Ito palette, ordered so the first colours stay distinct under the common
    /// colour-vision deficiencies and are legible as thin lines on white; yellow comes late
    /// because it is weak on white.
    public static let okabeIto: [String] = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#F0E442", // yellow
        "#000000", // black
    ]

    /// Colour for the series at `index`; wraps around after eight series.
    public static func color(at index: Int) -> String {
        let n = okabeIto.count
        return okabeIto[((index % n) + n) % n]
    }

    /// WCAG relative luminance of a `#RRGGBB` colour, or nil if it is not in that form.
    static func luminance(_ hex: String) -> Double? {
        let scalars = Array(hex.unicodeScalars)
        guard scalars.count == 7, scalars[0] == "#" else { return nil }
        var channels: [Double] = []
        for i in stride(from: 1, to: 7, by: 2) {
            guard let value = UInt8(String(String.UnicodeScalarView(scalars[i...(i + 1)])), radix: 16) else { return nil }
            let c = Double(value) / 255
            channels.append(c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// Text colour with the higher contrast on `background` (white or near-black).
    static func textColor(on background: String) -> String {
        guard let l = luminance(background) else { return Theme.text }
        let onWhite = 1.05 / (l + 0.05)
        let onDark = (l + 0.05) / 0.066
        return onWhite > onDark ? "#ffffff" : Theme.text
    }
}
