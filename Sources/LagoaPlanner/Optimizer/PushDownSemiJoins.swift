import LagoaFunctions

/// Moves a semi or anti join below the inner (or left) join under it, onto the input whose columns
/// its condition uses, when that input is estimated to be smaller than the join: the filter then
/// shrinks a join input instead of its output.
///
/// TPC-H Q18 is the case: `o_orderkey IN (SELECT l_orderkey … HAVING sum(l_quantity) > 300)` keeps
/// 57 orders; applied to orders before they are joined with lineitem, the big join builds on 57
/// rows instead of 1.5 M. On the preserved side of a LEFT JOIN the move is equally exact; the
/// NULL-supplying side is left alone.
public struct PushDownSemiJoins: OptimizerRule {
    public var name: String { "PushDownSemiJoins" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp(push)
    }

    private func push(_ node: LogicalPlan) -> LogicalPlan {
        guard case .join(let semi) = node, semi.kind == .semi || semi.kind == .anti,
              case .join(let below) = semi.left else { return node }
        let leftIDs = Set(semi.left.output.map(\.id))
        var needed = semi.equiKeys.reduce(into: Set<Int>()) { $0.formUnion($1.left.columnIDs) }
        if let filter = semi.filter { needed.formUnion(filter.columnIDs) }
        needed.formIntersection(leftIDs)
        let size = semi.left.cardinality.rows
        func moved(onto input: LogicalPlan) -> LogicalPlan? {
            guard needed.isSubset(of: Set(input.output.map(\.id))), input.cardinality.rows <= size else { return nil }
            var inner = semi
            inner.left = input
            return push(.join(inner))
        }
        switch below.kind {
        case .inner, .cross:
            if let left = moved(onto: below.left) {
                var join = below
                join.left = left
                return .join(join)
            }
            if let right = moved(onto: below.right) {
                var join = below
                join.right = right
                return .join(join)
            }
        case .left:
            if let left = moved(onto: below.left) {
                var join = below
                join.left = left
                return .join(join)
            }
        default: break
        }
        return node
    }
}
