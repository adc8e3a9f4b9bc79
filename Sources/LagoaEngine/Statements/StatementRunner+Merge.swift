import LagoaColumnar
import LagoaIceberg
import LagoaSQL

/// `MERGE INTO target USING source ON cond WHEN [NOT] MATCHED [AND c] THEN …`, as incremental
/// models need. The first clause whose condition holds decides a row's fate, as in SQL:2008.
extension StatementRunner {
    /// - Parameters:
    ///   - statement, condition: how error messages name the statement and its match condition
    ///     (`UPDATE … FROM` runs as a MERGE).
    func merge(_ merge: Merge, statement: String = "MERGE", condition conditionName: String = "ON") async throws -> QueryResult {
        let target = try await target(merge.target)
        let targetAlias = Self.quote(merge.targetAlias?.value ?? merge.target.parts.last!.value)
        let sourceAlias: String
        switch merge.source.kind {
        case .table(let table): sourceAlias = Self.quote(table.alias?.name.value ?? table.name.parts.last!.value)
        case .subquery(_, let alias?), .function(_, let alias?), .path(_, let alias?), .nested(_, let alias?): sourceAlias = Self.quote(alias.name.value)
        default: throw EngineError(.invalidInput, "MERGE … USING needs a table or an aliased subquery: USING (SELECT …) AS s")
        }
        for clause in merge.clauses {
            guard case .update(let assignments) = clause.action else { continue }
            for assignment in assignments where !target.names.contains(assignment.column.value) {
                throw EngineError(.invalidInput, "table \(merge.target) has no column \"\(assignment.column.value)\"; its columns are \(target.names.joined(separator: ", "))")
            }
        }
        let sourceText = text(merge.source.span)
        let on = "(" + text(merge.on.span) + ")"
        let matchedClauses = merge.clauses.filter(\.matched)
        let insertClauses = merge.clauses.filter { !$0.matched }
        let columns = target.names.map(Self.quote)

        // A target row may match at most one source row.
        if !matchedClauses.isEmpty {
            let duplicates = try await count(
                """
                WITH \(targetAlias) AS (SELECT *, row_number() OVER () AS __lagoa_row FROM \(target.pinnedReference))
                SELECT count(*) FROM (SELECT __lagoa_row FROM \(targetAlias) JOIN \(sourceText) ON \(on) GROUP BY __lagoa_row HAVING count(*) > 1) AS __lagoa_dups
                """
            )
            if duplicates > 0 {
                throw EngineError(.invalidInput, "\(statement): \(duplicates) target row(s) match more than one source row; make the \(conditionName) condition match at most one source row per target row")
            }
        }

        // Target rows: kept, updated by the first matching clause, or deleted.
        let matched = "\(sourceAlias).__lagoa_matched IS NOT NULL"
        func condition(_ clause: MergeClause) -> String {
            clause.condition.map { "\(matched) AND (CASE WHEN (\(text($0.span))) THEN true ELSE false END)" } ?? matched
        }
        var targetSelect: [String] = []
        for name in target.names {
            var cases = ""
            for clause in matchedClauses {
                var value = "\(targetAlias).\(Self.quote(name))"
                if case .update(let assignments) = clause.action, let set = assignments.last(where: { $0.column.value == name }) {
                    value = "(" + text(set.value.span) + ")"
                }
                cases += " WHEN \(condition(clause)) THEN \(value)"
            }
            let plain = "\(targetAlias).\(Self.quote(name))"
            targetSelect.append(cases.isEmpty ? "\(plain) AS \(Self.quote(name))" : "CASE\(cases) ELSE \(plain) END AS \(Self.quote(name))")
        }
        var deleteCases = ""
        var actedCases = ""
        for clause in matchedClauses {
            let isDelete = if case .delete = clause.action { true } else { false }
            deleteCases += " WHEN \(condition(clause)) THEN \(isDelete)"
            actedCases += " WHEN \(condition(clause)) THEN true"
        }
        let deleteFlag = deleteCases.isEmpty ? "false" : "CASE\(deleteCases) ELSE false END"
        let actedFlag = actedCases.isEmpty ? "false" : "CASE\(actedCases) ELSE false END"
        let targetRows = try await runInternal(
            """
            SELECT \(columns.joined(separator: ", ")), __lagoa_acted FROM (
              SELECT \(targetSelect.joined(separator: ", ")), \(deleteFlag) AS __lagoa_delete, \(actedFlag) AS __lagoa_acted
              FROM \(target.pinnedReference) AS \(targetAlias)
              LEFT JOIN (SELECT *, true AS __lagoa_matched FROM \(sourceText)) AS \(sourceAlias) ON \(on)
            ) AS __lagoa_t WHERE NOT __lagoa_delete
            """
        )
        let deletedCount = try await count(
            """
            SELECT count(*) FROM (
              SELECT \(deleteFlag) AS __lagoa_delete FROM \(target.pinnedReference) AS \(targetAlias)
              LEFT JOIN (SELECT *, true AS __lagoa_matched FROM \(sourceText)) AS \(sourceAlias) ON \(on)
            ) AS __lagoa_d WHERE __lagoa_delete
            """
        )

        // Source rows without a match: inserted by the first NOT MATCHED clause that holds.
        var insertRows = QueryRows(schema: target.schema, batches: [])
        if !insertClauses.isEmpty {
            var select: [String] = []
            for (k, name) in target.names.enumerated() {
                var cases = ""
                for clause in insertClauses {
                    guard case .insert(let names, let values) = clause.action else { continue }
                    let when = clause.condition.map { "(CASE WHEN (\(text($0.span))) THEN true ELSE false END)" } ?? "true"
                    var value = "NULL"
                    if names.isEmpty {
                        if k < values.count { value = "(" + text(values[k].span) + ")" }
                    } else if let position = names.firstIndex(where: { $0.value == name }) {
                        value = "(" + text(values[position].span) + ")"
                    }
                    cases += " WHEN \(when) THEN \(value)"
                }
                select.append("CASE\(cases) END AS \(Self.quote(name))")
            }
            let anyInsert = insertClauses.map { $0.condition.map { "(CASE WHEN (\(text($0.span))) THEN true ELSE false END)" } ?? "true" }.joined(separator: " OR ")
            insertRows = try await runInternal(
                """
                SELECT \(select.joined(separator: ", ")) FROM \(sourceText)
                WHERE NOT EXISTS (SELECT 1 FROM \(target.pinnedReference) AS \(targetAlias) WHERE \(on)) AND (\(anyInsert))
                """
            )
        }

        let width = target.schema.fields.count
        var acted = deletedCount
        for batch in targetRows.batches {
            let flags = batch.columns[width]
            for i in 0..<batch.rowCount where flags.value(at: i) == .bool(true) { acted += 1 }
        }
        let inserted = insertRows.rowCount
        guard acted + inserted > 0 else { return .status("MERGE 0") }
        let all = QueryRows(schema: targetRows.schema, batches: targetRows.batches.map { $0.project(Array(0..<width)) } + insertRows.batches)
        try await replaceContents(target, with: all, keep: width)
        return .status("MERGE \(acted + inserted)", rows: acted + inserted)
    }
}
