import LagoaColumnar
import LagoaFunctions

/// Turns subqueries in filters and projections into joins:
///
/// - `[NOT] EXISTS (…)` as a WHERE conjunct → semi (anti) join; correlated conjuncts of the
///   subquery become the join condition.
/// - `x IN (…)` → semi join on `x = y`; `x NOT IN (…)` → null-aware anti join.
/// - EXISTS / IN elsewhere (under OR, in a SELECT list) → mark join, the expression reading the
///   mark column.
/// - A correlated scalar subquery over an aggregate without GROUP BY → the aggregate grouped by the
///   correlation columns, LEFT JOINed on them; `count` results of groups with no row read as 0.
///
/// Uncorrelated scalar subqueries stay ``Expr/scalarSubquery`` (evaluated once). A subquery whose
/// shape is not handled is left in place.
public struct DecorrelateSubqueries: OptimizerRule {
    public var name: String { "DecorrelateSubqueries" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            switch node {
            case .filter(let f): return rewriteFilter(f, context: context)
            case .project(let p): return rewriteProject(p, context: context)
            default: return node
            }
        }
    }

    // MARK: Filters

    private func rewriteFilter(_ filter: Filter, context: OptimizerContext) -> LogicalPlan {
        guard filter.predicate.containsSubquery else { return .filter(filter) }
        let originalOutput = filter.input.output
        var input = filter.input
        var remaining: [Expr] = []
        for conjunct in filter.predicate.conjuncts {
            switch conjunct {
            case .exists(let sub, let negated):
                if let joined = semiJoin(input, sub: decorrelated(sub, context), probe: nil, negated: negated) {
                    input = joined
                    continue
                }
            case .not(.exists(let sub, let negated)):
                if let joined = semiJoin(input, sub: decorrelated(sub, context), probe: nil, negated: !negated) {
                    input = joined
                    continue
                }
            case .inSubquery(let x, let sub, let negated):
                if let joined = semiJoin(input, sub: decorrelated(sub, context), probe: x, negated: negated) {
                    input = joined
                    continue
                }
            default: break
            }
            remaining.append(conjunct)
        }
        var rewritten: [Expr] = []
        for conjunct in remaining {
            rewritten.append(replaceSubqueries(in: conjunct, input: &input, context: context))
        }
        var result = input
        if let predicate = Expr.conjunction(rewritten) { result = .filter(Filter(input: result, predicate: predicate)) }
        if result.output.map(\.id) != originalOutput.map(\.id) {
            result = .project(Project(input: result, expressions: originalOutput.map { .column($0) }, output: originalOutput))
        }
        return result
    }

    private func rewriteProject(_ project: Project, context: OptimizerContext) -> LogicalPlan {
        guard project.expressions.contains(where: \.containsSubquery) else { return .project(project) }
        var p = project
        var input = p.input
        p.expressions = p.expressions.map { replaceSubqueries(in: $0, input: &input, context: context) }
        p.input = input
        return .project(p)
    }

    /// The subquery with its own nested subqueries decorrelated first.
    private func decorrelated(_ sub: LogicalPlan, _ context: OptimizerContext) -> LogicalPlan {
        (try? rewrite(sub, context: context)) ?? sub
    }

    /// Replaces EXISTS / IN (mark joins) and correlated scalar subqueries (left joins) inside `expr`,
    /// growing `input` with the joins.
    private func replaceSubqueries(in expr: Expr, input: inout LogicalPlan, context: OptimizerContext) -> Expr {
        var current = input
        let result = expr.transformDown { e -> (Expr, descend: Bool) in
            switch e {
            case .exists(let sub, let negated):
                if let (joined, mark) = markJoin(current, sub: decorrelated(sub, context), probe: nil, context: context) {
                    current = joined
                    return (negated ? .not(.column(mark)) : .column(mark), false)
                }
            case .inSubquery(let x, let sub, let negated):
                if let (joined, mark) = markJoin(current, sub: decorrelated(sub, context), probe: x, context: context) {
                    current = joined
                    return (negated ? .not(.column(mark)) : .column(mark), false)
                }
            case .scalarSubquery(let sub, _):
                let sub = decorrelated(sub, context)
                guard sub.isCorrelated else { return (.scalarSubquery(sub, type: e.type), false) }
                if let (joined, value) = scalarJoin(current, sub: sub, context: context) {
                    current = joined
                    return (value, false)
                }
            default: break
            }
            return (e, true)
        }
        input = current
        return result
    }

    // MARK: Joins

    private func semiJoin(_ input: LogicalPlan, sub: LogicalPlan, probe: Expr?, negated: Bool) -> LogicalPlan? {
        guard let (right, conditions) = prepare(input, sub: sub, probe: probe) else { return nil }
        let split = JoinConditions.split(conditions, left: Set(input.output.map(\.id)), right: Set(right.output.map(\.id)))
        return .join(Join(left: input, right: right, kind: negated ? .anti : .semi, equiKeys: split.keys, filter: split.filter, nullAware: negated && probe != nil))
    }

    private func markJoin(_ input: LogicalPlan, sub: LogicalPlan, probe: Expr?, context: OptimizerContext) -> (LogicalPlan, ColumnRef)? {
        guard let (right, conditions) = prepare(input, sub: sub, probe: probe) else { return nil }
        let split = JoinConditions.split(conditions, left: Set(input.output.map(\.id)), right: Set(right.output.map(\.id)))
        let mark = context.ids.make("__mark", .boolean)
        return (.join(Join(left: input, right: right, kind: .mark, equiKeys: split.keys, filter: split.filter, mark: mark)), mark)
    }

    /// The subquery with correlated conjuncts pulled out, and the join conditions (those conjuncts,
    /// plus `probe = first output column` for IN).
    private func prepare(_ input: LogicalPlan, sub: LogicalPlan, probe: Expr?) -> (LogicalPlan, [Expr])? {
        let outer = sub.freeColumnIDs
        guard outer.isSubset(of: Set(input.output.map(\.id))) else { return nil }
        var body = sub
        if probe == nil {
            // EXISTS ignores the select list.
            while case .project(let p) = body, !p.expressions.contains(where: \.containsSubquery) { body = p.input }
        }
        guard let (pulled, conditions) = pullCorrelated(body, outer: outer), !pulled.isCorrelated else { return nil }
        var all = conditions
        if let probe {
            guard let first = sub.output.first, let column = pulled.output.first(where: { $0.id == first.id }) else { return nil }
            all.insert(Expr.equal(probe, .column(column)), at: 0)
        }
        return (pulled, all)
    }

    /// Removes conjuncts that read `outer` columns from the filters and inner joins of `plan`,
    /// exposing the columns they read through projections. `nil` when a correlation sits where it
    /// cannot be pulled out (under an aggregate, an outer join, a limit…).
    func pullCorrelated(_ plan: LogicalPlan, outer: Set<Int>) -> (LogicalPlan, [Expr])? {
        if plan.freeColumnIDs.isDisjoint(with: outer) { return (plan, []) }
        switch plan {
        case .filter(let f):
            guard let (input, pulled) = pullCorrelated(f.input, outer: outer) else { return nil }
            var local: [Expr] = []
            var correlated = pulled
            for c in f.predicate.conjuncts {
                if !c.columnIDs.isDisjoint(with: outer), !c.containsSubquery { correlated.append(c) } else { local.append(c) }
            }
            let result = Expr.conjunction(local).map { LogicalPlan.filter(Filter(input: input, predicate: $0)) } ?? input
            return (result, correlated)
        case .project(var p):
            guard p.expressions.allSatisfy({ $0.columnIDs.isDisjoint(with: outer) }),
                let (input, pulled) = pullCorrelated(p.input, outer: outer)
            else { return nil }
            let have = Set(p.output.map(\.id))
            let needed = pulled.reduce(into: Set<Int>()) { $0.formUnion($1.columnIDs) }
            for column in input.output where needed.contains(column.id) && !have.contains(column.id) {
                p.expressions.append(.column(column))
                p.output.append(column)
            }
            p.input = input
            return (.project(p), pulled)
        case .join(var j) where j.kind == .inner || j.kind == .cross:
            guard j.equiKeys.allSatisfy({ $0.left.columnIDs.isDisjoint(with: outer) && $0.right.columnIDs.isDisjoint(with: outer) }),
                let (left, l) = pullCorrelated(j.left, outer: outer),
                let (right, r) = pullCorrelated(j.right, outer: outer)
            else { return nil }
            var pulled = l + r
            var local: [Expr] = []
            for c in j.filter?.conjuncts ?? [] {
                if !c.columnIDs.isDisjoint(with: outer), !c.containsSubquery { pulled.append(c) } else { local.append(c) }
            }
            j.left = left
            j.right = right
            j.filter = Expr.conjunction(local)
            return (.join(j), pulled)
        default:
            return nil
        }
    }

    /// A correlated scalar subquery over an ungrouped aggregate as a LEFT JOIN of the aggregate
    /// grouped by its correlation columns; returns the joined input and the expression to use.
    private func scalarJoin(_ input: LogicalPlan, sub: LogicalPlan, context: OptimizerContext) -> (LogicalPlan, Expr)? {
        let outer = sub.freeColumnIDs
        let inputIDs = Set(input.output.map(\.id))
        guard outer.isSubset(of: inputIDs), sub.output.count == 1 else { return nil }
        // Shape: [Project] over Aggregate without GROUP BY.
        var top: Project? = nil
        var body = sub
        if case .project(let p) = body { top = p; body = p.input }
        guard case .aggregate(let aggregate) = body, aggregate.groupBy.isEmpty, aggregate.groupingSets == nil,
            top?.expressions.allSatisfy({ $0.columnIDs.isDisjoint(with: outer) }) ?? true,
            let (aggInput, conditions) = pullCorrelated(aggregate.input, outer: outer), !aggInput.isCorrelated,
            !conditions.isEmpty
        else { return nil }
        // Every condition must be `inner = outer`.
        var groupBy: [Expr] = []
        var groupOutput: [ColumnRef] = []
        var keys: [(left: Expr, right: Expr)] = []
        for c in conditions {
            guard case .binary(.equal, let a, let b, _) = c else { return nil }
            let (outerSide, innerSide): (Expr, Expr)
            if a.columnIDs.isSubset(of: outer), b.columnIDs.isDisjoint(with: outer) {
                (outerSide, innerSide) = (a, b)
            } else if b.columnIDs.isSubset(of: outer), a.columnIDs.isDisjoint(with: outer) {
                (outerSide, innerSide) = (b, a)
            } else {
                return nil
            }
            let name = if case .column(let col) = innerSide { col.name } else { "__key" }
            let key = context.ids.make(name, innerSide.type)
            groupBy.append(innerSide)
            groupOutput.append(key)
            keys.append((outerSide, .column(key)))
        }
        let grouped = Aggregate(input: aggInput, groupBy: groupBy, groupOutput: groupOutput, aggregates: aggregate.aggregates)
        let joined = LogicalPlan.join(Join(left: input, right: .aggregate(grouped), kind: .left, equiKeys: keys))
        // Groups with no rows: count(…) is 0, not NULL.
        var fix: [Int: Expr] = [:]
        for call in aggregate.aggregates where call.function == "count" || call.function == "count_star" {
            let c = Expr.column(call.output)
            fix[call.output.id] = .caseWhen(
                branches: [Expr.CaseBranch(condition: .isNull(c, negated: false), value: .literal(.int(0), call.output.type))],
                elseValue: c,
                type: call.output.type
            )
        }
        let value: Expr
        if let top {
            value = top.expressions[0].replacingColumns(fix)
        } else {
            value = Expr.column(aggregate.output[0]).replacingColumns(fix)
        }
        return (joined, value)
    }
}
