public import LagoaFunctions

/// One logical rewrite. Each rule lives in its own file under Optimizer/ and is named by what it
/// does (`PushDownPredicates`). Rules must keep the plan's output columns (ids and order) unchanged.
public protocol OptimizerRule: Sendable {
    /// Shown in debug logs.
    var name: String { get }

    /// Returns the rewritten plan (or `plan` itself when nothing applies).
    /// - Throws: ``PlannerError`` only for plans that cannot be executed at all.
    func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan
}

/// What rules share during one optimization: fresh column ids and the functions for folding.
public struct OptimizerContext: Sendable {
    public var ids: ColumnIDGenerator
    public var registry: FunctionRegistry

    public init(ids: ColumnIDGenerator, registry: FunctionRegistry = .builtins) {
        self.ids = ids
        self.registry = registry
    }
}
