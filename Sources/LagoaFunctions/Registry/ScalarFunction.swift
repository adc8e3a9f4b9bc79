public import LagoaColumnar

/// A scalar (row-by-row) SQL function such as `upper`, `substring` or `date_trunc`: a signature
/// check for the binder and a vectorized kernel for the executor.
public protocol ScalarFunction: Sendable {
    /// The lower-case SQL name.
    var name: String { get }

    /// Checks the argument types and chooses the coerced argument types and the result type.
    /// - Throws: ``FunctionError`` naming the function and the argument types when no overload fits.
    func bind(_ argumentTypes: [DataType]) throws -> FunctionSignature

    /// Evaluates the function over `rowCount` rows. Arguments already have the bound
    /// ``FunctionSignature/argumentTypes``. The result has `rowCount` values of the bound return type.
    /// - Throws: ``FunctionError`` for runtime failures (bad input value), naming the value.
    func evaluate(_ arguments: [ColumnarValue], rowCount: Int) throws -> Column

    /// Whether the same arguments always give the same result (`false` for `now()`, `random()`):
    /// constant folding only folds deterministic functions.
    var isDeterministic: Bool { get }
}

extension ScalarFunction {
    public var isDeterministic: Bool { true }
}
