extension Parser {
    /// A table primary followed by any number of joins (left-associative).
    mutating func parseTableReference() throws -> TableReference {
        try enter()
        defer { depth -= 1 }
        let start = current.start
        var left = try parseTablePrimary()
        while true {
            var natural = false
            let kind: Join.Kind
            if consume("cross") {
                try expect("join")
                kind = .cross
            } else {
                natural = consume("natural")
                if consume("join") || consume("inner", "join") {
                    kind = .inner
                } else if consume("left") {
                    _ = consume("outer")
                    try expect("join")
                    kind = .left
                } else if consume("right") {
                    _ = consume("outer")
                    try expect("join")
                    kind = .right
                } else if consume("full") {
                    _ = consume("outer")
                    try expect("join")
                    kind = .full
                } else if natural {
                    throw unexpected("JOIN", keywords: ["join"])
                } else {
                    return left
                }
            }
            let right = try parseTablePrimary()
            var condition: Join.Condition?
            if kind != .cross && !natural {
                if consume("on") {
                    condition = .on(try parseExpression())
                } else if consume("using") {
                    condition = .using(try parseIdentifierList())
                } else {
                    throw unexpected("ON or USING", keywords: ["on", "using"])
                }
            }
            let join = Join(left: left, right: right, kind: kind, natural: natural, condition: condition)
            left = TableReference(.join(join), span: span(from: start))
        }
    }

    /// A table name, table function, path string, subquery or parenthesised join, with its alias.
    mutating func parseTablePrimary() throws -> TableReference {
        let start = current.start
        if current.isSymbol(.leftParen) {
            if peek().isWord("select") || peek().isWord("with") || peek().isWord("values") {
                advance()
                let query = try parseQuery()
                try expect(.rightParen)
                return TableReference(.subquery(query, alias: try parseTableAlias()), span: span(from: start))
            }
            if peek().isSymbol(.leftParen) {
                // `((SELECT …) …)` may be a query or a join: try the query first.
                let saved = (index, depth)
                advance()
                if let query = try? parseQuery(), consume(.rightParen) {
                    return TableReference(.subquery(query, alias: try parseTableAlias()), span: span(from: start))
                }
                (index, depth) = saved
            }
            try enter()
            defer { depth -= 1 }
            advance()
            let inner = try parseTableReference()
            try expect(.rightParen)
            return TableReference(.nested(inner, alias: try parseTableAlias()), span: span(from: start))
        }
        if current.kind == .string {
            let path = advance().text
            return TableReference(.path(path, alias: try parseTableAlias()), span: span(from: start))
        }
        guard atIdentifier else { throw unexpected("a table name, file path or subquery") }
        let name = try parseQualifiedName()
        if consume(.leftParen) {
            let call = try parseFunctionArguments(name: name, namedWithEquals: true)
            return TableReference(.function(call, alias: try parseTableAlias()), span: span(from: start))
        }
        var table = TableName(name: name)
        if consume(.at) { table.branch = try parseAnyIdentifier() }
        if current.isWord("for") {
            advance()
            if consume("version") || consume("system_version") {
                try expect("as")
                try expect("of")
                table.timeTravel = .version(try parseExpression(minimumPrecedence: Precedence.additive))
            } else if consume("timestamp") || consume("system_time") {
                try expect("as")
                try expect("of")
                table.timeTravel = .timestamp(try parseExpression(minimumPrecedence: Precedence.additive))
            } else {
                throw unexpected("VERSION or TIMESTAMP", keywords: ["version", "timestamp"])
            }
        }
        table.alias = try parseTableAlias()
        return TableReference(.table(table), span: span(from: start))
    }
}
