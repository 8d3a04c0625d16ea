/// A single-pass JSON5 parser over UTF-8 bytes.
///
/// Arrays and objects are tracked on an explicit stack rather than by recursion, so
/// nesting depth is bounded by ``JSON5/maximumNestingDepth`` and never by the thread's stack.
struct JSON5Parser {
    let bytes: [UInt8]
    var index = 0
    var tracker = LocationTracker()

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the current position, or nil at the end.
    ///
    /// `mutating` only so that debug builds read through `self` instead of copying the parser.
    var current: UInt8? {
        mutating get { index < bytes.count ? bytes[index] : nil }
    }

    func peek(at position: Int) -> UInt8? {
        position >= 0 && position < bytes.count ? bytes[position] : nil
    }

    mutating func location(at offset: Int) -> SourceLocation {
        tracker.location(at: offset, in: bytes)
    }

    /// Parses one value surrounded by optional whitespace and comments, and nothing else.
    mutating func parseDocument() throws(JSON5SyntaxError) -> JSON5Node {
        try skipTrivia()
        let node = try parseValueTree(context: .topLevel)
        try skipTrivia()
        if !isAtEnd {
            throw error("expected end of file after the top-level value, found \(foundDescription(at: index))", at: index)
        }
        return node
    }

    /// Parses the value that starts at the current position (trivia already skipped),
    /// including everything nested inside it.
    mutating func parseValueTree(context: ValueContext) throws(JSON5SyntaxError) -> JSON5Node {
        var open: [OpenContainer] = []
        var context = context
        while true {
            var node: JSON5Node
            let start = index
            switch current {
            case ASCII.openBracket:
                try checkDepth(open.count, at: start)
                index += 1
                let location = location(at: start)
                try skipTrivia()
                if current == ASCII.closeBracket {
                    index += 1
                    node = JSON5Node(value: .array([]), location: location)
                } else {
                    open.append(OpenContainer(kind: .array, location: location))
                    context = .arrayElement
                    continue
                }
            case ASCII.openBrace:
                try checkDepth(open.count, at: start)
                index += 1
                let location = location(at: start)
                try skipTrivia()
                if current == ASCII.closeBrace {
                    index += 1
                    node = JSON5Node(value: .object([]), location: location)
                } else {
                    var container = OpenContainer(kind: .object, location: location)
                    try readKeyAndColon(into: &container)
                    context = .memberValue(key: container.pendingKey)
                    open.append(container)
                    continue
                }
            default:
                node = try parseScalar(context: context)
            }

            // Hand the finished value to its container; every container that closes
            // here becomes the finished value of the one around it. The container is
            // popped and pushed back rather than mutated in place, which keeps its
            // arrays uniquely referenced without copying the whole container.
            attach: while var top = open.popLast() {
                try skipTrivia()
                switch top.kind {
                case .array:
                    top.elements.append(node)
                    if current == ASCII.comma {
                        index += 1
                        try skipTrivia()
                        if current != ASCII.closeBracket {
                            open.append(top)
                            context = .arrayElement
                            break attach
                        }
                    } else if current != ASCII.closeBracket {
                        throw error("expected ',' or ']' after an array element, found \(foundDescription(at: index))", at: index)
                    }
                    index += 1
                    node = JSON5Node(value: .array(top.elements), location: top.location)
                case .object:
                    top.members.append(JSON5Member(key: top.pendingKey, keyLocation: top.pendingKeyLocation, value: node))
                    if current == ASCII.comma {
                        index += 1
                        try skipTrivia()
                        if current != ASCII.closeBrace {
                            try readKeyAndColon(into: &top)
                            context = .memberValue(key: top.pendingKey)
                            open.append(top)
                            break attach
                        }
                    } else if current != ASCII.closeBrace {
                        throw error("expected ',' or '}' after an object member, found \(foundDescription(at: index))", at: index)
                    }
                    index += 1
                    node = JSON5Node(value: .object(top.members), location: top.location)
                }
            }
            if open.isEmpty {
                return node
            }
        }
    }

    private mutating func checkDepth(_ depth: Int, at offset: Int) throws(JSON5SyntaxError) {
        if depth >= JSON5.maximumNestingDepth {
            throw error("arrays and objects nested more than \(JSON5.maximumNestingDepth) levels deep", at: offset)
        }
    }

    /// Reads `key :` and leaves the position at the start of the member's value.
    private mutating func readKeyAndColon(into container: inout OpenContainer) throws(JSON5SyntaxError) {
        let keyStart = index
        let key: String
        switch current {
        case ASCII.doubleQuote, ASCII.singleQuote:
            key = try readString()
        case let byte? where startsIdentifier(byte):
            key = try readIdentifierName()
        default:
            throw error("expected an object key or '}', found \(foundDescription(at: index))", at: index)
        }
        let keyLocation = location(at: keyStart)
        if let first = container.firstLocation(ofKey: key) {
            throw error("duplicate key \(JSONText.quoted(key)) (first at line \(first.line))", at: keyStart)
        }
        container.recordKey(key, at: keyLocation)

        try skipTrivia()
        guard current == ASCII.colon else {
            throw error("expected ':' after the key \(JSONText.quoted(key)), found \(foundDescription(at: index))", at: index)
        }
        index += 1
        try skipTrivia()
    }
}

/// Where a value is expected, which decides how a missing value is reported.
enum ValueContext {
    case topLevel
    case arrayElement
    case memberValue(key: String)
}
