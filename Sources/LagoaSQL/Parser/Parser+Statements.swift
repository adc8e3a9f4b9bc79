extension Parser {
    /// Parses one statement starting at the current token.
    mutating func parseStatement() throws -> Statement {
        try enter()
        defer { depth -= 1 }
        let token = current
        if token.isSymbol(.leftParen) { return .query(try parseQuery()) }
        guard token.kind == .word else { throw unexpected("a statement such as SELECT, INSERT or CREATE") }
        switch token.text {
        case "select", "with", "values": return .query(try parseQuery())
        case "explain":
            advance()
            let analyze = consume("analyze")
            return .explain(analyze: analyze, try parseStatement())
        case "create": return try parseCreate()
        case "insert": return try parseInsert()
        case "delete": return try parseDelete()
        case "update": return try parseUpdate()
        case "merge": return try parseMerge()
        case "drop": return try parseDrop()
        case "alter": return try parseAlter()
        case "show": return try parseShow()
        case "describe", "desc":
            advance()
            if current.isSymbol(.leftParen) || current.isWord("select") || current.isWord("with") || current.isWord("values") {
                return .describeQuery(try parseQuery())
            }
            return .describeTable(try parseQualifiedName())
        case "use":
            advance()
            return .use(try parseQualifiedName())
        case "set":
            advance()
            _ = consume("session")
            let name = try parseQualifiedName()
            if !consume(.equal) && !consume("to") { throw unexpected("= or TO") }
            return .set(name: name, value: try parseExpression())
        default:
            throw unexpected(
                "a statement such as SELECT, INSERT or CREATE",
                keywords: ["select", "with", "values", "explain", "create", "insert", "delete", "update", "merge", "drop",
                           "alter", "show", "describe", "use", "set"])
        }
    }

    private mutating func parseCreate() throws -> Statement {
        try expect("create")
        let orReplace = consume("or", "replace")
        if consume("schema") || consume("namespace") {
            let ifNotExists = try parseIfNotExists()
            return .createSchema(name: try parseQualifiedName(), ifNotExists: ifNotExists)
        }
        if consume("view") {
            let ifNotExists = try parseIfNotExists()
            let name = try parseQualifiedName()
            let columns = current.isSymbol(.leftParen) ? try parseIdentifierList() : []
            try expect("as")
            return .createView(CreateView(name: name, orReplace: orReplace, ifNotExists: ifNotExists, columns: columns, query: try parseQuery()))
        }
        guard consume("table") else { throw unexpected("TABLE, VIEW or SCHEMA", keywords: ["table", "view", "schema"]) }
        let ifNotExists = try parseIfNotExists()
        var create = CreateTable(name: try parseQualifiedName(), orReplace: orReplace, ifNotExists: ifNotExists)
        if consume(.leftParen) {
            repeat {
                create.columns.append(try parseColumnDefinition())
            } while consume(.comma)
            try expect(.rightParen)
        }
        if consume("partitioned") {
            try expect("by")
            try expect(.leftParen)
            repeat {
                create.partitionBy.append(try parseExpression())
            } while consume(.comma)
            try expect(.rightParen)
        }
        if consume("as") {
            create.asQuery = try parseQuery()
        } else if create.columns.isEmpty {
            throw unexpected("a column list or AS query")
        }
        return .createTable(create)
    }

    private mutating func parseIfNotExists() throws -> Bool {
        guard consume("if") else { return false }
        try expect("not")
        try expect("exists")
        return true
    }

    private mutating func parseIfExists() throws -> Bool {
        guard consume("if") else { return false }
        try expect("exists")
        return true
    }

    mutating func parseColumnDefinition() throws -> ColumnDefinition {
        let name = try parseIdentifier()
        var column = ColumnDefinition(name: name, type: try parseType())
        while true {
            if consume("not") {
                try expect("null")
                column.notNull = true
            } else if consume("null") {
                column.notNull = false
            } else {
                return column
            }
        }
    }

    private mutating func parseInsert() throws -> Statement {
        try expect("insert")
        try expect("into")
        let table = try parseQualifiedName()
        var columns: [Identifier] = []
        if current.isSymbol(.leftParen) && !isQueryStart(peek()) {
            columns = try parseIdentifierList()
        }
        return .insert(Insert(table: table, columns: columns, source: try parseQuery()))
    }

    private mutating func parseDelete() throws -> Statement {
        try expect("delete")
        try expect("from")
        var delete = Delete(table: try parseQualifiedName())
        delete.alias = try parseOptionalAlias()
        if consume("where") { delete.whereClause = try parseExpression() }
        return .delete(delete)
    }

    private mutating func parseUpdate() throws -> Statement {
        try expect("update")
        let table = try parseQualifiedName()
        let alias = try parseOptionalAlias()
        try expect("set")
        var update = Update(table: table, alias: alias, assignments: try parseAssignments())
        if consume("from") { update.from = try parseFromList() }
        if consume("where") { update.whereClause = try parseExpression() }
        return .update(update)
    }

    mutating func parseAssignments() throws -> [Assignment] {
        var assignments: [Assignment] = []
        repeat {
            let column = try parseQualifiedName().name
            try expect(.equal)
            assignments.append(Assignment(column: column, value: try parseExpression()))
        } while consume(.comma)
        return assignments
    }

    private mutating func parseMerge() throws -> Statement {
        try expect("merge")
        try expect("into")
        let target = try parseQualifiedName()
        let targetAlias = try parseOptionalAlias()
        try expect("using")
        let source = try parseTablePrimary()
        try expect("on")
        let condition = try parseExpression()
        var clauses: [MergeClause] = []
        while consume("when") {
            let matched = !consume("not")
            try expect("matched")
            let extra = consume("and") ? try parseExpression() : nil
            try expect("then")
            let action: MergeAction
            if matched && consume("update") {
                try expect("set")
                action = .update(try parseAssignments())
            } else if matched && consume("delete") {
                action = .delete
            } else if !matched && consume("insert") {
                let columns = current.isSymbol(.leftParen) ? try parseIdentifierList() : []
                try expect("values")
                try expect(.leftParen)
                var values: [Expression] = []
                repeat { values.append(try parseExpression()) } while consume(.comma)
                try expect(.rightParen)
                action = .insert(columns: columns, values: values)
            } else {
                throw unexpected(matched ? "UPDATE or DELETE" : "INSERT", keywords: matched ? ["update", "delete"] : ["insert"])
            }
            clauses.append(MergeClause(matched: matched, condition: extra, action: action))
        }
        if clauses.isEmpty { throw unexpected("WHEN", keywords: ["when"]) }
        return .merge(Merge(target: target, targetAlias: targetAlias, source: source, on: condition, clauses: clauses))
    }

    private mutating func parseDrop() throws -> Statement {
        try expect("drop")
        let kind: Drop.ObjectKind
        if consume("table") { kind = .table }
        else if consume("view") { kind = .view }
        else if consume("schema") || consume("namespace") { kind = .schema }
        else { throw unexpected("TABLE, VIEW or SCHEMA", keywords: ["table", "view", "schema"]) }
        let ifExists = try parseIfExists()
        let name = try parseQualifiedName()
        return .drop(Drop(kind: kind, name: name, ifExists: ifExists, purge: consume("purge")))
    }

    private mutating func parseAlter() throws -> Statement {
        try expect("alter")
        try expect("table")
        let ifExists = try parseIfExists()
        let name = try parseQualifiedName()
        let action: AlterTable.Action
        if consume("add") {
            _ = consume("column")
            action = .addColumn(try parseColumnDefinition())
        } else if consume("drop") {
            _ = consume("column")
            action = .dropColumn(try parseIdentifier())
        } else if consume("rename") {
            if consume("to") {
                action = .renameTable(try parseQualifiedName())
            } else {
                _ = consume("column")
                let from = try parseIdentifier()
                try expect("to")
                action = .renameColumn(from: from, to: try parseIdentifier())
            }
        } else {
            throw unexpected("ADD, DROP or RENAME", keywords: ["add", "drop", "rename"])
        }
        return .alterTable(AlterTable(name: name, ifExists: ifExists, action: action))
    }

    private mutating func parseShow() throws -> Statement {
        try expect("show")
        if consume("tables") {
            if consume("from") || consume("in") { return .showTables(namespace: try parseQualifiedName()) }
            return .showTables(namespace: nil)
        }
        if consume("schemas") || consume("namespaces") || consume("databases") { return .showSchemas }
        throw unexpected("TABLES or SCHEMAS", keywords: ["tables", "schemas", "namespaces"])
    }

    /// Whether `token` starts a query (`SELECT`, `WITH`, `VALUES` or `(`).
    func isQueryStart(_ token: Token) -> Bool {
        token.isWord("select") || token.isWord("with") || token.isWord("values") || token.isSymbol(.leftParen)
    }
}
