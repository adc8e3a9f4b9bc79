import LagoaFunctions

/// Prunes columns nobody reads: scans read only the columns used above them
/// (``Scan/columns``), projections, aggregates and windows drop unused outputs, joins pass down only
/// what is needed from each side. The plan's own output is kept as is.
public struct PushDownProjections: OptimizerRule {
    public var name: String { "PushDownProjections" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        prune(plan, required: Set(plan.output.map(\.id)))
    }

    private func ids(_ exprs: [Expr]) -> Set<Int> {
        exprs.reduce(into: Set<Int>()) { $0.formUnion($1.columnIDs) }
    }

    /// `plan` producing at least the columns in `required` (and as few others as it can).
    func prune(_ plan: LogicalPlan, required: Set<Int>) -> LogicalPlan {
        switch plan {
        case .scan(var s):
            let needed = required.union(ids(s.filters))
            var keep = s.output.indices.filter { needed.contains(s.output[$0].id) }
            if keep.isEmpty, !s.output.isEmpty { keep = [0] }
            s.columns = keep.map { s.columns[$0] }
            s.output = keep.map { s.output[$0] }
            return .scan(s)
        case .filter(var f):
            f.input = prune(f.input, required: required.union(f.predicate.columnIDs))
            return .filter(f)
        case .project(var p):
            var keep = p.output.indices.filter { required.contains(p.output[$0].id) }
            if keep.isEmpty, !p.output.isEmpty { keep = [0] }
            p.expressions = keep.map { p.expressions[$0] }
            p.output = keep.map { p.output[$0] }
            p.input = prune(p.input, required: ids(p.expressions))
            return .project(p)
        case .aggregate(var a):
            a.aggregates.removeAll { !required.contains($0.output.id) }
            a.input = prune(a.input, required: ids(LogicalPlan.aggregate(a).expressions))
            return .aggregate(a)
        case .window(var w):
            w.functions.removeAll { !required.contains($0.output.id) }
            if w.functions.isEmpty { return prune(w.input, required: required) }
            let inputIDs = Set(w.input.output.map(\.id))
            w.input = prune(w.input, required: required.intersection(inputIDs).union(ids(LogicalPlan.window(w).expressions)))
            return .window(w)
        case .join(var j):
            let needed = required.union(ids(LogicalPlan.join(j).expressions))
            let leftIDs = Set(j.left.output.map(\.id))
            let rightIDs = Set(j.right.output.map(\.id))
            j.left = prune(j.left, required: needed.intersection(leftIDs))
            j.right = prune(j.right, required: needed.intersection(rightIDs))
            return .join(j)
        case .sort(var s):
            s.input = prune(s.input, required: required.union(ids(s.keys.map(\.expr))))
            return .sort(s)
        case .limit(var l):
            l.input = prune(l.input, required: required)
            return .limit(l)
        case .setOperation(var s):
            s.left = prune(s.left, required: Set(s.left.output.map(\.id)))
            s.right = prune(s.right, required: Set(s.right.output.map(\.id)))
            return .setOperation(s)
        case .values, .empty:
            return plan
        }
    }
}
