extension Unparser {
    /// Canonical SQL text of a statement (without a trailing `;`).
    public static func statement(_ statement: Statement) -> String {
        switch statement {
        case .query(let query):
            return self.query(query)
        case .explain(let analyze, let inner):
            return (analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ") + self.statement(inner)
        case .createTable(let create):
            var text = "CREATE " + (create.orReplace ? "OR REPLACE " : "") + "TABLE " + (create.ifNotExists ? "IF NOT EXISTS " : "")
            text += qualifiedName(create.name)
            if !create.columns.isEmpty { text += " (" + create.columns.map(columnDefinition).joined(separator: ", ") + ")" }
            if !create.partitionBy.isEmpty { text += " PARTITIONED BY (" + create.partitionBy.map(expression).joined(separator: ", ") + ")" }
            if let asQuery = create.asQuery { text += " AS " + query(asQuery) }
            return text
        case .createView(let view):
            var text = "CREATE " + (view.orReplace ? "OR REPLACE " : "") + "VIEW " + (view.ifNotExists ? "IF NOT EXISTS " : "")
            text += qualifiedName(view.name)
            if !view.columns.isEmpty { text += " " + identifierList(view.columns) }
            return text + " AS " + query(view.query)
        case .createSchema(let name, let ifNotExists):
            return "CREATE SCHEMA " + (ifNotExists ? "IF NOT EXISTS " : "") + qualifiedName(name)
        case .insert(let insert):
            var text = "INSERT INTO " + qualifiedName(insert.table)
            if !insert.columns.isEmpty { text += " " + identifierList(insert.columns) }
            return text + " " + query(insert.source)
        case .delete(let delete):
            var text = "DELETE FROM " + qualifiedName(delete.table)
            if let alias = delete.alias { text += " AS " + identifier(alias) }
            if let condition = delete.whereClause { text += " WHERE " + expression(condition) }
            return text
        case .update(let update):
            var text = "UPDATE " + qualifiedName(update.table)
            if let alias = update.alias { text += " AS " + identifier(alias) }
            text += " SET " + assignments(update.assignments)
            if !update.from.isEmpty { text += " FROM " + update.from.map(tableReference).joined(separator: ", ") }
            if let condition = update.whereClause { text += " WHERE " + expression(condition) }
            return text
        case .merge(let merge):
            return self.merge(merge)
        case .drop(let drop):
            return "DROP " + drop.kind.rawValue + (drop.ifExists ? " IF EXISTS " : " ") + qualifiedName(drop.name) + (drop.purge ? " PURGE" : "")
        case .alterTable(let alter):
            let text = "ALTER TABLE " + (alter.ifExists ? "IF EXISTS " : "") + qualifiedName(alter.name) + " "
            switch alter.action {
            case .addColumn(let column): return text + "ADD COLUMN " + columnDefinition(column)
            case .dropColumn(let column): return text + "DROP COLUMN " + identifier(column)
            case .renameColumn(let from, let to): return text + "RENAME COLUMN " + identifier(from) + " TO " + identifier(to)
            case .renameTable(let name): return text + "RENAME TO " + qualifiedName(name)
            }
        case .showTables(let namespace):
            return "SHOW TABLES" + (namespace.map { " FROM " + qualifiedName($0) } ?? "")
        case .showSchemas:
            return "SHOW SCHEMAS"
        case .describeTable(let name):
            return "DESCRIBE " + qualifiedName(name)
        case .describeQuery(let query):
            return "DESCRIBE " + self.query(query)
        case .use(let name):
            return "USE " + qualifiedName(name)
        case .set(let name, let value):
            return "SET " + qualifiedName(name) + " = " + expression(value)
        }
    }

    private static func columnDefinition(_ column: ColumnDefinition) -> String {
        identifier(column.name) + " " + typeName(column.type) + (column.notNull ? " NOT NULL" : "")
    }

    private static func assignments(_ assignments: [Assignment]) -> String {
        assignments.map { identifier($0.column) + " = " + expression($0.value) }.joined(separator: ", ")
    }

    private static func merge(_ merge: Merge) -> String {
        var text = "MERGE INTO " + qualifiedName(merge.target)
        if let alias = merge.targetAlias { text += " AS " + identifier(alias) }
        text += " USING " + tableReference(merge.source) + " ON " + expression(merge.on)
        for clause in merge.clauses {
            text += clause.matched ? " WHEN MATCHED" : " WHEN NOT MATCHED"
            if let condition = clause.condition { text += " AND " + expression(condition) }
            text += " THEN "
            switch clause.action {
            case .update(let values): text += "UPDATE SET " + assignments(values)
            case .delete: text += "DELETE"
            case .insert(let columns, let values):
                text += "INSERT " + (columns.isEmpty ? "" : identifierList(columns) + " ") + "VALUES ("
                text += values.map(expression).joined(separator: ", ") + ")"
            }
        }
        return text
    }
}

extension Statement: CustomStringConvertible {
    /// The statement as canonical SQL text.
    public var description: String { Unparser.statement(self) }
}
