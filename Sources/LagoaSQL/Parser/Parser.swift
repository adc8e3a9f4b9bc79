/// A recursive-descent parser for Lagoa's SQL dialect (PostgreSQL/DuckDB flavoured).
///
/// Use the static entry points: ``parse(_:)`` for scripts, ``parseStatement(_:)`` for exactly one
/// statement and ``parseExpression(_:)`` for a lone expression. Nesting deeper than
/// ``maximumDepth`` is rejected with a syntax error instead of exhausting the stack.
public struct Parser {
    /// The deepest nesting of expressions, queries and table references accepted.
    public static let maximumDepth = 256

    let text: String
    /// The UTF-8 bytes of ``text``, for slicing token text without `String` indexing.
    let bytes: [UInt8]
    var tokens: [Token]
    var index = 0
    var depth = 0
    /// A keyword the grammar would have accepted at token ``expectedKeywordIndex`` (for messages
    /// such as `expected FROM or end of statement`).
    var expectedKeyword: String?
    var expectedKeywordIndex = -1

    init(_ text: String) throws {
        self.text = text
        self.bytes = Array(text.utf8)
        self.tokens = try Lexer.tokenize(text)
    }

    /// Parses a script of statements separated by `;`; empty statements are skipped.
    /// - Throws: ``SQLSyntaxError`` at the first error.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ sql: String) throws(SQLSyntaxError) -> [Statement] {
        try parseWithSpans(sql).map(\.statement)
    }

    /// Parses a script like ``parse(_:)``, also returning the span of each statement's text.
    public static func parseWithSpans(_ sql: String) throws(SQLSyntaxError) -> [ParsedStatement] {
        try syntaxErrors(in: sql) { () throws in try parseScript(sql) }
    }

    /// Runs `body`, passing its ``SQLSyntaxError``s through. The recursive parsing functions use
    /// untyped `throws`: a typed throw of the large error struct costs stack space at every call
    /// site in debug builds, which limits how deep nesting can go.
    private static func syntaxErrors<T>(in sql: String, _ body: () throws -> T) throws(SQLSyntaxError) -> T {
        do {
            return try body()
        } catch let error as SQLSyntaxError {
            throw error
        } catch {
            throw SQLSyntaxError(.invalidStatement, "internal parser error \(error); this is a bug, please report it", span: .synthesized, in: sql)
        }
    }

    private static func parseScript(_ sql: String) throws -> [ParsedStatement] {
        var parser = try Parser(sql)
        var statements: [ParsedStatement] = []
        while true {
            while parser.consume(.semicolon) {}
            if parser.current.kind == .end { return statements }
            let start = parser.current.start
            let statement = try parser.parseStatement()
            let end = parser.tokens[parser.index - 1].end
            statements.append(ParsedStatement(statement: statement, span: SourceSpan(start: start, end: end)))
            if parser.current.kind != .end && !parser.current.isSymbol(.semicolon) {
                throw parser.unexpected("end of statement")
            }
        }
    }

    /// Parses exactly one statement (a trailing `;` is allowed).
    /// - Throws: ``SQLSyntaxError`` when the text holds no statement, more than one, or a bad one.
    public static func parseStatement(_ sql: String) throws(SQLSyntaxError) -> Statement {
        let statements = try parseWithSpans(sql)
        guard statements.count == 1 else {
            let span = statements.count > 1 ? statements[1].span : SourceSpan(start: 0, end: sql.utf8.count)
            throw SQLSyntaxError(
                .invalidStatement, "expected exactly one statement, found \(statements.count)", span: span, in: sql,
                hint: statements.isEmpty ? "the text is empty or holds only comments" : "run the statements one at a time")
        }
        return statements[0].statement
    }

    /// Parses a lone scalar expression such as `a + 1 > b`.
    public static func parseExpression(_ sql: String) throws(SQLSyntaxError) -> Expression {
        try syntaxErrors(in: sql) { () throws in
            var parser = try Parser(sql)
            let expression = try parser.parseExpression()
            if parser.current.kind != .end { throw parser.unexpected("end of expression") }
            return expression
        }
    }

    /// Parses a lone type name such as `DECIMAL(15, 2)` or `INT[]`.
    public static func parseTypeName(_ sql: String) throws(SQLSyntaxError) -> TypeName {
        try syntaxErrors(in: sql) { () throws in
            var parser = try Parser(sql)
            let type = try parser.parseType()
            if parser.current.kind != .end { throw parser.unexpected("end of type") }
            return type
        }
    }

    // MARK: Token cursor

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Consumes the keyword if it is next.
    mutating func consume(_ keyword: String) -> Bool {
        guard current.isWord(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes the symbol if it is next.
    mutating func consume(_ symbol: Symbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes the keyword sequence if all of it is next.
    mutating func consume(_ first: String, _ second: String) -> Bool {
        guard current.isWord(first) && peek().isWord(second) else { return false }
        index += 2
        return true
    }

    @discardableResult
    mutating func expect(_ keyword: String) throws -> Token {
        guard current.isWord(keyword) else { throw unexpected(keyword.uppercased(), keywords: [keyword]) }
        return advance()
    }

    @discardableResult
    mutating func expect(_ symbol: Symbol) throws -> Token {
        guard current.isSymbol(symbol) else { throw unexpected("\"\(symbol.rawValue)\"") }
        return advance()
    }

    /// Records that `keyword` would be accepted at the current token, for the end-of-statement message.
    mutating func noteExpected(_ keyword: String) {
        expectedKeyword = keyword
        expectedKeywordIndex = index
    }

    /// Increments the nesting depth, failing past ``maximumDepth``; pair with `defer { depth -= 1 }`.
    mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth {
            throw SQLSyntaxError(
                .tooDeeplyNested, "nesting deeper than \(Self.maximumDepth) levels", span: current.span, in: text,
                hint: "simplify the statement or split it with CTEs")
        }
    }

    /// The span from the token at `startIndex` to the last consumed token.
    func span(from start: Int) -> SourceSpan {
        SourceSpan(start: start, end: max(start, tokens[max(index - 1, 0)].end))
    }
}

/// A parsed statement with the span of its text (without the trailing `;`).
public struct ParsedStatement: Hashable, Sendable {
    /// The statement.
    public var statement: Statement
    /// Where its text is in the script.
    public var span: SourceSpan
}
