extension Parser {
    /// Parses `SELECT …` up to (not including) ORDER BY / LIMIT / set operators.
    mutating func parseSelect() throws -> Select {
        let start = current.start
        try expect("select")
        var select = Select(items: [])
        if consume("distinct") {
            if consume("on") {
                try expect(.leftParen)
                var keys: [Expression] = []
                repeat { keys.append(try parseExpression()) } while consume(.comma)
                try expect(.rightParen)
                select.distinct = .on(keys)
            } else {
                select.distinct = .distinct
            }
        } else {
            _ = consume("all")
        }
        repeat { select.items.append(try parseSelectItem()) } while consume(.comma)
        if consume("from") {
            select.from = try parseFromList()
        } else {
            noteExpected("from")
        }
        if consume("where") { select.whereClause = try parseExpression() }
        if consume("group") {
            try expect("by")
            select.groupBy = try parseGroupBy()
        }
        if consume("having") { select.having = try parseExpression() }
        if consume("window") {
            repeat {
                let name = try parseIdentifier()
                try expect("as")
                select.windows.append(NamedWindow(name: name, spec: try parseWindowSpec()))
            } while consume(.comma)
        }
        if consume("qualify") { select.qualify = try parseExpression() }
        select.span = span(from: start)
        return select
    }

    private mutating func parseSelectItem() throws -> SelectItem {
        if consume(.star) { return .wildcard(qualifier: nil, exclude: try parseExclude()) }
        if let qualifier = try parseQualifiedWildcard() {
            return .wildcard(qualifier: qualifier, exclude: try parseExclude())
        }
        let expression = try parseExpression()
        if consume("as") { return .expression(expression, alias: try parseAnyIdentifier()) }
        if atImplicitAlias { return .expression(expression, alias: identifier(advance())) }
        return .expression(expression, alias: nil)
    }

    /// `t.*` or `s.t.*`: consumes and returns the qualifier, or consumes nothing.
    private mutating func parseQualifiedWildcard() throws -> QualifiedName? {
        var offset = 0
        while true {
            let part = peek(offset)
            guard part.kind == .quotedIdentifier || part.kind == .word, peek(offset + 1).isSymbol(.period) else { return nil }
            if peek(offset + 2).isSymbol(.star) { break }
            offset += 2
        }
        let name = try parseQualifiedName()
        try expect(.period)
        try expect(.star)
        return name
    }

    private mutating func parseExclude() throws -> [Identifier] {
        guard consume("exclude") else { return [] }
        if current.isSymbol(.leftParen) { return try parseIdentifierList() }
        return [try parseIdentifier()]
    }

    private mutating func parseGroupBy() throws -> GroupBy {
        if consume("all") { return .all }
        var elements: [GroupingElement] = []
        repeat {
            if current.isWord("rollup") && peek().isSymbol(.leftParen) {
                advance()
                elements.append(.rollup(try parseParenthesizedExpressions()))
            } else if current.isWord("cube") && peek().isSymbol(.leftParen) {
                advance()
                elements.append(.cube(try parseParenthesizedExpressions()))
            } else if current.isWord("grouping") && peek().isWord("sets") {
                advance()
                advance()
                try expect(.leftParen)
                var sets: [[Expression]] = []
                repeat {
                    if current.isSymbol(.leftParen) {
                        sets.append(try parseParenthesizedExpressions(allowEmpty: true))
                    } else {
                        sets.append([try parseExpression()])
                    }
                } while consume(.comma)
                try expect(.rightParen)
                elements.append(.groupingSets(sets))
            } else {
                elements.append(.expression(try parseExpression()))
            }
        } while consume(.comma)
        return .elements(elements)
    }

    /// `(a, b, …)`, or `()` when `allowEmpty`.
    mutating func parseParenthesizedExpressions(allowEmpty: Bool = false) throws -> [Expression] {
        try expect(.leftParen)
        if allowEmpty && consume(.rightParen) { return [] }
        var expressions: [Expression] = []
        repeat { expressions.append(try parseExpression()) } while consume(.comma)
        try expect(.rightParen)
        return expressions
    }

    /// The comma-separated references of a FROM clause.
    mutating func parseFromList() throws -> [TableReference] {
        var references: [TableReference] = []
        repeat { references.append(try parseTableReference()) } while consume(.comma)
        return references
    }
}
