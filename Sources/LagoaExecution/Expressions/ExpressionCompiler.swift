public import LagoaPlanner

/// Compiles planner expressions (`Expr`, columns by id) into ``PhysicalExpr``s over an input whose
/// columns are `input` (positionally).
public struct ExpressionCompiler: Sendable {
    public let input: [ColumnRef]
    public let context: TaskContext

    public init(input: [ColumnRef], context: TaskContext) {
        self.input = input
        self.context = context
    }

    /// - Throws: ``ExecutionError`` when the expression refers to a column `input` lacks, or uses a
    ///   construct the planner should have removed (correlated subqueries).
    public func compile(_ expr: Expr) throws -> any PhysicalExpr {
        throw ExecutionError(.unsupported, "expression compilation is not implemented yet")
    }
}
