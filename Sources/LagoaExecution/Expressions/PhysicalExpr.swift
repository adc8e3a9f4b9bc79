public import LagoaColumnar
public import LagoaFunctions

/// A compiled expression: column references resolved to positions of the input batch.
/// Produced by ``ExpressionCompiler`` from a planner `Expr`.
public protocol PhysicalExpr: Sendable {
    var type: DataType { get }
    /// Evaluates over every row of `batch`.
    func evaluate(_ batch: RecordBatch) throws -> ColumnarValue
    /// SQL-ish text for EXPLAIN.
    var displayText: String { get }
}

extension PhysicalExpr {
    /// The result as a full column of `batch.rowCount` values (scalars are expanded).
    public func evaluateColumn(_ batch: RecordBatch) throws -> Column {
        switch try evaluate(batch) {
        case .column(let column): return column
        case .scalar(let value, let type): return ColumnExpansion.repeating(value, type: type, count: batch.rowCount)
        }
    }
}
