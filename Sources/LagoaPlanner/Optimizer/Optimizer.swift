public import LagoaFunctions

/// Runs the logical rewrite rules in a fixed order; the order matters (decorrelation before
/// predicate pushdown, join reordering after predicates have become join keys, projection pruning
/// last).
public struct Optimizer: Sendable {
    public var rules: [any OptimizerRule]

    /// The default pipeline.
    public static let defaultRules: [any OptimizerRule] = [
        FoldConstants(),
        DecorrelateSubqueries(),
        FoldConstants(),
        FactorDisjunctions(),
        PushDownPredicates(),
        PushDownSemiJoins(),
        ReorderJoins(),
        SwapOuterJoinSides(),
        ReduceAggregateInputs(),
        PushDownPredicates(),
        EliminateCommonSubexpressions(),
        PushDownLimit(),
        PushDownProjections(),
        RemoveRedundantProjects(),
    ]

    public init(rules: [any OptimizerRule] = Optimizer.defaultRules) {
        self.rules = rules
    }

    /// Optimizes `plan`.
    /// - Parameters:
    ///   - ids: the binder's generator, so new columns get unique ids; `nil` continues after the
    ///     largest id in the plan.
    ///   - registry: functions used for constant folding.
    public func optimize(_ plan: LogicalPlan, ids: ColumnIDGenerator? = nil, registry: FunctionRegistry = .builtins) throws -> LogicalPlan {
        let context = OptimizerContext(ids: ids ?? ColumnIDGenerator(startingAt: plan.maxColumnID + 1), registry: registry)
        var current = plan
        for rule in rules {
            current = try apply(rule, to: current, context: context)
        }
        return current
    }

    /// Runs `rule` on `plan` and on every uncorrelated subquery still inside its expressions.
    private func apply(_ rule: any OptimizerRule, to plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        let rewritten = try rule.rewrite(plan, context: context)
        return try rewritten.mapSubqueryPlans { sub in
            sub.isCorrelated ? sub : try apply(rule, to: sub, context: context)
        }
    }
}
