import LagoaColumnar
import LagoaFunctions
import LagoaSQL

extension Binder {
    /// Where an ORDER BY key comes from: a select item, or an expression projected as a hidden
    /// column and removed after the sort.
    private enum OrderSource {
        case item(Int)
        case hidden(Expr)
    }

    /// Binds `SELECT … FROM … WHERE … GROUP BY … HAVING … WINDOW … QUALIFY` plus the query's
    /// ORDER BY (which may read columns that are not selected).
    func bindSelect(_ select: Select, orderBy: [OrderByItem], outer: Scope?) async throws -> BoundQuery {
        var plan: LogicalPlan = .empty(EmptyRelation(oneRow: true))
        var entries: [Scope.Entry] = []
        if let from = try await bindFrom(select.from, outer: outer) {
            plan = from.plan
            entries = from.entries
        }
        let inputScope = Scope(entries, parent: outer)
        let inputIDs = Set(plan.output.map(\.id))

        if let whereClause = select.whereClause {
            let predicate = try await bindExpression(whereClause, ExpressionContext(scope: inputScope, clause: "WHERE"))
            try requireBoolean(predicate, whereClause, clause: "WHERE")
            plan = .filter(Filter(input: plan, predicate: castIfNeeded(predicate, to: .boolean)))
        }

        let aggregating = select.groupBy != nil
            || select.items.contains { if case .expression(let e, _) = $0 { containsAggregate(e) } else { false } }
            || select.having.map(containsAggregate) == true
            || orderBy.contains { containsAggregate($0.expression) }
        let aggregates = aggregating ? AggregateCollector(inputScope: inputScope) : nil
        var namedWindows: [String: WindowSpec] = [:]
        for w in select.windows { namedWindows[w.name.value] = w.spec }
        let windows = WindowCollector(named: namedWindows)

        // GROUP BY
        var groupBy: [Expr] = []
        var groupOutput: [ColumnRef] = []
        var groupingSets: [[Int]]? = nil
        if let clause = select.groupBy {
            (groupBy, groupingSets) = try await bindGroupBy(clause, select: select, scope: inputScope)
            groupOutput = groupBy.map { e in
                if case .column(let c) = e { return ids.make(c.name, c.type, nullable: c.nullable, relation: c.relation) }
                return ids.make(e.sqlText, e.type)
            }
        }
        aggregates?.groupBy = groupBy
        var groupKeys: [String: ColumnRef] = [:]
        for (e, c) in zip(groupBy, groupOutput) { groupKeys[String(describing: e)] = c }
        let groupify: ((Expr, Expression) throws -> Expr)? = aggregating
            ? { expr, _ in
                try expr.transformDown { x in
                    if let c = groupKeys[String(describing: x)] { return (.column(c), false) }
                    if case .column(let c) = x, inputIDs.contains(c.id) {
                        throw PlannerError(.invalidStatement, "column \"\(c.name)\" must appear in the GROUP BY clause or be used in an aggregate function")
                    }
                    return (x, true)
                }
            } : nil
        func context(_ clause: String) -> ExpressionContext {
            ExpressionContext(scope: inputScope, clause: clause, aggregates: aggregates, windows: windows, groupify: groupify)
        }
        func finish(_ e: Expr, _ source: Expression) throws -> Expr {
            guard let groupify else { return e }
            do {
                return try groupify(e, source)
            } catch var error as PlannerError {
                error.span = error.span ?? source.span.range
                throw error
            }
        }

        // SELECT list
        var items: [(expr: Expr, name: String)] = []
        var aliases: [String: Expr] = [:]
        for item in select.items {
            switch item {
            case .wildcard(let qualifier, let exclude):
                let excluded = Set(exclude.map(\.value))
                let relation = qualifier?.name.value
                let chosen = entries.filter { e in
                    !e.mergedAway && !excluded.contains(e.name) && (relation == nil || e.relation == relation)
                }
                if let relation, !entries.contains(where: { $0.relation == relation }) {
                    throw PlannerError(.unknownTable, "table \"\(relation)\" in \(relation).* is not in FROM", span: qualifier?.span.range)
                }
                if select.from.isEmpty {
                    throw PlannerError(.invalidStatement, "SELECT * needs a FROM clause")
                }
                for entry in chosen {
                    let source = Expression(.column(QualifiedName(entry.name)))
                    items.append((try finish(.column(entry.column), source), entry.name))
                }
            case .expression(let e, let alias):
                let bound = try finish(try await bindExpression(e, context("SELECT")), e)
                items.append((bound, alias?.value ?? outputName(e, bound)))
                if let alias, aliases[alias.value] == nil { aliases[alias.value] = bound }
            }
        }

        func aliasContext(_ clause: String) -> ExpressionContext {
            var ctx = context(clause)
            ctx.selectAliases = aliases
            return ctx
        }

        // HAVING
        var having: Expr? = nil
        if let h = select.having {
            guard aggregating else {
                throw PlannerError(.invalidStatement, "HAVING needs GROUP BY or an aggregate", span: h.span.range)
            }
            var ctx = aliasContext("HAVING")
            ctx.windows = nil
            let bound = try finish(try await bindExpression(h, ctx), h)
            try requireBoolean(bound, h, clause: "HAVING")
            having = bound
        }

        // QUALIFY
        var qualify: Expr? = nil
        if let q = select.qualify {
            let bound = try finish(try await bindExpression(q, aliasContext("QUALIFY")), q)
            try requireBoolean(bound, q, clause: "QUALIFY")
            qualify = bound
        }

        // ORDER BY
        var orderSources: [(OrderSource, OrderByItem)] = []
        for item in orderBy {
            orderSources.append((try await orderSource(item.expression, items: items, select: select, finish: finish, context: aliasContext("ORDER BY")), item))
        }
        var distinctOn: [OrderSource] = []
        if case .on(let exprs)? = select.distinct {
            for e in exprs { distinctOn.append(try await orderSource(e, items: items, select: select, finish: finish, context: context("DISTINCT ON"))) }
        }

        // Build: Aggregate → HAVING → Window → QUALIFY → Project.
        if aggregating {
            plan = .aggregate(Aggregate(input: plan, groupBy: groupBy, groupOutput: groupOutput, aggregates: aggregates?.calls ?? [], groupingSets: groupingSets, groupingID: aggregates?.groupingID))
        }
        if let having { plan = .filter(Filter(input: plan, predicate: having)) }
        if !windows.calls.isEmpty { plan = .window(Window(input: plan, functions: windows.calls)) }
        if let qualify { plan = .filter(Filter(input: plan, predicate: qualify)) }

        var projected = items.map(\.expr)
        var outputs = items.map { ids.make($0.name, $0.expr.type) }
        func column(for source: OrderSource) -> ColumnRef {
            switch source {
            case .item(let i): return outputs[i]
            case .hidden(let e):
                if let k = projected.indices.first(where: { $0 >= items.count && String(describing: projected[$0]) == String(describing: e) }) {
                    return outputs[k]
                }
                projected.append(e)
                outputs.append(ids.make(e.sqlText, e.type))
                return outputs[outputs.count - 1]
            }
        }
        var sortKeys = orderSources.map { source, item in
            SortKey(expr: .column(column(for: source)), ascending: item.ascending ?? true, nullsFirst: item.nullsFirst)
        }
        let distinctOnColumns = distinctOn.map(column(for:))
        plan = .project(Project(input: plan, expressions: projected, output: outputs))
        var visible = Array(outputs.prefix(items.count))

        if case .distinct? = select.distinct {
            guard projected.count == items.count else {
                throw PlannerError(.invalidStatement, "for SELECT DISTINCT, ORDER BY expressions must appear in the select list")
            }
            let distinctOutput = visible.map { ids.make($0.name, $0.type) }
            var remap: [Int: Expr] = [:]
            for (o, n) in zip(visible, distinctOutput) { remap[o.id] = .column(n) }
            plan = .aggregate(Aggregate(input: plan, groupBy: visible.map { .column($0) }, groupOutput: distinctOutput, aggregates: []))
            sortKeys = sortKeys.map { SortKey(expr: $0.expr.replacingColumns(remap), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
            visible = distinctOutput
        } else if !distinctOnColumns.isEmpty {
            let signature = (try? registry.window("row_number")?.bind([])) ?? FunctionSignature(argumentTypes: [], returnType: .int64)
            let rowNumber = ids.make("row_number()", signature.returnType)
            let call = WindowCall(
                function: "row_number", isAggregate: false, arguments: [], signature: signature,
                partitionBy: distinctOnColumns.map { .column($0) }, orderBy: sortKeys, frame: .defaultFrame(hasOrderBy: !sortKeys.isEmpty), output: rowNumber)
            plan = .window(Window(input: plan, functions: [call]))
            let one = Expr.literal(.int(1), signature.returnType)
            plan = .filter(Filter(input: plan, predicate: try bindComparison(.equal, .column(rowNumber), one, span: .synthesized)))
        }
        if !sortKeys.isEmpty { plan = .sort(Sort(input: plan, keys: sortKeys)) }
        if plan.output.map(\.id) != visible.map(\.id) {
            plan = .project(Project(input: plan, expressions: visible.map { .column($0) }, output: visible))
        }
        return BoundQuery(plan: plan, names: items.map(\.name))
    }

    /// An ORDER BY / DISTINCT ON key: an ordinal, an output alias, a select item's expression, or
    /// a new (hidden) expression.
    private func orderSource(
        _ expression: Expression, items: [(expr: Expr, name: String)], select: Select,
        finish: (Expr, Expression) throws -> Expr, context: ExpressionContext
    ) async throws -> OrderSource {
        if case .literal(.integer(let text)) = expression.kind, let n = Int(text) {
            guard n >= 1, n <= items.count else {
                throw PlannerError(.invalidStatement, "ORDER BY position \(n) is not in select list (it has \(items.count) columns)", span: expression.span.range)
            }
            return .item(n - 1)
        }
        if case .column(let name) = expression.kind, name.parts.count == 1 {
            let matches = items.indices.filter { items[$0].name == name.name.value }
            if matches.count == 1 { return .item(matches[0]) }
            if matches.count > 1 {
                // Several items share the name: fine when they are the same expression.
                let keys = Set(matches.map { String(describing: items[$0].expr) })
                if keys.count == 1 { return .item(matches[0]) }
                throw PlannerError(.ambiguousColumn, "ORDER BY \"\(name.name.value)\" is ambiguous: several select items have that name", span: expression.span.range)
            }
        }
        let bound = try finish(try await bindExpression(expression, context), expression)
        let key = String(describing: bound)
        if let i = items.indices.first(where: { String(describing: items[$0].expr) == key }) { return .item(i) }
        return .hidden(bound)
    }

    /// The header of a select item without alias: the column name, else the expression text.
    private func outputName(_ expression: Expression, _ bound: Expr) -> String {
        if case .column(let name) = expression.kind { return name.name.value }
        if case .column(let c) = bound, case .function = expression.kind { return c.name }
        let written = text(of: expression, bound: bound)
        return written
    }

    // MARK: GROUP BY

    private func bindGroupBy(_ clause: GroupBy, select: Select, scope: Scope) async throws -> ([Expr], [[Int]]?) {
        var exprs: [Expr] = []
        var keys: [String: Int] = [:]
        func index(_ e: Expression) async throws -> Int {
            let bound = try await bindGroupExpression(e, select: select, scope: scope)
            let key = String(describing: bound)
            if let i = keys[key] { return i }
            keys[key] = exprs.count
            exprs.append(bound)
            return exprs.count - 1
        }
        switch clause {
        case .all:
            for item in select.items {
                switch item {
                case .expression(let e, _) where !containsAggregate(e) && !containsWindow(e):
                    _ = try await index(e)
                case .wildcard:
                    throw PlannerError(.invalidStatement, "GROUP BY ALL cannot be used with SELECT *; list the columns")
                default: break
                }
            }
            return (exprs, nil)
        case .elements(let elements):
            var sets: [[Int]] = [[]]
            var plain = true
            for element in elements {
                switch element {
                case .expression(let e):
                    let i = try await index(e)
                    sets = sets.map { $0 + [i] }
                case .groupingSets(let lists):
                    plain = false
                    var options: [[Int]] = []
                    for list in lists {
                        var set: [Int] = []
                        for e in list { set.append(try await index(e)) }
                        options.append(set)
                    }
                    sets = sets.flatMap { s in options.map { s + $0 } }
                case .rollup(let list):
                    plain = false
                    var columns: [Int] = []
                    for e in list { columns.append(try await index(e)) }
                    let options = (0...columns.count).reversed().map { Array(columns.prefix($0)) }
                    sets = sets.flatMap { s in options.map { s + $0 } }
                case .cube(let list):
                    plain = false
                    var columns: [Int] = []
                    for e in list { columns.append(try await index(e)) }
                    var options: [[Int]] = []
                    for mask in (0..<(1 << columns.count)).reversed() {
                        options.append(columns.indices.filter { mask & (1 << (columns.count - 1 - $0)) != 0 }.map { columns[$0] })
                    }
                    sets = sets.flatMap { s in options.map { s + $0 } }
                }
            }
            return (exprs, plain ? nil : sets.map { Array(Set($0)).sorted() })
        }
    }

    /// A GROUP BY item: an ordinal or a select alias stands for that select item's expression.
    private func bindGroupExpression(_ e: Expression, select: Select, scope: Scope) async throws -> Expr {
        let context = ExpressionContext(scope: scope, clause: "GROUP BY")
        if case .literal(.integer(let text)) = e.kind, let n = Int(text) {
            guard n >= 1, n <= select.items.count, case .expression(let item, _) = select.items[n - 1] else {
                throw PlannerError(.invalidStatement, "GROUP BY position \(n) is not in select list", span: e.span.range)
            }
            return try await bindExpression(item, context)
        }
        if case .column(let name) = e.kind, name.parts.count == 1, scope.matches(name.name.value, relation: nil).isEmpty {
            for item in select.items {
                if case .expression(let itemExpr, let alias?) = item, alias.value == name.name.value {
                    return try await bindExpression(itemExpr, context)
                }
            }
        }
        return try await bindExpression(e, context)
    }

    // MARK: AST inspection

    /// Whether an aggregate call (not a window call) occurs outside subqueries.
    func containsAggregate(_ e: Expression) -> Bool {
        anyCall(e) { call in
            call.over == nil && (registry.aggregate(call.name.description.lowercased()) != nil || (call.isStar && call.name.description.lowercased() == "count"))
        }
    }

    func containsWindow(_ e: Expression) -> Bool { anyCall(e) { $0.over != nil } }

    private func anyCall(_ e: Expression, _ predicate: (FunctionCall) -> Bool) -> Bool {
        func visit(_ e: Expression) -> Bool {
            switch e.kind {
            case .literal, .column, .subquery, .exists, .star: return false
            case .unary(_, let x), .isNull(let x, _), .isBoolean(let x, _, _), .extract(_, let x): return visit(x)
            case .binary(_, let a, let b), .isDistinctFrom(let a, let b, _), .position(let a, let b), .atTimeZone(let a, let b):
                return visit(a) || visit(b)
            case .between(let x, let lo, let hi, _): return visit(x) || visit(lo) || visit(hi)
            case .inList(let x, let items, _): return visit(x) || items.contains(where: visit)
            case .inSubquery(let x, _, _): return visit(x)
            case .like(let x, let p, let esc, _, _): return visit(x) || visit(p) || (esc.map(visit) ?? false)
            case .caseWhen(let c):
                return (c.operand.map(visit) ?? false) || c.branches.contains { visit($0.condition) || visit($0.result) } || (c.elseResult.map(visit) ?? false)
            case .cast(let x, _, _): return visit(x)
            case .substring(let x, let from, let length): return visit(x) || (from.map(visit) ?? false) || (length.map(visit) ?? false)
            case .trim(_, let chars, let x): return visit(x) || (chars.map(visit) ?? false)
            case .function(let call):
                if predicate(call) { return true }
                // Arguments of a window call may hold aggregates (sum(sum(x)) OVER ()).
                return call.arguments.contains { visit($0.value) } || (call.filter.map(visit) ?? false)
            }
        }
        return visit(e)
    }
}
