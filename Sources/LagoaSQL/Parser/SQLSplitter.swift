/// Cheap statement splitting for scripts and the interactive shell: finds the `;` that end
/// statements while skipping quotes (`'…'`, `E'…'`, `"…"`, `$tag$…$tag$`) and comments
/// (`-- …`, nested `/* … */`). It does not parse, so it never fails.
public enum SQLSplitter {
    /// The statements of `script`, each trimmed of surrounding whitespace and without its `;`;
    /// statements holding only whitespace and comments are dropped. Text after the last `;`
    /// is returned as a final statement when not empty.
    /// - Complexity: O(n) in the length of the script.
    public static func split(_ script: String) -> [String] {
        let bytes = Array(script.utf8)
        var statements: [String] = []
        var scanner = Scanner(bytes: bytes)
        var start = 0
        var hasContent = false
        while scanner.position < bytes.count {
            switch scanner.step() {
            case .terminator:
                if hasContent { statements.append(trimmed(bytes[start..<(scanner.position - 1)])) }
                start = scanner.position
                hasContent = false
            case .content:
                hasContent = true
            case .trivia:
                break
            }
        }
        if hasContent { statements.append(trimmed(bytes[start..<bytes.count])) }
        return statements
    }

    /// Whether `text` ends with a `;` outside quotes and comments (trailing whitespace and
    /// comments allowed): what the shell checks before running what was typed.
    public static func isComplete(_ text: String) -> Bool {
        var scanner = Scanner(bytes: Array(text.utf8))
        var complete = false
        while scanner.position < scanner.bytes.count {
            switch scanner.step() {
            case .terminator: complete = true
            case .content: complete = false
            case .trivia: break
            }
        }
        return complete && !scanner.unterminated
    }

    private static func trimmed(_ slice: ArraySlice<UInt8>) -> String {
        var lower = slice.startIndex
        var upper = slice.endIndex
        while lower < upper && isSpace(slice[lower]) { lower += 1 }
        while upper > lower && isSpace(slice[upper - 1]) { upper -= 1 }
        return String(decoding: slice[lower..<upper], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private enum Piece {
        case terminator, content, trivia
    }

    /// Steps over one piece of text at a time: a `;`, a whole quoted token, a whole comment, or a byte.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        /// Set when the text ends inside a quote or comment.
        var unterminated = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        private func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func step() -> Piece {
            let c = bytes[position]
            switch c {
            case UInt8(ascii: ";"):
                position += 1
                return .terminator
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                position += 1
                return .trivia
            case UInt8(ascii: "-") where byte(position + 1) == UInt8(ascii: "-"):
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                return .trivia
            case UInt8(ascii: "/") where byte(position + 1) == UInt8(ascii: "*"):
                var depth = 0
                while position < bytes.count {
                    if bytes[position] == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: "*") {
                        depth += 1
                        position += 2
                    } else if bytes[position] == UInt8(ascii: "*") && byte(position + 1) == UInt8(ascii: "/") {
                        depth -= 1
                        position += 2
                        if depth == 0 { return .trivia }
                    } else {
                        position += 1
                    }
                }
                unterminated = true
                return .trivia
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let escapes = c == UInt8(ascii: "'") && position > 0 && (bytes[position - 1] | 0x20) == UInt8(ascii: "e")
                    && (position < 2 || !Lexer.isWordPart(bytes[position - 2]))
                skipQuoted(c, backslashEscapes: escapes)
                return .content
            case UInt8(ascii: "$"):
                skipDollarQuoted()
                return .content
            default:
                position += 1
                return .content
            }
        }

        private mutating func skipQuoted(_ quote: UInt8, backslashEscapes: Bool) {
            position += 1
            while position < bytes.count {
                let c = bytes[position]
                if backslashEscapes && c == UInt8(ascii: "\\") {
                    position += 2
                } else if c == quote {
                    position += 1
                    if byte(position) != quote { return }
                    position += 1
                } else {
                    position += 1
                }
            }
            position = bytes.count
            unterminated = true
        }

        private mutating func skipDollarQuoted() {
            var tagEnd = position + 1
            while tagEnd < bytes.count && bytes[tagEnd] != UInt8(ascii: "$") && Lexer.isWordPart(bytes[tagEnd]) { tagEnd += 1 }
            guard byte(tagEnd) == UInt8(ascii: "$") else {
                position += 1
                return
            }
            let tag = bytes[position...tagEnd]
            var index = tagEnd + 1
            while index + tag.count <= bytes.count {
                if bytes[index] == UInt8(ascii: "$") && bytes[index..<(index + tag.count)].elementsEqual(tag) {
                    position = index + tag.count
                    return
                }
                index += 1
            }
            position = bytes.count
            unterminated = true
        }
    }
}
