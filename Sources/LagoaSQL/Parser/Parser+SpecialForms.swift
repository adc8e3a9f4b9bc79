extension Parser {
    /// Expressions introduced by a keyword: NULL/TRUE/FALSE, NOT, CASE, CAST, EXISTS, EXTRACT,
    /// SUBSTRING, POSITION, TRIM, typed literals, INTERVAL, CURRENT_DATE…; `nil` when `token`
    /// starts none of them (it may then be a name).
    mutating func parseKeywordExpression(_ token: Token) throws -> Expression? {
        let start = token.start
        let next = peek()
        switch token.text {
        case "null":
            advance()
            return Expression(.literal(.null), span: token.span)
        case "true", "false":
            advance()
            return Expression(.literal(.boolean(token.text == "true")), span: token.span)
        case "not":
            advance()
            let operand = try parseExpression(minimumPrecedence: Precedence.not + 1)
            return Expression(.unary(.not, operand), span: span(from: start))
        case "case":
            return try parseCase()
        case "cast", "try_cast":
            advance()
            try expect(.leftParen)
            let value = try parseExpression()
            try expect("as")
            let type = try parseType()
            try expect(.rightParen)
            return Expression(.cast(value, type, token.text == "cast" ? .cast : .tryCast), span: span(from: start))
        case "exists":
            advance()
            try expect(.leftParen)
            let query = try parseQuery()
            try expect(.rightParen)
            return Expression(.exists(query), span: span(from: start))
        case "extract" where next.isSymbol(.leftParen):
            index += 2
            guard current.kind == .word || current.kind == .string else { throw unexpected("a date part such as YEAR") }
            let field = advance().text.lowercased()
            try expect("from")
            let value = try parseExpression()
            try expect(.rightParen)
            return Expression(.extract(field: field, value), span: span(from: start))
        case "substring" where next.isSymbol(.leftParen), "position" where next.isSymbol(.leftParen),
            "trim" where next.isSymbol(.leftParen):
            return try parseSpecialCall(token)
        case "date", "time", "timestamp", "timestamptz":
            guard next.kind == .string else { return nil }
            advance()
            let value = advance().text
            let type = TypeName(token.text, span: token.span)
            return Expression(.literal(.typed(type, value)), span: span(from: start))
        case "interval" where next.kind == .string || next.kind == .integer || next.kind == .decimal:
            advance()
            let value = advance()
            var unit: IntervalUnit?
            if current.kind == .word, let parsed = IntervalUnit(word: current.text) {
                advance()
                unit = parsed
            } else if value.kind != .string {
                throw unexpected("an interval unit such as DAY or MONTH", keywords: IntervalUnit.allCases.map(\.rawValue))
            }
            return Expression(.literal(.interval(value.text, unit: unit)), span: span(from: start))
        case "current_date", "current_time", "current_timestamp":
            advance()
            if current.isSymbol(.leftParen) && peek().isSymbol(.rightParen) { index += 2 }
            let name = QualifiedName([identifier(token)])
            return Expression(.function(FunctionCall(name: name)), span: span(from: start))
        default:
            return nil
        }
    }

    private mutating func parseCase() throws -> Expression {
        let start = current.start
        try expect("case")
        var result = CaseExpression(branches: [])
        if !current.isWord("when") { result.operand = try parseExpression() }
        while consume("when") {
            let condition = try parseExpression()
            try expect("then")
            result.branches.append(WhenClause(condition: condition, result: try parseExpression()))
        }
        if result.branches.isEmpty { throw unexpected("WHEN", keywords: ["when"]) }
        if consume("else") { result.elseResult = try parseExpression() }
        guard consume("end") else { throw unexpected(result.elseResult == nil ? "WHEN, ELSE or END" : "END", keywords: ["when", "else", "end"]) }
        return Expression(.caseWhen(result), span: span(from: start))
    }

    /// SUBSTRING(x FROM a FOR b), POSITION(a IN b), TRIM([side] [chars] FROM x), or the plain
    /// call form of the same functions (`substring(x, 1, 2)`, `trim(x)`).
    private mutating func parseSpecialCall(_ token: Token) throws -> Expression {
        let start = token.start
        index += 2
        let name = QualifiedName([identifier(token)])
        var first: Expression
        switch token.text {
        case "trim":
            var side: TrimSide?
            if consume("both") { side = .both } else if consume("leading") { side = .leading } else if consume("trailing") { side = .trailing }
            if side != nil && consume("from") {
                let value = try parseExpression()
                try expect(.rightParen)
                return Expression(.trim(side!, characters: nil, value), span: span(from: start))
            }
            first = try parseExpression()
            if side != nil || current.isWord("from") {
                try expect("from")
                let value = try parseExpression()
                try expect(.rightParen)
                return Expression(.trim(side ?? .both, characters: first, value), span: span(from: start))
            }
        case "position":
            first = try parseExpression(minimumPrecedence: Precedence.like + 1)
            if consume("in") {
                let haystack = try parseExpression()
                try expect(.rightParen)
                return Expression(.position(first, in: haystack), span: span(from: start))
            }
        default:
            first = try parseExpression()
            if current.isWord("from") || current.isWord("for") {
                var from: Expression?
                var length: Expression?
                if consume("from") { from = try parseExpression() }
                if consume("for") { length = try parseExpression() }
                if from == nil && consume("from") { from = try parseExpression() }
                try expect(.rightParen)
                return Expression(.substring(first, from: from, for: length), span: span(from: start))
            }
        }
        var call = FunctionCall(name: name, arguments: [FunctionArgument(value: first)])
        while consume(.comma) { call.arguments.append(FunctionArgument(value: try parseExpression())) }
        try expect(.rightParen)
        return Expression(.function(try parseFunctionTail(call)), span: span(from: start))
    }

    /// `( [base] [PARTITION BY …] [ORDER BY …] [frame] )`.
    mutating func parseWindowSpec() throws -> WindowSpec {
        try expect(.leftParen)
        var spec = WindowSpec()
        if atIdentifier && !["partition", "order", "rows", "range", "groups"].contains(current.text) {
            spec.baseName = identifier(advance())
        }
        if consume("partition") {
            try expect("by")
            repeat { spec.partitionBy.append(try parseExpression()) } while consume(.comma)
        }
        if consume("order") {
            try expect("by")
            spec.orderBy = try parseOrderByList()
        }
        let units: WindowFrameSpec.Units? =
            consume("rows") ? .rows : consume("range") ? .range : consume("groups") ? .groups : nil
        if let units {
            if consume("between") {
                let startBound = try parseFrameBound()
                try expect("and")
                spec.frame = WindowFrameSpec(units: units, start: startBound, end: try parseFrameBound())
            } else {
                spec.frame = WindowFrameSpec(units: units, start: try parseFrameBound())
            }
        }
        try expect(.rightParen)
        return spec
    }

    private mutating func parseFrameBound() throws -> WindowFrameBound {
        if consume("unbounded") {
            if consume("preceding") { return .unboundedPreceding }
            try expect("following")
            return .unboundedFollowing
        }
        if consume("current") {
            try expect("row")
            return .currentRow
        }
        let offset = try parseExpression(minimumPrecedence: Precedence.like + 1)
        if consume("preceding") { return .preceding(offset) }
        guard consume("following") else { throw unexpected("PRECEDING or FOLLOWING", keywords: ["preceding", "following"]) }
        return .following(offset)
    }
}

extension IntervalUnit {
    /// The unit a word names, singular or plural (`day`, `days`); `nil` for other words.
    init?(word: String) {
        var word = word
        if word.hasSuffix("s") { word.removeLast() }
        self.init(rawValue: word)
    }
}
