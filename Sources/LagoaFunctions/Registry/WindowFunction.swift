public import LagoaColumnar

/// The signature of a window-only function (`row_number`, `rank`, `dense_rank`, `ntile`, `lag`,
/// `lead`, `first_value`, `last_value`, …). Aggregates used as window functions go through
/// ``AggregateFunction``. The evaluation lives with the window operator in LagoaExecution, which
/// knows frames and partitions.
public protocol WindowFunction: Sendable {
    /// The lower-case SQL name.
    var name: String { get }

    /// Checks the argument types.
    /// - Throws: ``FunctionError`` when no overload fits.
    func bind(_ argumentTypes: [DataType]) throws -> FunctionSignature
}
