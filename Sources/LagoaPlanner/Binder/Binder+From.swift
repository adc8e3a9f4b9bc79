import LagoaColumnar
import LagoaFunctions
import LagoaSQL
import LagoaCore

extension Binder {
    /// A bound FROM item: its plan and the scope entries it contributes.
    struct BoundRelation {
        var plan: LogicalPlan
        var entries: [Scope.Entry]
    }

    /// Binds a FROM list (comma-separated items are cross joins); `nil` for no FROM.
    func bindFrom(_ items: [TableReference], outer: Scope?) async throws -> BoundRelation? {
        var result: BoundRelation? = nil
        for item in items {
            let next = try await bindTableReference(item, outer: outer)
            if let left = result {
                result = BoundRelation(plan: .join(Join(left: left.plan, right: next.plan, kind: .cross)), entries: left.entries + next.entries)
            } else {
                result = next
            }
        }
        return result
    }

    func bindTableReference(_ reference: TableReference, outer: Scope?) async throws -> BoundRelation {
        switch reference.kind {
        case .table(let table):
            return try await bindTable(table, span: reference.span, outer: outer)
        case .function(let call, let alias):
            var arguments: [Value] = []
            var named: [String: Value] = [:]
            for argument in call.arguments {
                let value = try await constantValue(argument.value, clause: "table function arguments")
                if let name = argument.name { named[name.value] = value } else { arguments.append(value) }
            }
            let name = call.name.description
            guard let source = try await catalog.tableFunction(name, arguments: arguments, named: named) else {
                throw PlannerError(.unknownFunction, "table function \"\(name)\" does not exist", span: reference.span.range)
            }
            return try aliased(scanAll(source, relation: alias?.name.value ?? call.name.name.value), alias: alias, span: reference.span)
        case .path(let path, let alias):
            guard let source = try await catalog.tableFunction("read_auto", arguments: [.string(path)], named: [:]) else {
                throw PlannerError(.unknownTable, "cannot read \"\(path)\": no table function reads files here", span: reference.span.range)
            }
            return try aliased(scanAll(source, relation: alias?.name.value ?? path), alias: alias, span: reference.span)
        case .subquery(let query, let alias):
            let bound = try await bindQuery(query, outer: outer)
            let relation = alias?.name.value
            let relationValue = BoundRelation(plan: bound.plan, entries: Scope.entries(of: bound.plan.output, relation: relation, names: bound.names))
            return try aliased(relationValue, alias: alias, span: reference.span)
        case .join(let join):
            return try await bindJoin(join, span: reference.span, outer: outer)
        case .nested(let inner, let alias):
            var bound = try await bindTableReference(inner, outer: outer)
            if let alias {
                for i in bound.entries.indices { bound.entries[i].relation = alias.name.value }
                bound = try aliased(bound, alias: alias, span: reference.span)
            }
            return bound
        }
    }

    private func scanAll(_ source: any TableSource, relation: String) -> BoundRelation {
        let fields = source.schema.fields
        let output = fields.map { ids.make($0.name, $0.type, nullable: $0.nullable, relation: relation) }
        let scan = Scan(source: source, columns: Array(fields.indices), output: output)
        return BoundRelation(plan: .scan(scan), entries: Scope.entries(of: output, relation: relation))
    }

    /// Applies `AS alias(c1, c2, …)`: renames the relation and, with a column list, the columns.
    private func aliased(_ relation: BoundRelation, alias: TableAlias?, span: SourceSpan) throws -> BoundRelation {
        guard let alias else { return relation }
        var result = relation
        for i in result.entries.indices { result.entries[i].relation = alias.name.value }
        guard !alias.columns.isEmpty else { return result }
        guard alias.columns.count <= result.entries.count else {
            throw PlannerError(.invalidStatement, "\"\(alias.name.value)\" has \(result.entries.count) columns but \(alias.columns.count) column aliases were given", span: span.range)
        }
        let visible = result.entries.indices.filter { !result.entries[$0].mergedAway }
        for (k, name) in alias.columns.enumerated() where k < visible.count {
            result.entries[visible[k]].name = name.value
        }
        // Rename the columns themselves so headers and EXPLAIN show the aliases.
        let renamed = result.plan.output.map { column -> ColumnRef in
            if let entry = result.entries.first(where: { $0.column.id == column.id }), entry.name != column.name {
                return ids.make(entry.name, column.type, nullable: column.nullable, relation: alias.name.value)
            }
            return column
        }
        if renamed.map(\.id) != result.plan.output.map(\.id) {
            let old = result.plan.output
            result.plan = .project(Project(input: result.plan, expressions: old.map { .column($0) }, output: renamed))
            var byID: [Int: ColumnRef] = [:]
            for (o, n) in zip(old, renamed) { byID[o.id] = n }
            for i in result.entries.indices { result.entries[i].column = byID[result.entries[i].column.id] ?? result.entries[i].column }
        }
        return result
    }

    private func bindTable(_ table: TableName, span: SourceSpan, outer: Scope?) async throws -> BoundRelation {
        let parts = table.name.parts.map(\.value)
        let relationName = table.alias?.name.value ?? parts[parts.count - 1]
        // CTEs shadow catalog tables (one-part names only).
        if parts.count == 1, table.timeTravel == nil, table.branch == nil, !ctesInProgress.contains(parts[0]),
            let cte = lookupCTE(parts[0])
        {
            // Each reference binds the CTE afresh, so every use has its own column ids.
            ctesInProgress.insert(parts[0])
            defer { ctesInProgress.remove(parts[0]) }
            let bound = try await bindQuery(cte.query, outer: nil)
            var relation = BoundRelation(plan: bound.plan, entries: Scope.entries(of: bound.plan.output, relation: relationName, names: bound.names))
            if !cte.columns.isEmpty {
                relation = try aliased(relation, alias: TableAlias(name: Identifier(relationName), columns: cte.columns), span: span)
            }
            return try aliased(relation, alias: table.alias, span: span)
        }
        var timeTravel: TimeTravel? = nil
        if let branch = table.branch { timeTravel = .ref(branch.value) }
        switch table.timeTravel {
        case .version(let e)?:
            timeTravel = .version(Int64(try await constantInteger(e, clause: "FOR VERSION AS OF")))
        case .timestamp(let e)?:
            switch try await constantValue(e, clause: "FOR TIMESTAMP AS OF") {
            case .string(let s): timeTravel = .timestamp(s)
            case .timestamp(let v, let unit, _): timeTravel = .timestampMillis(v / (unit.perSecond / 1000))
            case .date(let d): timeTravel = .timestampMillis(Int64(d) * 86_400_000)
            case .int(let v): timeTravel = .timestampMillis(v)
            default:
                throw PlannerError(.invalidStatement, "FOR TIMESTAMP AS OF needs a timestamp", span: span.range)
            }
        case nil: break
        }
        if let resolved = try await catalog.resolveTable(parts, timeTravel: timeTravel) {
            return try aliased(scanAll(resolved.source, relation: relationName), alias: table.alias, span: span)
        }
        if timeTravel == nil, let view = try await catalog.view(parts) {
            return try await bindView(view, relationName: relationName, alias: table.alias, span: span)
        }
        let written = table.name.description
        let candidates = await catalog.tableNames().map { name in name.suffix(parts.count).joined(separator: ".") }
            + cteStack.flatMap(\.keys)
        throw PlannerError(
            .unknownTable,
            "table \"\(written)\" does not exist" + Suggestions.didYouMean(written, among: candidates),
            span: table.name.span.range
        )
    }

    private func bindView(_ view: ViewDefinition, relationName: String, alias: TableAlias?, span: SourceSpan) async throws -> BoundRelation {
        let key = view.canonicalName.joined(separator: ".")
        guard let parseView else {
            throw PlannerError(.unsupported, "view \"\(key)\" cannot be expanded: this binder has no SQL parser", span: span.range)
        }
        guard !expandingViews.contains(key) else {
            throw PlannerError(.invalidStatement, "view \"\(key)\" refers to itself", span: span.range)
        }
        expandingViews.insert(key)
        defer { expandingViews.remove(key) }
        let query: Query
        do {
            query = try parseView(view.sql)
        } catch {
            throw PlannerError(.invalidStatement, "view \"\(key)\" has a definition that no longer parses", span: span.range, cause: error)
        }
        let savedStack = cteStack
        cteStack = []
        defer { cteStack = savedStack }
        let bound = try await bindQuery(query, outer: nil)
        var relation = BoundRelation(plan: bound.plan, entries: Scope.entries(of: bound.plan.output, relation: relationName, names: bound.names))
        if !view.columnNames.isEmpty {
            relation = try aliased(relation, alias: TableAlias(name: Identifier(relationName), columns: view.columnNames.map { Identifier($0) }), span: span)
        }
        return try aliased(relation, alias: alias, span: span)
    }

    private func lookupCTE(_ name: String) -> CommonTableExpression? {
        for frame in cteStack.reversed() { if let cte = frame[name] { return cte } }
        return nil
    }

    /// The value of a constant expression (table function arguments, time travel).
    func constantValue(_ expression: Expression, clause: String) async throws -> Value {
        let bound = try await bindExpression(expression, ExpressionContext(scope: Scope(), clause: clause))
        let folded = FoldConstants().fold(bound, registry: registry)
        guard let value = folded.literalValue else {
            throw PlannerError(.invalidStatement, "\(clause) must be constants, not \(text(of: expression, bound: bound))", span: expression.span.range)
        }
        return value
    }

    // MARK: Joins

    private func bindJoin(_ join: LagoaSQL.Join, span: SourceSpan, outer: Scope?) async throws -> BoundRelation {
        let left = try await bindTableReference(join.left, outer: outer)
        let right = try await bindTableReference(join.right, outer: outer)
        let kind: JoinKind = switch join.kind {
        case .inner: .inner
        case .left: .left
        case .right: .right
        case .full: .full
        case .cross: .cross
        }
        var entries = left.entries + right.entries
        var condition: Expr? = nil
        var usingNames: [String] = []
        if join.natural {
            let leftNames = Set(left.entries.filter { !$0.mergedAway }.map(\.name))
            usingNames = right.entries.filter { !$0.mergedAway && leftNames.contains($0.name) }.map(\.name)
        } else if case .using(let names)? = join.condition {
            usingNames = names.map(\.value)
        }
        var plan: LogicalPlan
        if !usingNames.isEmpty || join.natural {
            var conjuncts: [Expr] = []
            var merged: [(Scope.Entry, Scope.Entry)] = []
            for name in usingNames {
                let l = left.entries.filter { $0.name == name && !$0.mergedAway }
                let r = right.entries.filter { $0.name == name && !$0.mergedAway }
                guard l.count == 1, r.count == 1 else {
                    throw PlannerError(.unknownColumn, "column \"\(name)\" named in USING must appear exactly once on each side of the join", span: span.range)
                }
                conjuncts.append(try bindComparison(.equal, .column(l[0].column), .column(r[0].column), span: span))
                merged.append((l[0], r[0]))
            }
            condition = Expr.conjunction(conjuncts)
            plan = .join(Join(left: left.plan, right: right.plan, kind: conjuncts.isEmpty ? .cross : (kind == .cross ? .inner : kind), filter: condition))
            // PostgreSQL semantics: one visible column per USING name (the right one for RIGHT,
            // COALESCE of both for FULL), listed first.
            var mergedEntries: [Scope.Entry] = []
            var projections: [(Expr, ColumnRef)] = []
            for (l, r) in merged {
                switch kind {
                case .full:
                    let c = ids.make(l.name, l.column.type, relation: nil)
                    let value = Expr.caseWhen(
                        branches: [Expr.CaseBranch(condition: .isNull(.column(l.column), negated: false), value: castIfNeeded(.column(r.column), to: l.column.type))],
                        elseValue: .column(l.column), type: l.column.type)
                    projections.append((value, c))
                    mergedEntries.append(Scope.Entry(relation: nil, name: l.name, column: c))
                case .right:
                    mergedEntries.append(Scope.Entry(relation: nil, name: r.name, column: r.column))
                default:
                    mergedEntries.append(Scope.Entry(relation: nil, name: l.name, column: l.column))
                }
            }
            if !projections.isEmpty {
                let passthrough = plan.output
                plan = .project(Project(input: plan, expressions: passthrough.map { .column($0) } + projections.map(\.0), output: passthrough + projections.map(\.1)))
            }
            let mergedIDs = Set(merged.flatMap { [$0.0.column.id, $0.1.column.id] })
            var rest = entries
            for i in rest.indices where mergedIDs.contains(rest[i].column.id) { rest[i].mergedAway = true }
            entries = mergedEntries + rest
            return BoundRelation(plan: plan, entries: entries)
        }
        if case .on(let on)? = join.condition {
            let scope = Scope(entries, parent: outer)
            let predicate = try await bindExpression(on, ExpressionContext(scope: scope, clause: "JOIN ON"))
            try requireBoolean(predicate, on, clause: "JOIN ON")
            condition = predicate
        }
        let effectiveKind: JoinKind = kind == .cross && condition != nil ? .inner : kind
        plan = .join(Join(left: left.plan, right: right.plan, kind: condition == nil && kind == .inner ? .cross : effectiveKind, filter: condition))
        return BoundRelation(plan: plan, entries: entries)
    }

    func requireBoolean(_ predicate: Expr, _ expression: Expression, clause: String) throws {
        guard predicate.type == .boolean || predicate.isNullLiteral else {
            throw PlannerError(.typeMismatch, "argument of \(clause) must be boolean, not \(predicate.type): \(text(of: expression, bound: predicate))", span: expression.span.range)
        }
    }
}
