import LagoaFunctions

/// Semi-join reduction of an aggregate that is joined on its group keys: when only the groups
/// whose keys appear on the other side of a join can survive it, the aggregate's input is first
/// semi-joined with the smallest part of that other side that holds the keys (a "magic set"), so
/// only those groups are computed.
///
/// TPC-H Q17 is the case: `l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE
/// l_partkey = p_partkey)` decorrelates into `avg(l_quantity) GROUP BY l_partkey` over all 6 M
/// lineitem rows (200 000 groups) joined to the ≈200 parts of one brand and container; reduced,
/// the aggregate reads lineitem through a semi join with those parts and forms ≈200 groups.
///
/// Applies when the aggregate is the inner side of an inner join or the NULL-supplying side of an
/// outer join (its unmatched groups are never output), each used join key is a group key, and the
/// key source is estimated at less than half the aggregate's groups. The key source is a copy of
/// a sub-plan of the other side reached through inner joins, filters, projections and the
/// preserved side of outer and semi joins: it holds every key the other side can produce. A source
/// that calls a non-deterministic function (`random()`, `now()`) is not copied: its second
/// evaluation could produce other keys.
public struct ReduceAggregateInputs: OptimizerRule {
    public var name: String { "ReduceAggregateInputs" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        let registry = context.registry
        return plan.transformUp { node in
            guard case .join(var join) = node, !join.equiKeys.isEmpty else { return node }
            let leftKeys = join.equiKeys.map(\.left)
            let rightKeys = join.equiKeys.map(\.right)
            if join.kind == .inner || join.kind == .left,
               let reduced = reduce(join.right, keys: rightKeys, other: join.left, otherKeys: leftKeys, registry: registry) {
                join.right = reduced
                return .join(join)
            }
            if join.kind == .inner || join.kind == .right,
               let reduced = reduce(join.left, keys: leftKeys, other: join.right, otherKeys: rightKeys, registry: registry) {
                join.left = reduced
                return .join(join)
            }
            return node
        }
    }

    /// `side` (an aggregate, or a projection of one) with its input semi-joined to the key source,
    /// or `nil` when the rule does not apply.
    private func reduce(_ side: LogicalPlan, keys: [Expr], other: LogicalPlan, otherKeys: [Expr], registry: FunctionRegistry) -> LogicalPlan? {
        var project: Project? = nil
        var body = side
        if case .project(let p) = side {
            project = p
            body = p.input
        }
        guard case .aggregate(var aggregate) = body, aggregate.groupingSets == nil, !aggregate.groupBy.isEmpty else { return nil }
        var semiKeys: [(left: Expr, right: Expr)] = []
        for (key, otherKey) in zip(keys, otherKeys) {
            guard case .column(var column) = key else { continue }
            if let project {
                guard let i = project.output.firstIndex(where: { $0.id == column.id }),
                      case .column(let inner) = project.expressions[i] else { continue }
                column = inner
            }
            guard let g = aggregate.groupOutput.firstIndex(where: { $0.id == column.id }) else { continue }
            semiKeys.append((aggregate.groupBy[g], otherKey))
        }
        guard !semiKeys.isEmpty else { return nil }
        let needed = semiKeys.reduce(into: Set<Int>()) { $0.formUnion($1.right.columnIDs) }
        guard !needed.isEmpty, let source = smallestSource(other, providing: needed),
              source.cardinality.rows * 2 < body.cardinality.rows,
              Self.isDeterministic(source, registry) else { return nil }
        aggregate.input = .join(Join(left: aggregate.input, right: source, kind: .semi, equiKeys: semiKeys))
        var result = LogicalPlan.aggregate(aggregate)
        if var project {
            project.input = result
            result = .project(project)
        }
        return result
    }

    /// Whether every function `plan` calls (subqueries included) gives the same result each time.
    static func isDeterministic(_ plan: LogicalPlan, _ registry: FunctionRegistry) -> Bool {
        var deterministic = true
        plan.forEachNode { node in
            for expression in node.expressions {
                expression.forEach { e in
                    if case .function(let name, _, _) = e, registry.scalar(name)?.isDeterministic == false { deterministic = false }
                    if case .scalarSubquery(let sub, _) = e, !isDeterministic(sub, registry) { deterministic = false }
                    if case .exists(let sub, _) = e, !isDeterministic(sub, registry) { deterministic = false }
                    if case .inSubquery(_, let sub, _) = e, !isDeterministic(sub, registry) { deterministic = false }
                }
            }
        }
        return deterministic
    }

    /// The sub-plan of `plan` with the fewest estimated rows that outputs every column in `ids`
    /// and whose rows include every value of those columns `plan` can output.
    private func smallestSource(_ plan: LogicalPlan, providing ids: Set<Int>) -> LogicalPlan? {
        guard ids.isSubset(of: Set(plan.output.map(\.id))) else { return nil }
        var children: [LogicalPlan] = []
        switch plan {
        case .join(let j):
            switch j.kind {
            case .inner, .cross: children = [j.left, j.right]
            case .left, .semi, .anti, .mark: children = [j.left]
            case .right: children = [j.right]
            case .full: break
            }
        case .filter(let f): children = [f.input]
        case .project(let p): children = [p.input]
        default: break
        }
        var best = plan
        var bestRows = plan.cardinality.rows
        for child in children {
            guard let candidate = smallestSource(child, providing: ids) else { continue }
            let rows = candidate.cardinality.rows
            if rows < bestRows {
                best = candidate
                bestRows = rows
            }
        }
        return best
    }
}
