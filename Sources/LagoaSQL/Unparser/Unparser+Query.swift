extension Unparser {
    /// Canonical SQL text of a query.
    public static func query(_ query: Query) -> String {
        var text = ""
        if !query.with.isEmpty {
            text += "WITH " + query.with.map { cte in
                identifier(cte.name) + (cte.columns.isEmpty ? "" : " " + identifierList(cte.columns)) + " AS (" + self.query(cte.query) + ")"
            }.joined(separator: ", ") + " "
        }
        text += queryBody(query.body, minimum: 0)
        if !query.orderBy.isEmpty { text += " ORDER BY " + orderBy(query.orderBy) }
        if let limit = query.limit { text += " LIMIT " + expression(limit) }
        if let offset = query.offset { text += " OFFSET " + expression(offset) }
        return text
    }

    /// Set-operation binding strengths: UNION/EXCEPT 1, INTERSECT 2, anything else 3.
    private static func precedence(of body: QueryBody) -> Int {
        guard case .setOperation(let operation) = body else { return 3 }
        return operation.op == .intersect ? 2 : 1
    }

    private static func queryBody(_ body: QueryBody, minimum: Int) -> String {
        let text: String
        switch body {
        case .select(let select): text = self.select(select)
        case .values(let rows): text = "VALUES " + rows.map { "(" + $0.map(expression).joined(separator: ", ") + ")" }.joined(separator: ", ")
        case .nested(let inner): return "(" + query(inner) + ")"
        case .setOperation(let operation):
            let precedence = precedence(of: body)
            var op = operation.op.rawValue
            if operation.all { op += " ALL" } else if operation.explicitDistinct { op += " DISTINCT" }
            text = queryBody(operation.left, minimum: precedence) + " " + op + " " + queryBody(operation.right, minimum: precedence + 1)
        }
        return precedence(of: body) >= minimum ? text : "(" + text + ")"
    }

    /// Canonical SQL text of a SELECT block.
    public static func select(_ select: Select) -> String {
        var text = "SELECT "
        switch select.distinct {
        case .distinct: text += "DISTINCT "
        case .on(let keys): text += "DISTINCT ON (" + keys.map(expression).joined(separator: ", ") + ") "
        case nil: break
        }
        text += select.items.map(selectItem).joined(separator: ", ")
        if !select.from.isEmpty { text += " FROM " + select.from.map(tableReference).joined(separator: ", ") }
        if let condition = select.whereClause { text += " WHERE " + expression(condition) }
        switch select.groupBy {
        case .all: text += " GROUP BY ALL"
        case .elements(let elements): text += " GROUP BY " + elements.map(groupingElement).joined(separator: ", ")
        case nil: break
        }
        if let having = select.having { text += " HAVING " + expression(having) }
        if !select.windows.isEmpty {
            text += " WINDOW " + select.windows.map { identifier($0.name) + " AS " + windowSpec($0.spec) }.joined(separator: ", ")
        }
        if let qualify = select.qualify { text += " QUALIFY " + expression(qualify) }
        return text
    }

    private static func selectItem(_ item: SelectItem) -> String {
        switch item {
        case .expression(let value, let alias):
            return expression(value) + (alias.map { " AS " + identifier($0) } ?? "")
        case .wildcard(let qualifier, let exclude):
            let star = qualifier.map { qualifiedName($0) + ".*" } ?? "*"
            return exclude.isEmpty ? star : star + " EXCLUDE " + identifierList(exclude)
        }
    }

    private static func groupingElement(_ element: GroupingElement) -> String {
        func list(_ expressions: [Expression]) -> String { "(" + expressions.map(expression).joined(separator: ", ") + ")" }
        switch element {
        case .expression(let value): return expression(value)
        case .rollup(let values): return "ROLLUP " + list(values)
        case .cube(let values): return "CUBE " + list(values)
        case .groupingSets(let sets): return "GROUPING SETS (" + sets.map(list).joined(separator: ", ") + ")"
        }
    }

    /// `(a, b, c)`.
    static func identifierList(_ names: [Identifier]) -> String {
        "(" + names.map(identifier).joined(separator: ", ") + ")"
    }

    /// Canonical SQL text of a FROM-clause entry.
    public static func tableReference(_ reference: TableReference) -> String {
        switch reference.kind {
        case .table(let table):
            var text = qualifiedName(table.name)
            if let branch = table.branch { text += "@" + identifier(branch) }
            switch table.timeTravel {
            case .version(let version): text += " FOR VERSION AS OF " + wrap(version, Precedence.additive)
            case .timestamp(let timestamp): text += " FOR TIMESTAMP AS OF " + wrap(timestamp, Precedence.additive)
            case nil: break
            }
            return text + alias(table.alias)
        case .function(let call, let tableAlias):
            return qualifiedName(call.name) + "(" + call.arguments.map(argument).joined(separator: ", ") + ")" + alias(tableAlias)
        case .path(let path, let tableAlias):
            return quoted(path, by: "'") + alias(tableAlias)
        case .subquery(let subquery, let tableAlias):
            return "(" + query(subquery) + ")" + alias(tableAlias)
        case .nested(let inner, let tableAlias):
            return "(" + tableReference(inner) + ")" + alias(tableAlias)
        case .join(let join):
            var right = tableReference(join.right)
            if case .join = join.right.kind { right = "(" + right + ")" }
            var text = tableReference(join.left) + (join.natural ? " NATURAL " : " ") + join.kind.rawValue + " " + right
            switch join.condition {
            case .on(let condition): text += " ON " + expression(condition)
            case .using(let columns): text += " USING " + identifierList(columns)
            case nil: break
            }
            return text
        }
    }

    private static func alias(_ alias: TableAlias?) -> String {
        guard let alias else { return "" }
        return " AS " + identifier(alias.name) + (alias.columns.isEmpty ? "" : identifierList(alias.columns))
    }
}

extension Query: CustomStringConvertible {
    /// The query as canonical SQL text.
    public var description: String { Unparser.query(self) }
}
