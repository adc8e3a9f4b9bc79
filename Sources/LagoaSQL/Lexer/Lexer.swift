/// Splits SQL text into ``Token``s, working over UTF-8 bytes (no per-character `String` indexing).
/// Skips whitespace and comments (`-- …`, nested `/* … */`); decodes strings (`'…'` with `''`,
/// `E'…'` with backslash escapes, `$tag$…$tag$`) and quoted identifiers (`"…"` with `""`).
struct Lexer {
    private let text: String
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// All tokens, ending with one ``Token/Kind/end`` token.
    /// - Complexity: O(n) in the length of the text.
    static func tokenize(_ text: String) throws(SQLSyntaxError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        tokens.reserveCapacity(lexer.bytes.count / 4 + 1)
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func byte(at index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    private func error(_ code: SQLSyntaxError.Code, _ reason: String, _ start: Int, _ end: Int, hint: String? = nil) -> SQLSyntaxError {
        SQLSyntaxError(code, reason, span: SourceSpan(start: start, end: end), in: text, hint: hint)
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The next token.
    mutating func next() throws(SQLSyntaxError) -> Token {
        try skipTrivia()
        let start = position
        guard position < bytes.count else { return Token(kind: .end, start: start, end: start, text: "") }
        let c = bytes[position]
        if (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")) && byte(at: position + 1) == UInt8(ascii: "'") {
            position += 1
            let value = try lexQuoted(quote: UInt8(ascii: "'"), backslashEscapes: true, start: start)
            return Token(kind: .string, start: start, end: position, text: value)
        }
        if Self.isWordStart(c) { return lexWord() }
        if Self.isDigit(c) || (c == UInt8(ascii: ".") && Self.isDigit(byte(at: position + 1))) {
            return try lexNumber()
        }
        switch c {
        case UInt8(ascii: "'"):
            let value = try lexQuoted(quote: c, backslashEscapes: false, start: start)
            return Token(kind: .string, start: start, end: position, text: value)
        case UInt8(ascii: "\""):
            let value = try lexQuoted(quote: c, backslashEscapes: false, start: start)
            if value.isEmpty {
                throw error(.unexpectedToken, "empty quoted identifier \"\"", start, position, hint: "a quoted identifier needs at least one character")
            }
            return Token(kind: .quotedIdentifier, start: start, end: position, text: value)
        case UInt8(ascii: "$"):
            if let token = try lexDollarString() { return token }
        default:
            break
        }
        if let symbol = lexSymbol() {
            return Token(kind: .symbol(symbol), start: start, end: position, text: "")
        }
        let scalarEnd = Self.scalarEnd(bytes, from: start)
        throw error(.invalidCharacter, "unexpected character \(Unparser.quoted(string(start, scalarEnd), by: "\""))", start, scalarEnd)
    }

    private mutating func skipTrivia() throws(SQLSyntaxError) {
        while position < bytes.count {
            let c = bytes[position]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                position += 1
            } else if c == UInt8(ascii: "-") && byte(at: position + 1) == UInt8(ascii: "-") {
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
            } else if c == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "*") {
                let start = position
                var depth = 0
                while true {
                    if position >= bytes.count {
                        throw error(.unterminatedComment, "unterminated /* comment", start, start + 2, hint: "close the comment with */")
                    }
                    if bytes[position] == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "*") {
                        depth += 1
                        position += 2
                    } else if bytes[position] == UInt8(ascii: "*") && byte(at: position + 1) == UInt8(ascii: "/") {
                        depth -= 1
                        position += 2
                        if depth == 0 { break }
                    } else {
                        position += 1
                    }
                }
            } else {
                return
            }
        }
    }

    private mutating func lexWord() -> Token {
        let start = position
        var lowered: [UInt8] = []
        lowered.reserveCapacity(16)
        while position < bytes.count && Self.isWordPart(bytes[position]) {
            let c = bytes[position]
            lowered.append(c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c | 0x20 : c)
            position += 1
        }
        return Token(kind: .word, start: start, end: position, text: String(decoding: lowered, as: UTF8.self))
    }

    private mutating func lexNumber() throws(SQLSyntaxError) -> Token {
        let start = position
        var kind = Token.Kind.integer
        while Self.isDigit(byte(at: position)) { position += 1 }
        if byte(at: position) == UInt8(ascii: ".") && byte(at: position + 1) != UInt8(ascii: ".") {
            kind = .decimal
            position += 1
            while Self.isDigit(byte(at: position)) { position += 1 }
        }
        let e = byte(at: position)
        if e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            kind = .float
            position += 1
            if byte(at: position) == UInt8(ascii: "+") || byte(at: position) == UInt8(ascii: "-") { position += 1 }
            guard Self.isDigit(byte(at: position)) else {
                let end = wordEnd(from: position)
                throw error(.invalidNumber, "invalid number \"\(string(start, end))\": the exponent has no digits", start, end)
            }
            while Self.isDigit(byte(at: position)) { position += 1 }
        }
        if position < bytes.count && Self.isWordPart(bytes[position]) {
            let end = wordEnd(from: position)
            throw error(
                .invalidNumber, "invalid number \"\(string(start, end))\": trailing characters after the digits", start, end,
                hint: "put a space between a number and a name, or quote the name")
        }
        return Token(kind: kind, start: start, end: position, text: string(start, position))
    }

    private func wordEnd(from index: Int) -> Int {
        var end = index
        while end < bytes.count && Self.isWordPart(bytes[end]) { end += 1 }
        return end
    }

    /// Reads a quoted string or identifier starting at `position` (on the opening quote).
    private mutating func lexQuoted(quote: UInt8, backslashEscapes: Bool, start: Int) throws(SQLSyntaxError) -> String {
        position += 1
        var value: [UInt8] = []
        while true {
            guard position < bytes.count else {
                if quote == UInt8(ascii: "\"") {
                    throw error(.unterminatedIdentifier, "unterminated quoted identifier", start, start + 1, hint: "close the identifier with \"")
                }
                throw error(.unterminatedString, "unterminated string literal", start, start + (backslashEscapes ? 2 : 1), hint: "close the string with '")
            }
            let c = bytes[position]
            if c == quote {
                if byte(at: position + 1) == quote {
                    value.append(quote)
                    position += 2
                    continue
                }
                position += 1
                return String(decoding: value, as: UTF8.self)
            }
            if backslashEscapes && c == UInt8(ascii: "\\") {
                let escaped = byte(at: position + 1)
                switch escaped {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "b"): value.append(0x08)
                case UInt8(ascii: "f"): value.append(0x0C)
                case UInt8(ascii: "0"): value.append(0x00)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): value.append(escaped)
                case 0 where position + 1 >= bytes.count:
                    position = bytes.count  // a trailing backslash: reported as unterminated
                    continue
                default:
                    let end = Self.scalarEnd(bytes, from: position + 1)
                    throw error(.invalidEscape, "invalid escape sequence \"\(string(position, end))\" in E'' string", position, end,
                                hint: "supported escapes are \\n \\t \\r \\b \\f \\0 \\\\ \\' \\\"")
                }
                position += 2
                continue
            }
            value.append(c)
            position += 1
        }
    }

    /// `$$…$$` or `$tag$…$tag$`; `nil` (position unchanged) when `$` does not start one.
    private mutating func lexDollarString() throws(SQLSyntaxError) -> Token? {
        let start = position
        var tagEnd = position + 1
        while tagEnd < bytes.count && bytes[tagEnd] != UInt8(ascii: "$") && Self.isWordPart(bytes[tagEnd]) { tagEnd += 1 }
        guard byte(at: tagEnd) == UInt8(ascii: "$") else { return nil }
        let tag = bytes[start...tagEnd]
        var index = tagEnd + 1
        while index + tag.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "$") && bytes[index..<(index + tag.count)].elementsEqual(tag) {
                position = index + tag.count
                return Token(kind: .string, start: start, end: position, text: string(tagEnd + 1, index))
            }
            index += 1
        }
        throw error(.unterminatedString, "unterminated dollar-quoted string", start, tagEnd + 1, hint: "close the string with \(string(start, tagEnd + 1))")
    }

    private mutating func lexSymbol() -> Symbol? {
        let c = bytes[position]
        let n = byte(at: position + 1)
        var length = 1
        let symbol: Symbol?
        switch c {
        case UInt8(ascii: "("): symbol = .leftParen
        case UInt8(ascii: ")"): symbol = .rightParen
        case UInt8(ascii: "["): symbol = .leftBracket
        case UInt8(ascii: "]"): symbol = .rightBracket
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: "."): symbol = .period
        case UInt8(ascii: ";"): symbol = .semicolon
        case UInt8(ascii: "+"): symbol = .plus
        case UInt8(ascii: "-"): symbol = .minus
        case UInt8(ascii: "*"): symbol = .star
        case UInt8(ascii: "%"): symbol = .percent
        case UInt8(ascii: "@"): symbol = .at
        case UInt8(ascii: "^"): symbol = .caret
        case UInt8(ascii: "/"):
            if n == UInt8(ascii: "/") { symbol = .doubleSlash; length = 2 } else { symbol = .slash }
        case UInt8(ascii: "|"):
            if n == UInt8(ascii: "|") { symbol = .concat; length = 2 } else { symbol = nil }
        case UInt8(ascii: "="):
            if n == UInt8(ascii: "=") { symbol = .doubleEqual; length = 2 }
            else if n == UInt8(ascii: ">") { symbol = .arrow; length = 2 }
            else { symbol = .equal }
        case UInt8(ascii: "!"):
            if n == UInt8(ascii: "=") { symbol = .bangEqual; length = 2 } else { symbol = nil }
        case UInt8(ascii: "<"):
            if n == UInt8(ascii: ">") { symbol = .notEqual; length = 2 }
            else if n == UInt8(ascii: "=") { symbol = .lessEqual; length = 2 }
            else { symbol = .less }
        case UInt8(ascii: ">"):
            if n == UInt8(ascii: "=") { symbol = .greaterEqual; length = 2 } else { symbol = .greater }
        case UInt8(ascii: ":"):
            if n == UInt8(ascii: ":") { symbol = .doubleColon; length = 2 }
            else if n == UInt8(ascii: "=") { symbol = .colonEqual; length = 2 }
            else { symbol = .colon }
        default: symbol = nil
        }
        if symbol != nil { position += length }
        return symbol
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    static func isWordStart(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "_") || c >= 0x80
    }

    static func isWordPart(_ c: UInt8) -> Bool { isWordStart(c) || isDigit(c) || c == UInt8(ascii: "$") }

    /// The end of the Unicode scalar starting at `index`.
    static func scalarEnd(_ bytes: [UInt8], from index: Int) -> Int {
        guard index < bytes.count else { return index }
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
