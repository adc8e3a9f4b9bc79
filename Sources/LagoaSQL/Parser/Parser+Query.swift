extension Parser {
    /// Parses `[WITH …] body [ORDER BY …] [LIMIT …] [OFFSET …] [FETCH …]`.
    mutating func parseQuery() throws -> Query {
        try enter()
        defer { depth -= 1 }
        let start = current.start
        var query = Query(body: .values([]))
        if consume("with") {
            if current.isWord("recursive") {
                throw SQLSyntaxError(.unexpectedToken, "WITH RECURSIVE is not supported", span: current.span, in: text)
            }
            repeat { query.with.append(try parseCommonTableExpression()) } while consume(.comma)
        }
        query.body = try parseSetExpression()
        if consume("order") {
            try expect("by")
            query.orderBy = try parseOrderByList()
        }
        try parseLimitOffset(into: &query)
        query.span = span(from: start)
        return query
    }

    private mutating func parseCommonTableExpression() throws -> CommonTableExpression {
        let name = try parseIdentifier()
        let columns = current.isSymbol(.leftParen) ? try parseIdentifierList() : []
        try expect("as")
        if !consume("materialized") && consume("not") { try expect("materialized") }
        try expect(.leftParen)
        let query = try parseQuery()
        try expect(.rightParen)
        return CommonTableExpression(name: name, columns: columns, query: query)
    }

    private mutating func parseLimitOffset(into query: inout Query) throws {
        while true {
            if query.limit == nil && consume("limit") {
                if consume("all") { continue }
                query.limit = try parseExpression()
            } else if query.offset == nil && consume("offset") {
                query.offset = try parseExpression()
                if !consume("rows") { _ = consume("row") }
            } else if query.limit == nil && consume("fetch") {
                if !consume("first") { try expect("next") }
                query.limit = current.isWord("row") || current.isWord("rows") ? Expression(.literal(.integer("1"))) : try parseExpression()
                if !consume("rows") { try expect("row") }
                try expect("only")
            } else {
                return
            }
        }
    }

    /// UNION and EXCEPT, left-associative, over INTERSECT terms.
    private mutating func parseSetExpression() throws -> QueryBody {
        var left = try parseSetTerm()
        while current.isWord("union") || current.isWord("except") {
            let op: SetOperation.Operator = advance().text == "union" ? .union : .except
            let (all, explicitDistinct) = parseSetQuantifier()
            let right = try parseSetTerm()
            left = .setOperation(SetOperation(op: op, all: all, explicitDistinct: explicitDistinct, left: left, right: right))
        }
        return left
    }

    /// INTERSECT, binding tighter than UNION and EXCEPT.
    private mutating func parseSetTerm() throws -> QueryBody {
        var left = try parseSetPrimary()
        while consume("intersect") {
            let (all, explicitDistinct) = parseSetQuantifier()
            let right = try parseSetPrimary()
            left = .setOperation(SetOperation(op: .intersect, all: all, explicitDistinct: explicitDistinct, left: left, right: right))
        }
        return left
    }

    private mutating func parseSetQuantifier() -> (all: Bool, explicitDistinct: Bool) {
        if consume("all") { return (true, false) }
        if consume("distinct") { return (false, true) }
        return (false, false)
    }

    private mutating func parseSetPrimary() throws -> QueryBody {
        if current.isWord("select") { return .select(try parseSelect()) }
        if consume("values") { return .values(try parseValuesRows()) }
        if consume(.leftParen) {
            let inner = try parseQuery()
            try expect(.rightParen)
            if inner.with.isEmpty && inner.orderBy.isEmpty && inner.limit == nil && inner.offset == nil {
                return inner.body
            }
            return .nested(inner)
        }
        throw unexpected("SELECT, VALUES or \"(\"", keywords: ["select", "values"])
    }

    /// `(a, b), (c, d)` after VALUES.
    mutating func parseValuesRows() throws -> [[Expression]] {
        var rows: [[Expression]] = []
        repeat {
            try expect(.leftParen)
            var row: [Expression] = []
            repeat { row.append(try parseExpression()) } while consume(.comma)
            try expect(.rightParen)
            rows.append(row)
        } while consume(.comma)
        return rows
    }

    /// Parses `expr [ASC|DESC] [NULLS FIRST|LAST], …`.
    mutating func parseOrderByList() throws -> [OrderByItem] {
        var items: [OrderByItem] = []
        repeat {
            var item = OrderByItem(try parseExpression())
            if consume("asc") { item.ascending = true } else if consume("desc") { item.ascending = false }
            if consume("nulls") {
                if consume("first") { item.nullsFirst = true } else if consume("last") { item.nullsFirst = false } else {
                    throw unexpected("FIRST or LAST", keywords: ["first", "last"])
                }
            }
            items.append(item)
        } while consume(.comma)
        return items
    }
}
