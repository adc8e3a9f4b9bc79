public import LagoaCore

/// A syntax error in SQL text, with the 1-based line and column of the offending token and an
/// excerpt of its line with a caret under it:
///
/// ```
/// syntax error at line 2, column 10: expected FROM or end of statement, found identifier "FORM"
///   SELECT a FORM t
///            ^^^^
/// ```
public struct SQLSyntaxError: LagoaError, Equatable {
    /// Which kind of syntax error this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String {
            case unexpectedToken = "unexpected_token"
            case unexpectedEnd = "unexpected_end"
            case unterminatedString = "unterminated_string"
            case unterminatedIdentifier = "unterminated_identifier"
            case unterminatedComment = "unterminated_comment"
            case invalidNumber = "invalid_number"
            case invalidCharacter = "invalid_character"
            case invalidEscape = "invalid_escape"
            case tooDeeplyNested = "too_deeply_nested"
            case invalidStatement = "invalid_statement"
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// A token that does not fit the grammar where it appears.
        public static let unexpectedToken = Code(.unexpectedToken)
        /// The text ends in the middle of a statement.
        public static let unexpectedEnd = Code(.unexpectedEnd)
        /// A string literal without its closing quote.
        public static let unterminatedString = Code(.unterminatedString)
        /// A quoted identifier without its closing double quote.
        public static let unterminatedIdentifier = Code(.unterminatedIdentifier)
        /// A `/*` comment without its closing `*/`.
        public static let unterminatedComment = Code(.unterminatedComment)
        /// A malformed number such as `1e` or `12abc`.
        public static let invalidNumber = Code(.invalidNumber)
        /// A character that starts no token.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A bad escape in an `E'…'` string.
        public static let invalidEscape = Code(.invalidEscape)
        /// Nesting deeper than ``Parser/maximumDepth``.
        public static let tooDeeplyNested = Code(.tooDeeplyNested)
        /// A well-formed construct used where it is not allowed (wrong statement count, …).
        public static let invalidStatement = Code(.invalidStatement)

        public var description: String { kind.rawValue }
    }

    /// The kind of error.
    public var code: Code
    /// What was wrong, without position: `expected FROM or end of statement, found identifier "FORM"`.
    public var reason: String
    /// The offending bytes in the text.
    public var span: SourceSpan
    /// 1-based line and column of ``span``'s start.
    public var location: SourceLocation
    /// The offending line with a caret line under it, each indented by two spaces.
    public var excerpt: String
    /// A suggestion such as `did you mean FROM?`, when Lagoa has one.
    public var hint: String?
    public var context: [ErrorContext] = []
    public var cause: (any Error)? { nil }

    /// Creates an error for `span` within `text`, computing line, column and excerpt.
    public init(_ code: Code, _ reason: String, span: SourceSpan, in text: String, hint: String? = nil) {
        self.code = code
        self.reason = reason
        self.span = span
        self.location = SourceLocation(offset: span.start, in: text)
        self.excerpt = Self.excerpt(of: span, in: text)
        self.hint = hint
    }

    public var codeName: String { code.description }

    /// `syntax error at line L, column C: reason`, the excerpt, and the hint if any.
    public var message: String {
        var text = "syntax error at line \(location.line), column \(location.column): \(reason)\n\(excerpt)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    public static func == (lhs: SQLSyntaxError, rhs: SQLSyntaxError) -> Bool {
        lhs.code == rhs.code && lhs.reason == rhs.reason && lhs.span == rhs.span && lhs.hint == rhs.hint
    }

    /// The line holding `span.start`, then spaces and one `^` per character of the span on that line.
    public static func excerpt(of span: SourceSpan, in text: String) -> String {
        let bytes = Array(text.utf8)
        let start = min(max(span.start, 0), bytes.count)
        var lineStart = start
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        if line.last == "\r" { line.removeLast() }
        line = String(line.map { $0 == "\t" ? " " : $0 })
        let prefix = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count
        let spanEnd = min(max(span.end, start), lineEnd)
        let width = max(1, String(decoding: bytes[start..<spanEnd], as: UTF8.self).unicodeScalars.count)
        return "  " + line + "\n  " + String(repeating: " ", count: prefix) + String(repeating: "^", count: width)
    }
}
