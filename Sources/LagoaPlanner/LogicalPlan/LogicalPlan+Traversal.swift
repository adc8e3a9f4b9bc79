import LagoaFunctions

extension LogicalPlan {
    /// The same node over new inputs (in ``inputs`` order).
    /// - Precondition: `newInputs.count == inputs.count`.
    public func withInputs(_ newInputs: [LogicalPlan]) -> LogicalPlan {
        precondition(newInputs.count == inputs.count, "withInputs needs exactly one replacement per input")
        switch self {
        case .scan, .values, .empty: return self
        case .filter(var n): n.input = newInputs[0]; return .filter(n)
        case .project(var n): n.input = newInputs[0]; return .project(n)
        case .aggregate(var n): n.input = newInputs[0]; return .aggregate(n)
        case .join(var n): n.left = newInputs[0]; n.right = newInputs[1]; return .join(n)
        case .sort(var n): n.input = newInputs[0]; return .sort(n)
        case .limit(var n): n.input = newInputs[0]; return .limit(n)
        case .window(var n): n.input = newInputs[0]; return .window(n)
        case .setOperation(var n): n.left = newInputs[0]; n.right = newInputs[1]; return .setOperation(n)
        }
    }

    /// Rewrites bottom-up: inputs first, then `transform` on the rebuilt node.
    public func transformUp(_ transform: (LogicalPlan) throws -> LogicalPlan) rethrows -> LogicalPlan {
        let kids = inputs
        let rebuilt = kids.isEmpty ? self : withInputs(try kids.map { try $0.transformUp(transform) })
        return try transform(rebuilt)
    }

    /// Rewrites top-down: `transform` runs on a node before its (new) inputs.
    public func transformDown(_ transform: (LogicalPlan) throws -> LogicalPlan) rethrows -> LogicalPlan {
        let replaced = try transform(self)
        let kids = replaced.inputs
        return kids.isEmpty ? replaced : replaced.withInputs(try kids.map { try $0.transformDown(transform) })
    }

    /// Calls `visit` on every node, pre-order.
    public func forEachNode(_ visit: (LogicalPlan) -> Void) {
        visit(self)
        for input in inputs { input.forEachNode(visit) }
    }

    /// The expressions this node evaluates itself (not those of its inputs).
    public var expressions: [Expr] {
        switch self {
        case .scan(let n): n.filters
        case .values(let n): n.rows.flatMap { $0 }
        case .empty, .limit, .setOperation: []
        case .filter(let n): [n.predicate]
        case .project(let n): n.expressions
        case .aggregate(let n):
            n.groupBy + n.aggregates.flatMap { $0.arguments + ($0.filter.map { [$0] } ?? []) + $0.orderBy.map(\.expr) }
        case .join(let n): n.equiKeys.flatMap { [$0.left, $0.right] } + (n.filter.map { [$0] } ?? [])
        case .sort(let n): n.keys.map(\.expr)
        case .window(let n): n.functions.flatMap { $0.arguments + $0.partitionBy + $0.orderBy.map(\.expr) }
        }
    }

    /// The node with every one of its own expressions rewritten by `transform` (inputs untouched).
    public func mapExpressions(_ transform: (Expr) throws -> Expr) rethrows -> LogicalPlan {
        switch self {
        case .scan(var n): n.filters = try n.filters.map(transform); return .scan(n)
        case .values(var n): n.rows = try n.rows.map { try $0.map(transform) }; return .values(n)
        case .empty, .limit, .setOperation: return self
        case .filter(var n): n.predicate = try transform(n.predicate); return .filter(n)
        case .project(var n): n.expressions = try n.expressions.map(transform); return .project(n)
        case .aggregate(var n):
            n.groupBy = try n.groupBy.map(transform)
            for i in n.aggregates.indices {
                n.aggregates[i].arguments = try n.aggregates[i].arguments.map(transform)
                n.aggregates[i].filter = try n.aggregates[i].filter.map(transform)
                for k in n.aggregates[i].orderBy.indices { n.aggregates[i].orderBy[k].expr = try transform(n.aggregates[i].orderBy[k].expr) }
            }
            return .aggregate(n)
        case .join(var n):
            n.equiKeys = try n.equiKeys.map { (left: try transform($0.left), right: try transform($0.right)) }
            n.filter = try n.filter.map(transform)
            return .join(n)
        case .sort(var n):
            for k in n.keys.indices { n.keys[k].expr = try transform(n.keys[k].expr) }
            return .sort(n)
        case .window(var n):
            for i in n.functions.indices {
                n.functions[i].arguments = try n.functions[i].arguments.map(transform)
                n.functions[i].partitionBy = try n.functions[i].partitionBy.map(transform)
                for k in n.functions[i].orderBy.indices { n.functions[i].orderBy[k].expr = try transform(n.functions[i].orderBy[k].expr) }
            }
            return .window(n)
        }
    }

    /// Columns this node introduces itself (not passed through from an input).
    public var definedColumns: [ColumnRef] {
        switch self {
        case .scan(let n): n.output
        case .values(let n): n.output
        case .empty(let n): n.output
        case .project(let n): n.output
        case .aggregate(let n): n.output
        case .window(let n): n.functions.map(\.output)
        case .setOperation(let n): n.output
        case .join(let n): n.mark.map { [$0] } ?? []
        case .filter, .sort, .limit: []
        }
    }

    /// Ids of columns read somewhere in this plan but produced by none of its nodes: the outer
    /// references of a correlated subquery. Empty for an uncorrelated plan.
    public var freeColumnIDs: Set<Int> {
        var referenced = Set<Int>()
        var defined = Set<Int>()
        forEachNode { node in
            for e in node.expressions { referenced.formUnion(e.columnIDs) }
            for c in node.definedColumns { defined.insert(c.id) }
        }
        return referenced.subtracting(defined)
    }

    /// Whether the plan reads columns of an enclosing query.
    public var isCorrelated: Bool { !freeColumnIDs.isEmpty }

    /// The plan with column references replaced by id in every expression (inside subqueries too).
    public func replacingColumns(_ mapping: [Int: Expr]) -> LogicalPlan {
        guard !mapping.isEmpty else { return self }
        return transformUp { $0.mapExpressions { $0.replacingColumns(mapping) } }
    }

    /// The largest column id used anywhere in the plan, for continuing id generation.
    public var maxColumnID: Int {
        var maxID = 0
        forEachNode { node in
            for c in node.definedColumns { maxID = Swift.max(maxID, c.id) }
            for e in node.expressions {
                e.forEach { x in
                    switch x {
                    case .column(let c): maxID = Swift.max(maxID, c.id)
                    case .scalarSubquery(let p, _), .exists(let p, _), .inSubquery(_, let p, _): maxID = Swift.max(maxID, p.maxColumnID)
                    default: break
                    }
                }
            }
        }
        return maxID
    }

    /// Every subquery plan nested in this plan's expressions (not recursively inside those).
    public var subqueries: [LogicalPlan] {
        var result: [LogicalPlan] = []
        forEachNode { node in
            for e in node.expressions {
                e.forEach { x in
                    switch x {
                    case .scalarSubquery(let p, _), .exists(let p, _), .inSubquery(_, let p, _): result.append(p)
                    default: break
                    }
                }
            }
        }
        return result
    }
}

extension LogicalPlan {
    /// The plan with every subquery plan inside its expressions (at any depth of this plan, not
    /// inside those subqueries) replaced by `transform`'s result.
    public func mapSubqueryPlans(_ transform: (LogicalPlan) throws -> LogicalPlan) rethrows -> LogicalPlan {
        try transformUp { node in
            guard !node.expressions.allSatisfy({ !$0.containsSubquery }) else { return node }
            return try node.mapExpressions { e in
                try e.transformUp { x in
                    switch x {
                    case .scalarSubquery(let p, let t): return .scalarSubquery(try transform(p), type: t)
                    case .exists(let p, let negated): return .exists(try transform(p), negated: negated)
                    case .inSubquery(let v, let p, let negated): return .inSubquery(v, try transform(p), negated: negated)
                    default: return x
                    }
                }
            }
        }
    }
}
