/// One lexical token: its kind, its byte range in the text and its decoded text.
struct Token: Sendable {
    /// Token kinds.
    enum Kind: Sendable, Equatable {
        /// An unquoted word (keyword or identifier); ``Token/text`` is lower-cased.
        case word
        /// A `"quoted"` identifier; ``Token/text`` is the unescaped name.
        case quotedIdentifier
        /// A string literal (`'…'`, `E'…'`, `$$…$$`); ``Token/text`` is the decoded value.
        case string
        /// An integer literal (digits only).
        case integer
        /// A number with a decimal point.
        case decimal
        /// A number with an exponent.
        case float
        /// Punctuation or an operator.
        case symbol(Symbol)
        /// End of input.
        case end
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// Lower-cased word, decoded string or identifier, or number text; empty for symbols.
    var text: String

    var span: SourceSpan { SourceSpan(start: start, end: end) }

    /// Whether this is the unquoted word `keyword` (given in lower case).
    @inline(__always)
    func isWord(_ keyword: String) -> Bool { kind == .word && text == keyword }

    /// Whether this is `symbol`.
    @inline(__always)
    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
}

/// Punctuation and operators.
enum Symbol: String, Sendable, Equatable {
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case comma = ","
    case period = "."
    case semicolon = ";"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case doubleSlash = "//"
    case percent = "%"
    case concat = "||"
    case equal = "="
    case doubleEqual = "=="
    case notEqual = "<>"
    case bangEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case doubleColon = "::"
    case colon = ":"
    case colonEqual = ":="
    case arrow = "=>"
    case at = "@"
    case caret = "^"
}
