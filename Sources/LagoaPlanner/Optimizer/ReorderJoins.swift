import LagoaFunctions

/// Orders each tree of inner and cross joins greedily by estimated cardinality (greedy operator
/// ordering): repeatedly joins the connected pair of sub-plans with the smallest estimated result,
/// so no cross product is formed while a connected order exists; only disconnected parts are
/// cross-joined, smallest first.
///
/// Build side convention: the **right** input of a ``Join`` is the hash join's build side, so the
/// smaller estimated input is always placed on the right.
///
/// The original output column order is restored with a projection when the new order changes it.
public struct ReorderJoins: OptimizerRule {
    public var name: String { "ReorderJoins" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        reorder(plan)
    }

    private func isReorderable(_ plan: LogicalPlan) -> Bool {
        if case .join(let j) = plan, j.kind == .inner || j.kind == .cross { return true }
        return false
    }

    private func reorder(_ plan: LogicalPlan) -> LogicalPlan {
        guard isReorderable(plan) else {
            let kids = plan.inputs
            return kids.isEmpty ? plan : plan.withInputs(kids.map(reorder))
        }
        var leaves: [LogicalPlan] = []
        var conditions: [Expr] = []
        flatten(plan, into: &leaves, conditions: &conditions)
        let built = build(leaves.map(reorder), conditions)
        let original = plan.output
        if built.output.map(\.id) == original.map(\.id) { return built }
        return .project(Project(input: built, expressions: original.map { .column($0) }, output: original))
    }

    private func flatten(_ plan: LogicalPlan, into leaves: inout [LogicalPlan], conditions: inout [Expr]) {
        guard isReorderable(plan), case .join(let j) = plan else {
            leaves.append(plan)
            return
        }
        flatten(j.left, into: &leaves, conditions: &conditions)
        flatten(j.right, into: &leaves, conditions: &conditions)
        conditions += j.equiKeys.map { Expr.equal($0.left, $0.right) }
        conditions += j.filter?.conjuncts ?? []
    }

    private struct Component {
        var plan: LogicalPlan
        var ids: Set<Int>
        var cardinality: Cardinality
    }

    private func build(_ leaves: [LogicalPlan], _ allConditions: [Expr]) -> LogicalPlan {
        var components = leaves.map { Component(plan: $0, ids: Set($0.output.map(\.id)), cardinality: $0.cardinality) }
        let localIDs = components.reduce(into: Set<Int>()) { $0.formUnion($1.ids) }
        var conditions = allConditions
        var constant: [Expr] = []
        conditions.removeAll { c in
            if c.columnIDs.isDisjoint(with: localIDs) { constant.append(c); return true }
            return false
        }

        while components.count > 1 {
            var best: (i: Int, j: Int, rows: Double)? = nil
            for i in components.indices {
                for j in components.indices where j > i {
                    let union = components[i].ids.union(components[j].ids)
                    let connecting = conditions.filter { c in
                        let ids = c.columnIDs.intersection(localIDs)
                        return ids.isSubset(of: union) && !ids.isDisjoint(with: components[i].ids) && !ids.isDisjoint(with: components[j].ids)
                    }
                    guard !connecting.isEmpty else { continue }
                    var keys: [(left: Expr, right: Expr)] = []
                    var rest: [Expr] = []
                    for c in connecting {
                        if let key = splitEquality(c, left: components[i].ids, right: components[j].ids) { keys.append(key) } else { rest.append(c) }
                    }
                    let estimate = LogicalPlan.joinCardinality(components[i].cardinality, components[j].cardinality, kind: .inner, keys: keys, filter: Expr.conjunction(rest))
                    // Ties go to the pair with the smaller build side.
                    let build = Swift.min(components[i].cardinality.rows, components[j].cardinality.rows)
                    if let current = best {
                        let currentBuild = Swift.min(components[current.i].cardinality.rows, components[current.j].cardinality.rows)
                        if estimate.rows < current.rows || (estimate.rows == current.rows && build < currentBuild) { best = (i, j, estimate.rows) }
                    } else {
                        best = (i, j, estimate.rows)
                    }
                }
            }
            let (i, j): (Int, Int)
            if let best {
                (i, j) = (best.i, best.j)
            } else {
                // Disconnected: cross-join the two smallest parts.
                let order = components.indices.sorted { components[$0].cardinality.rows < components[$1].cardinality.rows }
                (i, j) = (Swift.min(order[0], order[1]), Swift.max(order[0], order[1]))
            }
            let a = components[i]
            let b = components[j]
            // The smaller input is the build side: the right input.
            let (left, right) = a.cardinality.rows >= b.cardinality.rows ? (a, b) : (b, a)
            let union = left.ids.union(right.ids)
            var equiKeys: [(left: Expr, right: Expr)] = []
            var rest: [Expr] = []
            conditions.removeAll { c in
                let ids = c.columnIDs.intersection(localIDs)
                guard ids.isSubset(of: union) else { return false }
                if let key = splitEquality(c, left: left.ids, right: right.ids) { equiKeys.append(key) } else { rest.append(c) }
                return true
            }
            let kind: JoinKind = equiKeys.isEmpty && rest.isEmpty ? .cross : .inner
            let joined = Join(left: left.plan, right: right.plan, kind: kind, equiKeys: equiKeys, filter: Expr.conjunction(rest))
            let plan = LogicalPlan.join(joined)
            let merged = Component(plan: plan, ids: union, cardinality: plan.cardinality)
            components.remove(at: j)
            components[i] = merged
        }
        var result = components[0].plan
        if let predicate = Expr.conjunction(constant + conditions) { result = .filter(Filter(input: result, predicate: predicate)) }
        return result
    }

    private func splitEquality(_ e: Expr, left: Set<Int>, right: Set<Int>) -> (left: Expr, right: Expr)? {
        guard case .binary(.equal, let a, let b, _) = e, !e.containsSubquery else { return nil }
        let ia = a.columnIDs, ib = b.columnIDs
        guard !ia.isEmpty, !ib.isEmpty else { return nil }
        if ia.isSubset(of: left), ib.isSubset(of: right) { return (a, b) }
        if ia.isSubset(of: right), ib.isSubset(of: left) { return (b, a) }
        return nil
    }
}
