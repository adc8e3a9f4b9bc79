extension Parser {
    /// Parses an expression whose operators bind at least as tightly as `minimumPrecedence`
    /// (precedence climbing; see ``Precedence``).
    mutating func parseExpression(minimumPrecedence: Int = Precedence.lowest) throws -> Expression {
        try enter()
        defer { depth -= 1 }
        let start = current.start
        var left = try parsePrefix()
        while true {
            let token = current
            var op: BinaryOperator?
            switch token.kind {
            case .symbol(let symbol):
                switch symbol {
                case .equal, .doubleEqual: op = .equal
                case .notEqual, .bangEqual: op = .notEqual
                case .less: op = .less
                case .lessEqual: op = .lessOrEqual
                case .greater: op = .greater
                case .greaterEqual: op = .greaterOrEqual
                case .concat: op = .concat
                case .plus: op = .add
                case .minus: op = .subtract
                case .star: op = .multiply
                case .slash: op = .divide
                case .doubleSlash: op = .integerDivide
                case .percent: op = .modulo
                case .doubleColon:
                    guard Precedence.cast >= minimumPrecedence else { return left }
                    advance()
                    let type = try parseType()
                    left = Expression(.cast(left, type, .doubleColon), span: span(from: start))
                    continue
                default: return left
                }
            case .word:
                switch token.text {
                case "or": op = .or
                case "and": op = .and
                case "is", "isnull", "notnull":
                    guard Precedence.is >= minimumPrecedence else { return left }
                    left = try parseIsSuffix(left, start: start)
                    continue
                case "not", "between", "in", "like", "ilike":
                    let negated = token.text == "not"
                    let keyword = negated ? peek() : token
                    guard keyword.isWord("between") || keyword.isWord("in") || keyword.isWord("like") || keyword.isWord("ilike") else {
                        return left
                    }
                    guard Precedence.like >= minimumPrecedence else { return left }
                    if negated { advance() }
                    left = try parsePredicateSuffix(left, negated: negated, start: start)
                    continue
                case "at":
                    guard peek().isWord("time") && peek(2).isWord("zone"), Precedence.atTimeZone >= minimumPrecedence else { return left }
                    index += 3
                    let zone = try parseExpression(minimumPrecedence: Precedence.atTimeZone + 1)
                    left = Expression(.atTimeZone(left, zone: zone), span: span(from: start))
                    continue
                default: return left
                }
            default: return left
            }
            guard let op else { return left }
            let precedence = Precedence.of(op)
            guard precedence >= minimumPrecedence else { return left }
            advance()
            let right = try parseExpression(minimumPrecedence: precedence + 1)
            left = Expression(.binary(op, left, right), span: span(from: start))
        }
    }

    /// `IS [NOT] NULL|TRUE|FALSE|DISTINCT FROM x`, `ISNULL`, `NOTNULL`.
    private mutating func parseIsSuffix(_ left: Expression, start: Int) throws -> Expression {
        let keyword = advance()
        if keyword.text == "isnull" { return Expression(.isNull(left, negated: false), span: span(from: start)) }
        if keyword.text == "notnull" { return Expression(.isNull(left, negated: true), span: span(from: start)) }
        let negated = consume("not")
        if consume("null") { return Expression(.isNull(left, negated: negated), span: span(from: start)) }
        if consume("true") { return Expression(.isBoolean(left, value: true, negated: negated), span: span(from: start)) }
        if consume("false") { return Expression(.isBoolean(left, value: false, negated: negated), span: span(from: start)) }
        if consume("distinct") {
            try expect("from")
            let right = try parseExpression(minimumPrecedence: Precedence.is + 1)
            return Expression(.isDistinctFrom(left, right, negated: negated), span: span(from: start))
        }
        throw unexpected("NULL, TRUE, FALSE or DISTINCT FROM", keywords: ["null", "true", "false", "distinct"])
    }

    /// `[NOT] BETWEEN …`, `[NOT] IN (…)`, `[NOT] LIKE|ILIKE … [ESCAPE …]` (NOT already consumed).
    private mutating func parsePredicateSuffix(_ left: Expression, negated: Bool, start: Int) throws -> Expression {
        let keyword = advance().text
        let operand = Precedence.like + 1
        switch keyword {
        case "between":
            let low = try parseExpression(minimumPrecedence: operand)
            try expect("and")
            let high = try parseExpression(minimumPrecedence: operand)
            return Expression(.between(left, low: low, high: high, negated: negated), span: span(from: start))
        case "in":
            try expect(.leftParen)
            if current.isWord("select") || current.isWord("with") || current.isWord("values") {
                let query = try parseQuery()
                try expect(.rightParen)
                return Expression(.inSubquery(left, query, negated: negated), span: span(from: start))
            }
            var list: [Expression] = []
            repeat { list.append(try parseExpression()) } while consume(.comma)
            try expect(.rightParen)
            return Expression(.inList(left, list, negated: negated), span: span(from: start))
        default:
            let pattern = try parseExpression(minimumPrecedence: operand)
            let escape = consume("escape") ? try parseExpression(minimumPrecedence: operand) : nil
            return Expression(
                .like(left, pattern: pattern, escape: escape, caseInsensitive: keyword == "ilike", negated: negated),
                span: span(from: start))
        }
    }

    /// Literals, names, calls, unary operators, parenthesised expressions and special forms.
    private mutating func parsePrefix() throws -> Expression {
        let token = current
        let start = token.start
        switch token.kind {
        case .integer:
            advance()
            return Expression(.literal(.integer(token.text)), span: token.span)
        case .decimal:
            advance()
            return Expression(.literal(.decimal(token.text)), span: token.span)
        case .float:
            advance()
            return Expression(.literal(.float(token.text)), span: token.span)
        case .string:
            advance()
            return Expression(.literal(.string(token.text)), span: token.span)
        case .symbol(.minus), .symbol(.plus):
            advance()
            let operand = try parseExpression(minimumPrecedence: Precedence.unary)
            return Expression(.unary(token.isSymbol(.minus) ? .minus : .plus, operand), span: span(from: start))
        case .symbol(.leftParen):
            advance()
            if current.isWord("select") || current.isWord("with") || current.isWord("values") {
                let query = try parseQuery()
                try expect(.rightParen)
                return Expression(.subquery(query), span: span(from: start))
            }
            let inner = try parseExpression()
            try expect(.rightParen)
            return Expression(inner.kind, span: span(from: start))
        case .quotedIdentifier:
            return try parseNameOrCall()
        case .word:
            if let special = try parseKeywordExpression(token) { return special }
            // LEFT and RIGHT are reserved but also name string functions, as in PostgreSQL.
            let isFunctionName = (token.text == "left" || token.text == "right") && peek().isSymbol(.leftParen)
            guard !Keywords.isReserved(token.text) || isFunctionName else { throw unexpected("an expression") }
            return try parseNameOrCall()
        default:
            throw unexpected("an expression")
        }
    }

    /// A column reference `a.b.c`, a qualified star `t.*`, or a function call `f(…)`.
    private mutating func parseNameOrCall() throws -> Expression {
        let start = current.start
        var parts = [identifier(advance())]
        while current.isSymbol(.period) {
            let next = peek()
            if next.isSymbol(.star) {
                index += 2
                return Expression(.star(qualifier: QualifiedName(parts)), span: span(from: start))
            }
            guard next.kind == .word || next.kind == .quotedIdentifier else { break }
            advance()
            parts.append(identifier(advance()))
        }
        let name = QualifiedName(parts)
        if consume(.leftParen) {
            let call = try parseFunctionArguments(name: name, namedWithEquals: false)
            return Expression(.function(try parseFunctionTail(call)), span: span(from: start))
        }
        return Expression(.column(name), span: span(from: start))
    }

    /// The arguments of a call after its `(`, through the closing `)`.
    mutating func parseFunctionArguments(name: QualifiedName, namedWithEquals: Bool) throws -> FunctionCall {
        var call = FunctionCall(name: name)
        if consume(.rightParen) { return call }
        if current.isSymbol(.star) && peek().isSymbol(.rightParen) {
            index += 2
            call.isStar = true
            return call
        }
        if consume("distinct") { call.distinct = true } else { _ = consume("all") }
        repeat {
            let next = peek()
            if (current.kind == .word || current.kind == .quotedIdentifier)
                && (next.isSymbol(.colonEqual) || next.isSymbol(.arrow) || (namedWithEquals && next.isSymbol(.equal)))
            {
                let argumentName = identifier(advance())
                advance()
                call.arguments.append(FunctionArgument(name: argumentName, value: try parseExpression()))
            } else {
                call.arguments.append(FunctionArgument(value: try parseExpression()))
            }
        } while consume(.comma)
        if consume("ignore", "nulls") { call.ignoreNulls = true } else { _ = consume("respect", "nulls") }
        if consume("order") {
            try expect("by")
            call.orderBy = try parseOrderByList()
        }
        try expect(.rightParen)
        return call
    }

    /// `WITHIN GROUP (…)`, `FILTER (WHERE …)`, `IGNORE|RESPECT NULLS`, `OVER …` after a call.
    mutating func parseFunctionTail(_ call: FunctionCall) throws -> FunctionCall {
        var call = call
        if current.isWord("within") && peek().isWord("group") {
            index += 2
            try expect(.leftParen)
            try expect("order")
            try expect("by")
            call.withinGroup = try parseOrderByList()
            try expect(.rightParen)
        }
        if current.isWord("filter") && peek().isSymbol(.leftParen) {
            index += 2
            try expect("where")
            call.filter = try parseExpression()
            try expect(.rightParen)
        }
        if consume("ignore", "nulls") { call.ignoreNulls = true } else { _ = consume("respect", "nulls") }
        if current.isWord("over") {
            let next = peek()
            if next.isSymbol(.leftParen) {
                advance()
                call.over = .spec(try parseWindowSpec())
            } else if next.kind == .quotedIdentifier || (next.kind == .word && !Keywords.isReserved(next.text)) {
                advance()
                call.over = .named(identifier(advance()))
            }
        }
        return call
    }
}
