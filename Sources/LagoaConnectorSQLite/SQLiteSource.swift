public import LagoaIngest

/// Tables of a SQLite database file (`sqlite:PATH`), read-only.
public struct SQLiteSource: IngestSource {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var displayName: String { "sqlite:\(path)" }

    public func listTables(schema: String?) throws(IngestError) -> [SourceTableName] {
        let db = try SQLiteDatabase(path: path)
        let rows = try db.textRows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
        return rows.compactMap { $0[0] }.map { SourceTableName(name: $0) }
    }

    public func describe(_ table: SourceTableName) throws(IngestError) -> SourceTableSchema {
        let db = try SQLiteDatabase(path: path)
        let rows = try db.textRows("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", [table.name])
        guard !rows.isEmpty else {
            let known = try listTables(schema: nil).map(\.name)
            throw IngestError(.notFound, "table '\(table.name)' does not exist in \(displayName) (tables: \(known.joined(separator: ", ")))")
        }
        return SourceTableSchema(rows.map { row in
            let declared = row[1] ?? ""
            return SourceColumn(
                name: row[0] ?? "",
                sourceType: declared.isEmpty ? "(none)" : declared,
                type: SQLiteTypeMapping.type(declared: declared),
                sourceNullable: row[2] != "1"
            )
        })
    }

    public func open(_ request: ExtractRequest) throws(IngestError) -> any SourceCursor {
        try SQLiteCursor(path: path, request: request)
    }
}
