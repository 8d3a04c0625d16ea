/// Turns UTF-8 byte offsets into line/column locations.
///
/// The parser asks for locations in increasing order almost always, so the tracker
/// resumes from its previous answer instead of rescanning from the start; that keeps
/// the total work linear in the size of the text.
struct LocationTracker {
    private var cursor = SourceLocation.start
    /// Set right after a CR, so that the LF of a CR LF pair does not start another line.
    private var afterCarriageReturn = false

    mutating func location(at offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let target = min(max(offset, 0), bytes.count)
        if target < cursor.offset {
            cursor = .start
            afterCarriageReturn = false
        }
        var index = cursor.offset
        var line = cursor.line
        var column = cursor.column
        var afterCR = afterCarriageReturn
        while index < target {
            let byte = bytes[index]
            switch byte {
            case ASCII.carriageReturn:
                line += 1
                column = 1
                afterCR = true
                index += 1
                continue
            case ASCII.lineFeed:
                if !afterCR {
                    line += 1
                    column = 1
                }
            case 0xE2 where UTF8Scalars.isParagraphOrLineSeparator(bytes, at: index):
                line += 1
                column = 1
                afterCR = false
                index += 3
                continue
            default:
                // Continuation bytes belong to the scalar already counted.
                if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            afterCR = false
            index += 1
        }
        cursor = SourceLocation(line: line, column: column, offset: target)
        afterCarriageReturn = afterCR
        return cursor
    }
}
