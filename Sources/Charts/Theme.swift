/// Visual constants shared by all charts, so every figure in a report has the same margins,
/// type sizes and muted greys.
enum Theme {
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    static let fontSize = 12.0
    static let smallFontSize = 11.0
    static let titleFontSize = 15.0
    static let padding = 12.0
    static let tickLength = 4.0
    static let tickLabelGap = 5.0
    static let axisTitleRoom = 20.0

    static let background = "#ffffff"
    static let text = "#222222"
    static let mutedText = "#555555"
    static let axis = "#8c8c8c"
    static let grid = "#e9e9e9"
    static let reference = "#3c3c3c"
    static let noData = "#8c8c8c"

    static let bandOpacity = "0.18"
    static let lineWidth = "2"
}
