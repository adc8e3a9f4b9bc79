public import LagoaColumnar
public import LagoaFunctions
public import LagoaSQL

/// A bound query: its plan and the names of its output columns (the result header).
public struct BoundQuery: Sendable {
    public var plan: LogicalPlan
    public var names: [String]

    public init(plan: LogicalPlan, names: [String]) {
        self.plan = plan
        self.names = names
    }
}

/// Turns LagoaSQL ASTs into ``LogicalPlan``s: resolves tables through a ``CatalogProvider`` and
/// columns through scopes, types every expression with LagoaFunctions' signatures (making implicit
/// casts explicit), and reports unknown names with suggestions.
///
/// One binder binds one statement (it owns the statement's ``ids``); it is not shared between
/// tasks.
public final class Binder {
    let catalog: any CatalogProvider
    let registry: FunctionRegistry
    /// The column ids of everything this binder planned; pass it to ``Optimizer/optimize(_:ids:registry:)``.
    public let ids: ColumnIDGenerator
    /// The statement text, for quoting expressions in error messages.
    let sql: String?
    /// CTEs in scope, innermost last.
    var cteStack: [[String: CommonTableExpression]] = []
    /// CTEs whose own query is being bound: inside it, the name refers to the catalog.
    var ctesInProgress: Set<String> = []
    /// Views being expanded, to reject recursive definitions.
    var expandingViews: Set<String> = []
    /// Parses a view's SQL text (set by the engine, which owns the parser entry point).
    var parseView: (@Sendable (String) throws -> Query)?

    /// - Parameters:
    ///   - catalog: where tables, views and table functions come from.
    ///   - registry: the functions expressions may call.
    ///   - sql: the statement text, used to quote expressions in error messages.
    ///   - parseView: parses a stored view's SQL text into a query; LagoaSQL's ``Parser`` by default.
    public init(
        catalog: any CatalogProvider, registry: FunctionRegistry = .builtins, sql: String? = nil,
        parseView: (@Sendable (String) throws -> Query)? = nil
    ) {
        self.catalog = catalog
        self.registry = registry
        self.sql = sql
        self.parseView = parseView ?? { text in
            guard case .query(let query) = try Parser.parseStatement(text) else {
                throw PlannerError(.invalidStatement, "a view's definition must be a query")
            }
            return query
        }
        self.ids = ColumnIDGenerator()
    }

    /// Binds a query.
    /// - Throws: ``PlannerError`` for unknown names, type errors and invalid clauses.
    public func bind(_ query: Query) async throws -> BoundQuery {
        try await bindQuery(query, outer: nil)
    }

    // MARK: Queries

    func bindQuery(_ query: Query, outer: Scope?) async throws -> BoundQuery {
        if !query.with.isEmpty {
            var frame: [String: CommonTableExpression] = [:]
            for cte in query.with { frame[cte.name.value] = cte }
            cteStack.append(frame)
        }
        defer { if !query.with.isEmpty { cteStack.removeLast() } }

        var bound: BoundQuery
        if case .select(let select) = query.body {
            bound = try await bindSelect(select, orderBy: query.orderBy, outer: outer)
        } else {
            bound = try await bindBody(query.body, outer: outer)
            if !query.orderBy.isEmpty { bound = try await bindOutputOrderBy(bound, query.orderBy, outer: outer) }
        }
        if query.limit != nil || query.offset != nil {
            var limit: Int? = nil
            if let l = query.limit { limit = try await constantInteger(l, clause: "LIMIT") }
            var offset = 0
            if let o = query.offset { offset = try await constantInteger(o, clause: "OFFSET") }
            bound.plan = .limit(Limit(input: bound.plan, limit: limit, offset: offset))
        }
        return bound
    }

    func bindBody(_ body: QueryBody, outer: Scope?) async throws -> BoundQuery {
        switch body {
        case .select(let select): return try await bindSelect(select, orderBy: [], outer: outer)
        case .nested(let query): return try await bindQuery(query, outer: outer)
        case .values(let rows): return try await bindValues(rows, outer: outer)
        case .setOperation(let op): return try await bindSetOperation(op, outer: outer)
        }
    }

    /// ORDER BY over a set operation or VALUES: output names and ordinals only.
    private func bindOutputOrderBy(_ bound: BoundQuery, _ items: [OrderByItem], outer: Scope?) async throws -> BoundQuery {
        let output = bound.plan.output
        let scope = Scope(Scope.entries(of: output, relation: nil, names: bound.names), parent: outer)
        var keys: [SortKey] = []
        for item in items {
            let expr: Expr
            if case .literal(.integer(let text)) = item.expression.kind, let n = Int(text) {
                guard n >= 1, n <= output.count else {
                    throw PlannerError(.invalidStatement, "ORDER BY position \(n) is not in select list (it has \(output.count) columns)", span: item.expression.span.range)
                }
                expr = .column(output[n - 1])
            } else {
                expr = try await bindExpression(item.expression, ExpressionContext(scope: scope, clause: "ORDER BY"))
            }
            keys.append(SortKey(expr: expr, ascending: item.ascending ?? true, nullsFirst: item.nullsFirst))
        }
        return BoundQuery(plan: .sort(Sort(input: bound.plan, keys: keys)), names: bound.names)
    }

    private func bindValues(_ rows: [[Expression]], outer: Scope?) async throws -> BoundQuery {
        guard let width = rows.first?.count else {
            return BoundQuery(plan: .empty(EmptyRelation(oneRow: false)), names: [])
        }
        let scope = Scope(parent: outer)
        var bound: [[Expr]] = []
        for row in rows {
            guard row.count == width else {
                throw PlannerError(.invalidStatement, "VALUES rows must all have \(width) values; one has \(row.count)", span: row.first?.span.range)
            }
            var exprs: [Expr] = []
            for e in row { exprs.append(try await bindExpression(e, ExpressionContext(scope: scope, clause: "VALUES"))) }
            bound.append(exprs)
        }
        var output: [ColumnRef] = []
        var names: [String] = []
        for column in 0..<width {
            let types = bound.map { $0[column].isNullLiteral ? nil : $0[column].type }
            let type = TypeCoercion.commonSupertype(types) ?? (types.allSatisfy { $0 == nil } ? .int32 : nil)
            guard let type else {
                throw PlannerError(.typeMismatch, "VALUES column \(column + 1) mixes types \(Set(types.compactMap { $0 }.map(\.description)).sorted().joined(separator: " and ")) that have no common type; add CASTs")
            }
            for r in bound.indices { bound[r][column] = castIfNeeded(bound[r][column], to: type) }
            names.append("col\(column)")
            output.append(ids.make("col\(column)", type))
        }
        return BoundQuery(plan: .values(Values(rows: bound, output: output)), names: names)
    }

    private func bindSetOperation(_ op: LagoaSQL.SetOperation, outer: Scope?) async throws -> BoundQuery {
        let left = try await bindBody(op.left, outer: outer)
        let right = try await bindBody(op.right, outer: outer)
        let l = left.plan.output
        let r = right.plan.output
        guard l.count == r.count else {
            throw PlannerError(.invalidStatement, "each \(op.op.rawValue) query must have the same number of columns; the left has \(l.count) and the right \(r.count)")
        }
        var types: [DataType] = []
        for i in l.indices {
            guard let t = TypeCoercion.commonSupertype([l[i].type, r[i].type]) else {
                throw PlannerError(.typeMismatch, "\(op.op.rawValue) column \(i + 1) (\(left.names[i])) has types \(l[i].type) and \(r[i].type) that have no common type; add a CAST")
            }
            types.append(t)
        }
        let leftPlan = castColumns(left.plan, to: types)
        let rightPlan = castColumns(right.plan, to: types)
        let output = zip(left.names, types).map { ids.make($0, $1) }
        let kind: SetOperationKind = switch op.op {
        case .union: .union
        case .intersect: .intersect
        case .except: .except
        }
        let plan = LogicalPlan.setOperation(SetOperation(kind: kind, all: op.all, left: leftPlan, right: rightPlan, output: output))
        return BoundQuery(plan: plan, names: left.names)
    }

    /// Wraps `plan` in a projection casting its columns to `types` when any differs.
    func castColumns(_ plan: LogicalPlan, to types: [DataType]) -> LogicalPlan {
        let output = plan.output
        guard zip(output, types).contains(where: { $0.type != $1 }) else { return plan }
        let exprs = zip(output, types).map { castIfNeeded(.column($0), to: $1) }
        let newOutput = zip(output, types).map { ids.make($0.name, $1, relation: $0.relation) }
        return .project(Project(input: plan, expressions: exprs, output: newOutput))
    }

    /// `expr` cast to `type` (a typed NULL for a NULL literal), or `expr` itself when it already has it.
    func castIfNeeded(_ expr: Expr, to type: DataType) -> Expr {
        if expr.type == type { return expr }
        if expr.isNullLiteral { return .literal(.null, type) }
        return .cast(expr, to: type, isTry: false)
    }

    /// The value of a constant integer expression (LIMIT, OFFSET, ntile…).
    func constantInteger(_ expression: Expression, clause: String) async throws -> Int {
        let bound = try await bindExpression(expression, ExpressionContext(scope: Scope(), clause: clause))
        let folded = FoldConstants().fold(bound, registry: registry)
        switch folded.literalValue {
        case .int(let v)?: return Int(v)
        case .decimal(let v, let scale)? where scale == 0: return Int(v)
        default:
            throw PlannerError(.invalidStatement, "\(clause) needs a constant integer, not \(text(of: expression, bound: bound))", span: expression.span.range)
        }
    }

    /// The SQL text of an expression for messages: the statement text under its span when known.
    func text(of expression: Expression, bound: Expr? = nil) -> String {
        if let sql, expression.span.end > expression.span.start, expression.span.end <= sql.utf8.count {
            let utf8 = Array(sql.utf8)[expression.span.start..<expression.span.end]
            if let s = String(validating: utf8, as: UTF8.self) { return s }
        }
        return bound?.sqlText ?? "expression"
    }
}
