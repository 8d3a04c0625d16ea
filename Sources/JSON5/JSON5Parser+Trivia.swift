extension JSON5Parser {
    /// Skips whitespace, line terminators and comments.
    mutating func skipTrivia() throws(JSON5SyntaxError) {
        // A local copy of the array reference saves a retain/release per byte in debug builds.
        let bytes = self.bytes
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.verticalTab, ASCII.formFeed, ASCII.carriageReturn:
                index += 1
            case ASCII.slash:
                switch index + 1 < bytes.count ? bytes[index + 1] : nil {
                case ASCII.slash:
                    skipLineComment()
                case ASCII.asterisk:
                    try skipBlockComment()
                default:
                    // A lone '/' is not trivia; whoever expected a token reports it.
                    return
                }
            case 0x80...:
                guard let (scalar, length) = UTF8Scalars.decode(bytes, at: index),
                      JSON5Characters.isWhitespace(scalar)
                else { return }
                index += length
            default:
                return
            }
        }
    }

    /// Skips `//` up to, not including, the line terminator.
    private mutating func skipLineComment() {
        let bytes = self.bytes
        index += 2
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn || UTF8Scalars.isParagraphOrLineSeparator(bytes, at: index) {
                return
            }
            index += 1
        }
    }

    private mutating func skipBlockComment() throws(JSON5SyntaxError) {
        let bytes = self.bytes
        let start = index
        index += 2
        while index + 1 < bytes.count {
            if bytes[index] == ASCII.asterisk && bytes[index + 1] == ASCII.slash {
                index += 2
                return
            }
            index += 1
        }
        throw error("unterminated block comment: no '*/' before the end of the file", at: start)
    }
}
