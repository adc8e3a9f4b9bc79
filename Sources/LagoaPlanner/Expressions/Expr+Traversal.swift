public import LagoaColumnar
public import LagoaFunctions

extension Expr {
    /// The direct sub-expressions, left to right (subquery plans are not expressions and are not
    /// included).
    public var children: [Expr] {
        switch self {
        case .column, .literal, .scalarSubquery, .exists: []
        case .cast(let e, _, _), .not(let e), .negate(let e), .isNull(let e, _): [e]
        case .binary(_, let l, let r, _): [l, r]
        case .function(_, let args, _): args
        case .caseWhen(let branches, let elseValue, _): branches.flatMap { [$0.condition, $0.value] } + [elseValue]
        case .inList(let e, let items, _): [e] + items
        case .like(let e, let pattern, _, _, _): [e, pattern]
        case .inSubquery(let e, _, _): [e]
        }
    }

    /// The same expression with its direct sub-expressions replaced, in ``children`` order.
    /// - Precondition: `newChildren.count == children.count`.
    public func withChildren(_ newChildren: [Expr]) -> Expr {
        precondition(newChildren.count == children.count, "withChildren needs exactly one replacement per child")
        switch self {
        case .column, .literal, .scalarSubquery, .exists: return self
        case .cast(_, let t, let isTry): return .cast(newChildren[0], to: t, isTry: isTry)
        case .not: return .not(newChildren[0])
        case .negate: return .negate(newChildren[0])
        case .isNull(_, let negated): return .isNull(newChildren[0], negated: negated)
        case .binary(let op, _, _, let s): return .binary(op, newChildren[0], newChildren[1], signature: s)
        case .function(let name, _, let s): return .function(name: name, arguments: newChildren, signature: s)
        case .caseWhen(let branches, _, let t):
            var result: [CaseBranch] = []
            for i in branches.indices {
                result.append(CaseBranch(condition: newChildren[2 * i], value: newChildren[2 * i + 1]))
            }
            return .caseWhen(branches: result, elseValue: newChildren[newChildren.count - 1], type: t)
        case .inList(_, _, let negated): return .inList(newChildren[0], Array(newChildren.dropFirst()), negated: negated)
        case .like(_, _, let ci, let negated, let escape):
            return .like(newChildren[0], pattern: newChildren[1], caseInsensitive: ci, negated: negated, escape: escape)
        case .inSubquery(_, let plan, let negated): return .inSubquery(newChildren[0], plan, negated: negated)
        }
    }

    /// Rewrites bottom-up: children first, then `transform` on the rebuilt node.
    public func transformUp(_ transform: (Expr) throws -> Expr) rethrows -> Expr {
        let kids = children
        let rebuilt = kids.isEmpty ? self : withChildren(try kids.map { try $0.transformUp(transform) })
        return try transform(rebuilt)
    }

    /// Rewrites top-down: `transform` returns a replacement and whether to descend into it.
    public func transformDown(_ transform: (Expr) throws -> (Expr, descend: Bool)) rethrows -> Expr {
        let (replaced, descend) = try transform(self)
        guard descend else { return replaced }
        let kids = replaced.children
        return kids.isEmpty ? replaced : replaced.withChildren(try kids.map { try $0.transformDown(transform) })
    }

    /// Calls `visit` on this expression and every sub-expression, pre-order.
    public func forEach(_ visit: (Expr) -> Void) {
        visit(self)
        for child in children { child.forEach(visit) }
    }

    /// Ids of every column this expression reads, including outer columns referenced from inside
    /// its subqueries.
    public var columnIDs: Set<Int> {
        var ids = Set<Int>()
        forEach { e in
            switch e {
            case .column(let c): ids.insert(c.id)
            case .scalarSubquery(let plan, _), .exists(let plan, _), .inSubquery(_, let plan, _):
                ids.formUnion(plan.freeColumnIDs)
            default: break
            }
        }
        return ids
    }

    /// Whether the expression contains a subquery of any kind.
    public var containsSubquery: Bool {
        var found = false
        forEach { e in
            switch e {
            case .scalarSubquery, .exists, .inSubquery: found = true
            default: break
            }
        }
        return found
    }

    /// Whether the expression reads no column and contains no subquery.
    public var isConstant: Bool { columnIDs.isEmpty && !containsSubquery }

    /// The literal value when this is a literal.
    public var literalValue: Value? {
        if case .literal(let v, _) = self { return v }
        return nil
    }

    /// Replaces column references by id (used when cloning subplans and when pushing expressions
    /// through projections).
    public func replacingColumns(_ mapping: [Int: Expr]) -> Expr {
        guard !mapping.isEmpty else { return self }
        return transformUp { e in
            switch e {
            case .column(let c): return mapping[c.id] ?? e
            case .scalarSubquery(let plan, let t): return .scalarSubquery(plan.replacingColumns(mapping), type: t)
            case .exists(let plan, let negated): return .exists(plan.replacingColumns(mapping), negated: negated)
            case .inSubquery(let x, let plan, let negated):
                return .inSubquery(x, plan.replacingColumns(mapping), negated: negated)
            default: return e
            }
        }
    }
}
