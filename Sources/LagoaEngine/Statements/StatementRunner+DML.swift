import LagoaColumnar
import LagoaIceberg
import LagoaPlanner
import LagoaSQL

/// INSERT, DELETE, UPDATE and MERGE on Iceberg tables.
///
/// DELETE, UPDATE and MERGE compute the table's new contents with a query over one pinned snapshot
/// and commit them as one `overwrite` snapshot based on that snapshot, so a concurrent change to the
/// table fails the commit with a conflict instead of being lost. (Rewriting only the affected files
/// is the next step; today every data file is rewritten.)
extension StatementRunner {
    /// The table a DML statement changes, pinned at its current snapshot.
    struct Target {
        var table: Table
        var schema: Schema
        /// `t FOR VERSION AS OF n` (or just `t` for a table without snapshots), quoted.
        var pinnedReference: String
        var names: [String]
    }

    func target(_ name: QualifiedName) async throws -> Target {
        let identifier = try TableNames.identifier(name.parts.map(\.value), defaultNamespace: namespace)
        let table: Table
        do {
            table = try await catalog.loadTable(identifier)
        } catch {
            guard error.code == .notFound else { throw error }
            throw try await unknownTable(name)
        }
        let quoted = (identifier.namespace.levels + [identifier.name]).map(Self.quote).joined(separator: ".")
        let snapshot = try table.snapshot(.current)
        let reference = snapshot.map { "\(quoted) FOR VERSION AS OF \($0.snapshotID)" } ?? quoted
        let schema = table.schema.arrowSchema
        return Target(table: table, schema: schema, pinnedReference: reference, names: schema.fields.map(\.name))
    }

    static func quote(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Runs SQL text built by the engine against the same session.
    func runInternal(_ text: String) async throws -> QueryRows {
        guard case .query(let query) = try Parser.parseStatement(text) else {
            throw EngineError(.invalidInput, "internal statement is not a query: \(text)")
        }
        let runner = StatementRunner(session: session, sql: text, context: context)
        return try await runner.runQuery(query)
    }

    func count(_ text: String) async throws -> Int {
        let rows = try await runInternal(text)
        guard let batch = rows.batches.first, batch.rowCount > 0, case .int(let n) = batch.columns[0].value(at: 0) else { return 0 }
        return Int(n)
    }

    /// Replaces the target's rows with `rows` in one overwrite snapshot based on the pinned snapshot.
    func replaceContents(_ target: Target, with rows: QueryRows, keep columns: Int) async throws {
        let batches = try rows.batches.map { batch in
            try RowConformer.conform(batch.project(Array(0..<columns)), to: target.schema, names: target.names)
        }
        _ = try await target.table.overwrite(BatchList(batches), filter: .alwaysTrue, requireFilterMatch: false)
    }

    /// `INSERT INTO t [(cols)] query`.
    func insert(_ insert: Insert) async throws -> QueryResult {
        let target = try await target(insert.table)
        let rows = try await runQuery(insert.source)
        let positions: [Int?]
        if insert.columns.isEmpty {
            guard rows.schema.fields.count == target.schema.fields.count else {
                throw EngineError(.invalidInput, "INSERT INTO \(insert.table) gives \(rows.schema.fields.count) values per row but the table has \(target.schema.fields.count) columns (\(target.names.joined(separator: ", "))); name the columns: INSERT INTO \(insert.table) (a, b) …")
            }
            positions = Array(0..<target.schema.fields.count)
        } else {
            guard insert.columns.count == rows.schema.fields.count else {
                throw EngineError(.invalidInput, "INSERT INTO \(insert.table) names \(insert.columns.count) columns but gives \(rows.schema.fields.count) values per row")
            }
            for column in insert.columns where !target.names.contains(column.value) {
                throw EngineError(.invalidInput, "table \(insert.table) has no column \"\(column.value)\"; its columns are \(target.names.joined(separator: ", "))")
            }
            positions = target.names.map { name in insert.columns.firstIndex { $0.value == name } }
        }
        let batches = try rows.batches.map { batch in
            let columns = zip(positions, target.schema.fields).map { position, field in
                position.map { batch.columns[$0] } ?? RowConformer.nulls(field.type, count: batch.rowCount)
            }
            let shaped = RecordBatch(schema: Schema(zip(columns, target.schema.fields).map { Field($1.name, $0.type) }), columns: columns, rowCount: batch.rowCount)
            return try RowConformer.conform(shaped, to: target.schema, names: target.names)
        }
        let count = batches.reduce(0) { $0 + $1.rowCount }
        if count > 0 { _ = try await target.table.append(BatchList(batches)) }
        return .status("INSERT 0 \(count)", rows: count)
    }

    /// `DELETE FROM t [WHERE p]`: rows where `p` is true go; NULL keeps the row.
    func delete(_ delete: Delete) async throws -> QueryResult {
        let target = try await target(delete.table)
        let alias = delete.alias.map { " AS " + Self.quote($0.value) } ?? ""
        let predicate = delete.whereClause.map { "(" + text($0.span) + ")" } ?? "true"
        let from = "FROM \(target.pinnedReference)\(alias)"
        let deleted = try await count("SELECT count(*) \(from) WHERE \(predicate)")
        guard deleted > 0 else { return .status("DELETE 0") }
        let kept = try await runInternal("SELECT * \(from) WHERE NOT (CASE WHEN \(predicate) THEN true ELSE false END)")
        try await replaceContents(target, with: kept, keep: target.schema.fields.count)
        return .status("DELETE \(deleted)", rows: deleted)
    }

    /// `UPDATE t SET c = e, … [FROM s] [WHERE p]`. With FROM it runs as `MERGE INTO t USING s ON p
    /// WHEN MATCHED THEN UPDATE SET …`, so a target row matching several rows of `s` is refused
    /// (PostgreSQL would pick one arbitrarily).
    func update(_ update: Update) async throws -> QueryResult {
        if !update.from.isEmpty {
            guard update.from.count == 1 else {
                throw EngineError(.unsupported, "UPDATE … FROM takes one table or subquery; join several inside a subquery: FROM (SELECT … FROM a JOIN b ON …) AS s")
            }
            guard let condition = update.whereClause else {
                throw EngineError(.invalidInput, "UPDATE … FROM needs a WHERE clause relating the rows of \(update.table) to those of the FROM item")
            }
            let merge = Merge(
                target: update.table, targetAlias: update.alias, source: update.from[0], on: condition,
                clauses: [MergeClause(matched: true, action: .update(update.assignments))])
            let result = try await self.merge(merge, statement: "UPDATE … FROM", condition: "WHERE")
            return .status("UPDATE \(result.rowCount)", rows: result.rowCount)
        }
        let target = try await target(update.table)
        for assignment in update.assignments where !target.names.contains(assignment.column.value) {
            throw EngineError(.invalidInput, "table \(update.table) has no column \"\(assignment.column.value)\"; its columns are \(target.names.joined(separator: ", "))")
        }
        let alias = update.alias.map { " AS " + Self.quote($0.value) } ?? ""
        let predicate = update.whereClause.map { "(CASE WHEN (" + text($0.span) + ") THEN true ELSE false END)" } ?? "true"
        let from = "FROM \(target.pinnedReference)\(alias)"
        let changed = try await count("SELECT count(*) \(from) WHERE \(predicate)")
        guard changed > 0 else { return .status("UPDATE 0") }
        let select = target.names.map { name -> String in
            if let assignment = update.assignments.last(where: { $0.column.value == name }) {
                return "CASE WHEN \(predicate) THEN (\(text(assignment.value.span))) ELSE \(Self.quote(name)) END"
            }
            return Self.quote(name)
        }
        let rows = try await runInternal("SELECT \(select.joined(separator: ", ")) \(from)")
        try await replaceContents(target, with: rows, keep: target.schema.fields.count)
        return .status("UPDATE \(changed)", rows: changed)
    }
}
