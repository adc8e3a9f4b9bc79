import LagoaFunctions

/// Removes projections that output exactly their input's columns in order, and merges a projection
/// of plain columns into the projection below it.
public struct RemoveRedundantProjects: OptimizerRule {
    public var name: String { "RemoveRedundantProjects" }
    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            guard case .project(let top) = node else { return node }
            let inputOutput = top.input.output
            let isIdentity = top.output.count == inputOutput.count
                && zip(top.expressions, zip(top.output, inputOutput)).allSatisfy { expr, pair in
                    if case .column(let c) = expr { return c.id == pair.1.id && pair.0.id == pair.1.id }
                    return false
                }
            if isIdentity { return top.input }
            // Project(columns only) over Project: select from the lower projection directly.
            if case .project(let lower) = top.input,
                top.expressions.allSatisfy({ if case .column = $0 { true } else { false } })
            {
                var byID: [Int: Expr] = [:]
                for (c, e) in zip(lower.output, lower.expressions) { byID[c.id] = e }
                let merged = top.expressions.map { $0.replacingColumns(byID) }
                return .project(Project(input: lower.input, expressions: merged, output: top.output))
            }
            return node
        }
    }
}
