import LagoaColumnar
import LagoaFunctions
public import LagoaSQL
import LagoaCore

extension Binder {
    /// Binds any statement LagoaSQL parses.
    /// - Throws: ``PlannerError`` for unknown tables and columns, type errors and invalid statements.
    public func bind(_ statement: Statement) async throws -> BoundStatement {
        switch statement {
        case .query(let query):
            let bound = try await bindQuery(query, outer: nil)
            return .query(bound.plan, names: bound.names)
        case .explain(let analyze, let inner):
            return .explain(analyze: analyze, try await bind(inner))
        case .createTable(let create):
            return .createTable(try await bindCreateTable(create))
        case .createView(let view):
            _ = try await bindQuery(view.query, outer: nil)
            return .createView(
                name: view.name.parts.map(\.value), sql: sourceText(view.query.span) ?? "", columns: view.columns.map(\.value),
                orReplace: view.orReplace, ifNotExists: view.ifNotExists)
        case .createSchema(let name, let ifNotExists):
            return .createSchema(name: name.parts.map(\.value), ifNotExists: ifNotExists)
        case .insert(let insert):
            return .insert(try await bindInsert(insert))
        case .delete(let delete):
            return .delete(try await bindDelete(delete))
        case .update(let update):
            return .update(try await bindUpdate(update))
        case .merge(let merge):
            return .merge(try await bindMerge(merge))
        case .drop(let drop):
            let kind: DropPlan.Kind = switch drop.kind {
            case .table: .table
            case .view: .view
            case .schema: .schema
            }
            return .drop(DropPlan(kind: kind, name: drop.name.parts.map(\.value), ifExists: drop.ifExists, purge: drop.purge))
        case .alterTable(let alter):
            let action: AlterTablePlan.Action
            switch alter.action {
            case .addColumn(let definition):
                action = .addColumn(Field(definition.name.value, try dataType(definition.type), nullable: !definition.notNull))
            case .renameColumn(let from, let to): action = .renameColumn(from: from.value, to: to.value)
            case .dropColumn(let name): action = .dropColumn(name.value)
            case .renameTable(let to): action = .renameTable(to: to.parts.map(\.value))
            }
            return .alterTable(AlterTablePlan(name: alter.name.parts.map(\.value), ifExists: alter.ifExists, action: action))
        case .showTables(let namespace):
            return .showTables(namespace: namespace.map { $0.parts.map(\.value) })
        case .showSchemas:
            return .showSchemas
        case .describeTable(let name):
            let relation = try await bindTableReference(TableReference(.table(TableName(name: name)), span: name.span), outer: nil)
            let fields = relation.entries.filter { !$0.mergedAway }.map { Field($0.name, $0.column.type, nullable: $0.column.nullable) }
            return .describe(name: name.parts.map(\.value), schema: Schema(fields))
        case .describeQuery(let query):
            let bound = try await bindQuery(query, outer: nil)
            return .describe(name: nil, schema: Schema(zip(bound.names, bound.plan.output).map { Field($0, $1.type, nullable: $1.nullable) }))
        case .use(let name):
            return .use(namespace: name.parts.map(\.value))
        case .set(let name, let value):
            return .set(name: name.description, value: try await constantValue(value, clause: "SET"))
        }
    }

    /// The statement text under `span`, when the binder has the text.
    func sourceText(_ span: SourceSpan) -> String? {
        guard let sql, span.end > span.start, span.end <= sql.utf8.count else { return nil }
        return String(validating: Array(sql.utf8)[span.start..<span.end], as: UTF8.self)
    }

    // MARK: DDL and DML

    private func bindCreateTable(_ create: CreateTable) async throws -> CreateTablePlan {
        var fields = try create.columns.map { Field($0.name.value, try dataType($0.type), nullable: !$0.notNull) }
        var plan: LogicalPlan? = nil
        if let query = create.asQuery {
            let bound = try await bindQuery(query, outer: nil)
            if fields.isEmpty {
                fields = zip(bound.names, bound.plan.output).map { Field($0, $1.type) }
                let renamed = zip(bound.names, bound.plan.output).map { ids.make($0, $1.type) }
                plan = .project(Project(input: bound.plan, expressions: bound.plan.output.map { .column($0) }, output: renamed))
            } else {
                guard fields.count == bound.plan.output.count else {
                    throw PlannerError(.invalidStatement, "CREATE TABLE lists \(fields.count) columns but its query returns \(bound.plan.output.count)", span: create.name.span.range)
                }
                plan = try castForWrite(bound.plan, to: fields, table: create.name.description)
            }
        }
        let partitions = create.partitionBy.map { sourceText($0.span) ?? partitionText($0) }
        return CreateTablePlan(name: create.name.parts.map(\.value), fields: fields, partitionSpec: partitions, ifNotExists: create.ifNotExists, orReplace: create.orReplace, asQuery: plan)
    }

    private func partitionText(_ e: Expression) -> String {
        switch e.kind {
        case .column(let name): return name.description
        case .function(let call):
            let args = call.arguments.map { partitionText($0.value) }.joined(separator: ", ")
            return "\(call.name.description)(\(args))"
        case .literal(.integer(let v)): return v
        default: return "?"
        }
    }

    /// A projection casting `plan`'s columns to `fields` (positionally), named like them.
    private func castForWrite(_ plan: LogicalPlan, to fields: [Field], table: String) throws -> LogicalPlan {
        let output = plan.output
        var exprs: [Expr] = []
        for (column, field) in zip(output, fields) {
            guard column.type == field.type || Cast.canCast(from: column.type, to: field.type) else {
                throw PlannerError(.typeMismatch, "column \"\(field.name)\" of \(table) has type \(field.type), but the value has type \(column.type); add a CAST")
            }
            exprs.append(castIfNeeded(.column(column), to: field.type))
        }
        return .project(Project(input: plan, expressions: exprs, output: fields.map { ids.make($0.name, $0.type, nullable: $0.nullable) }))
    }

    /// A catalog table (not a view or CTE), or an unknown-table error with suggestions.
    func resolveWritableTable(_ name: QualifiedName) async throws -> ResolvedTable {
        let parts = name.parts.map(\.value)
        if let table = try await catalog.resolveTable(parts, timeTravel: nil) { return table }
        let candidates = await catalog.tableNames().map { $0.suffix(parts.count).joined(separator: ".") }
        throw PlannerError(.unknownTable, "table \"\(name.description)\" does not exist" + Suggestions.didYouMean(name.description, among: candidates), span: name.span.range)
    }

    private func tableScan(_ table: ResolvedTable, relation: String) -> (LogicalPlan, [Scope.Entry]) {
        let fields = table.source.schema.fields
        let output = fields.map { ids.make($0.name, $0.type, nullable: $0.nullable, relation: relation) }
        return (.scan(Scan(source: table.source, columns: Array(fields.indices), output: output)), Scope.entries(of: output, relation: relation))
    }

    private func columnIndex(_ name: Identifier, in table: ResolvedTable) throws -> Int {
        let fields = table.source.schema.fields
        guard let i = fields.firstIndex(where: { $0.name == name.value }) else {
            throw PlannerError(
                .unknownColumn,
                "column \"\(name.value)\" of table \"\(table.canonicalName.joined(separator: "."))\" does not exist" + Suggestions.didYouMean(name.value, among: fields.map(\.name)),
                span: name.span.range)
        }
        return i
    }

    private func bindInsert(_ insert: Insert) async throws -> InsertPlan {
        let table = try await resolveWritableTable(insert.table)
        let fields = table.source.schema.fields
        let bound = try await bindQuery(insert.source, outer: nil)
        let targets = try insert.columns.isEmpty ? Array(fields.indices) : insert.columns.map { try columnIndex($0, in: table) }
        guard Set(targets).count == targets.count else {
            throw PlannerError(.invalidStatement, "INSERT lists a column more than once", span: insert.table.span.range)
        }
        let output = bound.plan.output
        guard output.count == targets.count else {
            throw PlannerError(
                .invalidStatement,
                "INSERT into \(insert.table.description) expects \(targets.count) values per row, but the query returns \(output.count)",
                span: insert.table.span.range)
        }
        var exprs: [Expr] = []
        for (i, field) in fields.enumerated() {
            if let k = targets.firstIndex(of: i) {
                let column = output[k]
                guard column.type == field.type || Cast.canCast(from: column.type, to: field.type) else {
                    throw PlannerError(.typeMismatch, "column \"\(field.name)\" has type \(field.type), but the inserted value has type \(column.type); add a CAST", span: insert.table.span.range)
                }
                exprs.append(castIfNeeded(.column(column), to: field.type))
            } else {
                exprs.append(.literal(.null, field.type))
            }
        }
        let plan = LogicalPlan.project(Project(input: bound.plan, expressions: exprs, output: fields.map { ids.make($0.name, $0.type, nullable: $0.nullable) }))
        return InsertPlan(table: table, source: plan)
    }

    private func bindDelete(_ delete: Delete) async throws -> DeletePlan {
        let table = try await resolveWritableTable(delete.table)
        let (scan, entries) = tableScan(table, relation: delete.alias?.value ?? delete.table.name.value)
        var predicate: Expr? = nil
        if let w = delete.whereClause {
            let bound = try await bindExpression(w, ExpressionContext(scope: Scope(entries), clause: "WHERE"))
            try requireBoolean(bound, w, clause: "WHERE")
            predicate = bound
        }
        return DeletePlan(table: table, scan: scan, predicate: predicate)
    }

    private func bindUpdate(_ update: Update) async throws -> UpdatePlan {
        let table = try await resolveWritableTable(update.table)
        let (scan, targetEntries) = tableScan(table, relation: update.alias?.value ?? update.table.name.value)
        var plan = scan
        var entries = targetEntries
        if let from = try await bindFrom(update.from, outer: nil) {
            plan = .join(Join(left: plan, right: from.plan, kind: .cross))
            entries += from.entries
        }
        let scope = Scope(entries)
        if let w = update.whereClause {
            let bound = try await bindExpression(w, ExpressionContext(scope: scope, clause: "WHERE"))
            try requireBoolean(bound, w, clause: "WHERE")
            plan = .filter(Filter(input: plan, predicate: bound))
        }
        let assignments = try await bindAssignments(update.assignments, table: table, scope: scope)
        return UpdatePlan(table: table, rows: plan, tableColumns: targetEntries.map(\.column), assignments: assignments)
    }

    private func bindAssignments(_ assignments: [Assignment], table: ResolvedTable, scope: Scope) async throws -> [(column: Int, value: Expr)] {
        let fields = table.source.schema.fields
        var result: [(column: Int, value: Expr)] = []
        for assignment in assignments {
            let i = try columnIndex(assignment.column, in: table)
            let value = try await bindExpression(assignment.value, ExpressionContext(scope: scope, clause: "SET"))
            guard value.type == fields[i].type || value.isNullLiteral || Cast.canCast(from: value.type, to: fields[i].type) else {
                throw PlannerError(
                    .typeMismatch, "column \"\(fields[i].name)\" has type \(fields[i].type), but \(text(of: assignment.value)) has type \(value.type); add a CAST",
                    span: assignment.value.span.range)
            }
            result.append((i, castIfNeeded(value, to: fields[i].type)))
        }
        return result
    }

    private func bindMerge(_ merge: Merge) async throws -> MergePlan {
        let table = try await resolveWritableTable(merge.target)
        let (targetScan, targetEntries) = tableScan(table, relation: merge.targetAlias?.value ?? merge.target.name.value)
        let source = try await bindTableReference(merge.source, outer: nil)
        let targetMarker = ids.make("__target_row", .boolean)
        let sourceMarker = ids.make("__source_row", .boolean)
        let target = LogicalPlan.project(Project(
            input: targetScan, expressions: targetScan.output.map { .column($0) } + [Expr.trueLiteral], output: targetScan.output + [targetMarker]))
        let sourcePlan = LogicalPlan.project(Project(
            input: source.plan, expressions: source.plan.output.map { .column($0) } + [Expr.trueLiteral], output: source.plan.output + [sourceMarker]))
        let scope = Scope(targetEntries + source.entries)
        let condition = try await bindExpression(merge.on, ExpressionContext(scope: scope, clause: "MERGE ON"))
        try requireBoolean(condition, merge.on, clause: "MERGE ON")
        let fields = table.source.schema.fields
        var clauses: [MergeClausePlan] = []
        for clause in merge.clauses {
            var when: Expr? = nil
            if let c = clause.condition {
                let bound = try await bindExpression(c, ExpressionContext(scope: scope, clause: "MERGE WHEN"))
                try requireBoolean(bound, c, clause: "WHEN")
                when = bound
            }
            let action: MergeClausePlan.Action
            switch clause.action {
            case .delete:
                action = .delete
            case .update(let assignments):
                action = .update(try await bindAssignments(assignments, table: table, scope: scope))
            case .insert(let columns, let values):
                let targets = try columns.isEmpty ? Array(fields.indices) : columns.map { try columnIndex($0, in: table) }
                guard targets.count == values.count else {
                    throw PlannerError(.invalidStatement, "MERGE INSERT names \(targets.count) columns but gives \(values.count) values", span: merge.target.span.range)
                }
                var row: [Expr] = fields.map { .literal(.null, $0.type) }
                for (i, value) in zip(targets, values) {
                    let bound = try await bindExpression(value, ExpressionContext(scope: Scope(source.entries), clause: "MERGE INSERT"))
                    row[i] = castIfNeeded(bound, to: fields[i].type)
                }
                action = .insert(row)
            }
            clauses.append(MergeClausePlan(matched: clause.matched, condition: when, action: action))
        }
        let inserts = merge.clauses.contains { !$0.matched }
        let joined = LogicalPlan.join(Join(left: target, right: sourcePlan, kind: inserts ? .right : .inner, filter: condition))
        return MergePlan(
            table: table, targetColumns: targetEntries.map(\.column), sourceColumns: source.plan.output, joined: joined, condition: condition,
            targetPresent: .column(targetMarker), sourcePresent: .column(sourceMarker), clauses: clauses)
    }
}
