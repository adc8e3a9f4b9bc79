import LagoaFunctions

/// Builds outer joins on their smaller input: the executor's hash join builds on the right input,
/// so a LEFT JOIN whose preserved (left) side is estimated at less than half the other side
/// becomes the equivalent RIGHT JOIN with the inputs swapped (and a RIGHT JOIN the other way),
/// with a projection restoring the column order.
///
/// TPC-H Q13 is the case: `customer LEFT JOIN orders` would otherwise hash 1.5 M orders to probe
/// 150 000 customers; swapped it hashes the customers and streams the orders, and the customers
/// without orders come out at the end as unmatched build rows.
public struct SwapOuterJoinSides: OptimizerRule {
    public var name: String { "SwapOuterJoinSides" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            guard case .join(let join) = node, join.kind == .left || join.kind == .right, !join.equiKeys.isEmpty else { return node }
            let left = join.left.cardinality.rows
            let right = join.right.cardinality.rows
            let swap = join.kind == .left ? left * 2 < right : right * 2 < left
            guard swap else { return node }
            let swapped = Join(
                left: join.right, right: join.left, kind: join.kind == .left ? .right : .left,
                equiKeys: join.equiKeys.map { (left: $0.right, right: $0.left) }, filter: join.filter)
            let output = join.output
            return .project(Project(input: .join(swapped), expressions: output.map { .column($0) }, output: output))
        }
    }
}
