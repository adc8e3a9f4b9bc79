import LagoaFunctions

/// Moves filter conjuncts as close to the data as they can go: through projections (substituting
/// the projected expressions), through aggregates when they only read group keys, through windows
/// when they only read partition keys, into both sides of set operations, into the sides of joins
/// that preserve those rows (outer-join semantics honoured), and finally into ``Scan/filters``.
///
/// Equalities between the two sides of an inner or cross join become hash-join ``Join/equiKeys``
/// (a cross join with one becomes an inner join); the other two-sided conjuncts become the join's
/// ``Join/filter``. Conjuncts with subqueries stop above scans (scans cannot evaluate them).
public struct PushDownPredicates: OptimizerRule {
    public var name: String { "PushDownPredicates" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        push(plan, [])
    }

    /// `plan` with `predicates` (conjuncts meant to apply to its output) pushed as deep as possible.
    func push(_ plan: LogicalPlan, _ predicates: [Expr]) -> LogicalPlan {
        switch plan {
        case .filter(let f):
            return push(f.input, predicates + f.predicate.conjuncts)

        case .project(var p):
            var mapping: [Int: Expr] = [:]
            for (column, expr) in zip(p.output, p.expressions) { mapping[column.id] = expr }
            let outputIDs = Set(p.output.map(\.id))
            var down: [Expr] = []
            var stay: [Expr] = []
            for predicate in predicates {
                let local = predicate.columnIDs.intersection(outputIDs)
                // Expressions with subqueries are not duplicated below a projection.
                if local.allSatisfy({ mapping[$0].map { !$0.containsSubquery } ?? false }) {
                    down.append(predicate.replacingColumns(mapping))
                } else {
                    stay.append(predicate)
                }
            }
            p.input = push(p.input, down)
            return wrap(.project(p), stay)

        case .aggregate(var a):
            var mapping: [Int: Expr] = [:]
            for (column, expr) in zip(a.groupOutput, a.groupBy) { mapping[column.id] = expr }
            let outputIDs = Set(a.output.map(\.id))
            var down: [Expr] = []
            var stay: [Expr] = []
            for predicate in predicates {
                let local = predicate.columnIDs.intersection(outputIDs)
                if a.groupingSets == nil, !a.groupBy.isEmpty, !local.isEmpty, local.allSatisfy({ mapping[$0] != nil }) {
                    down.append(predicate.replacingColumns(mapping))
                } else {
                    stay.append(predicate)
                }
            }
            a.input = push(a.input, down)
            return wrap(.aggregate(a), stay)

        case .window(var w):
            var partitionIDs: Set<Int>? = nil
            for call in w.functions {
                var ids = Set<Int>()
                for case .column(let c) in call.partitionBy { ids.insert(c.id) }
                partitionIDs = partitionIDs.map { $0.intersection(ids) } ?? ids
            }
            let outputIDs = Set(plan.output.map(\.id))
            var down: [Expr] = []
            var stay: [Expr] = []
            for predicate in predicates {
                let local = predicate.columnIDs.intersection(outputIDs)
                if !local.isEmpty, local.isSubset(of: partitionIDs ?? []) { down.append(predicate) } else { stay.append(predicate) }
            }
            w.input = push(w.input, down)
            return wrap(.window(w), stay)

        case .sort(var s) where s.fetch == nil:
            s.input = push(s.input, predicates)
            return .sort(s)

        case .setOperation(var s):
            let leftMap = Dictionary(uniqueKeysWithValues: zip(s.output.map(\.id), s.left.output.map { Expr.column($0) }))
            let rightMap = Dictionary(uniqueKeysWithValues: zip(s.output.map(\.id), s.right.output.map { Expr.column($0) }))
            var down: [Expr] = []
            var stay: [Expr] = []
            for predicate in predicates {
                if predicate.containsSubquery { stay.append(predicate) } else { down.append(predicate) }
            }
            s.left = push(s.left, down.map { $0.replacingColumns(leftMap) })
            s.right = push(s.right, down.map { $0.replacingColumns(rightMap) })
            return wrap(.setOperation(s), stay)

        case .join(let j):
            return pushIntoJoin(j, predicates)

        case .scan(var s):
            let outputIDs = Set(s.output.map(\.id))
            var stay: [Expr] = []
            for predicate in predicates {
                if !predicate.containsSubquery, predicate.columnIDs.isSubset(of: outputIDs) {
                    s.filters.append(predicate)
                } else {
                    stay.append(predicate)
                }
            }
            return wrap(.scan(s), stay)

        default:
            // Sort with fetch, Limit, Values, Empty: predicates stay above; inputs are optimized
            // on their own.
            let rebuilt = plan.inputs.isEmpty ? plan : plan.withInputs(plan.inputs.map { push($0, []) })
            return wrap(rebuilt, predicates)
        }
    }

    private func wrap(_ plan: LogicalPlan, _ predicates: [Expr]) -> LogicalPlan {
        guard let predicate = Expr.conjunction(predicates) else { return plan }
        return .filter(Filter(input: plan, predicate: predicate))
    }

    private enum Side { case left, right, both, neither }

    private func side(_ e: Expr, left: Set<Int>, right: Set<Int>) -> Side {
        let ids = e.columnIDs
        let l = !ids.isDisjoint(with: left)
        let r = !ids.isDisjoint(with: right)
        switch (l, r) {
        case (true, true): return .both
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .neither
        }
    }

    /// `(left expr, right expr)` when `e` is an equality with one side on each input.
    private func equiKey(_ e: Expr, left: Set<Int>, right: Set<Int>) -> (left: Expr, right: Expr)? {
        guard case .binary(.equal, let a, let b, _) = e, !e.containsSubquery else { return nil }
        let sa = side(a, left: left, right: right)
        let sb = side(b, left: left, right: right)
        if sa == .left, sb == .right { return (a, b) }
        if sa == .right, sb == .left { return (b, a) }
        return nil
    }

    private func pushIntoJoin(_ original: Join, _ predicates: [Expr]) -> LogicalPlan {
        var j = original
        let leftIDs = Set(j.left.output.map(\.id))
        let rightIDs = Set(j.right.output.map(\.id))
        var toLeft: [Expr] = []
        var toRight: [Expr] = []
        var above: [Expr] = []
        var joinConjuncts: [Expr] = []
        let onConjuncts = j.filter?.conjuncts ?? []
        j.filter = nil

        switch j.kind {
        case .inner, .cross:
            for predicate in predicates + onConjuncts {
                switch side(predicate, left: leftIDs, right: rightIDs) {
                case .left, .neither: toLeft.append(predicate)
                case .right: toRight.append(predicate)
                case .both: joinConjuncts.append(predicate)
                }
            }
        case .left, .right:
            let preserved: Side = j.kind == .left ? .left : .right
            for predicate in predicates {
                let s = side(predicate, left: leftIDs, right: rightIDs)
                if s == preserved { if s == .left { toLeft.append(predicate) } else { toRight.append(predicate) } } else { above.append(predicate) }
            }
            for conjunct in onConjuncts {
                let s = side(conjunct, left: leftIDs, right: rightIDs)
                if s != preserved, s != .both, s != .neither {
                    if s == .left { toLeft.append(conjunct) } else { toRight.append(conjunct) }
                } else {
                    joinConjuncts.append(conjunct)
                }
            }
        case .full:
            above = predicates
            joinConjuncts = onConjuncts
        case .semi, .anti, .mark:
            let markID = j.mark?.id
            for predicate in predicates {
                if let markID, predicate.columnIDs.contains(markID) {
                    above.append(predicate)
                } else if side(predicate, left: leftIDs, right: rightIDs) == .left {
                    toLeft.append(predicate)
                } else {
                    above.append(predicate)
                }
            }
            for conjunct in onConjuncts {
                switch side(conjunct, left: leftIDs, right: rightIDs) {
                case .right: toRight.append(conjunct)
                case .left where j.kind == .semi: toLeft.append(conjunct)
                default: joinConjuncts.append(conjunct)
                }
            }
        }

        var rest: [Expr] = []
        for conjunct in joinConjuncts {
            if let key = equiKey(conjunct, left: leftIDs, right: rightIDs) {
                j.equiKeys.append(key)
            } else {
                rest.append(conjunct)
            }
        }
        j.filter = Expr.conjunction(rest)
        if j.kind == .cross, !j.equiKeys.isEmpty || j.filter != nil { j.kind = .inner }
        j.left = push(j.left, toLeft)
        j.right = push(j.right, toRight)
        return wrap(.join(j), above)
    }
}
