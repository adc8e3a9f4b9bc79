public import LagoaColumnar

extension BinaryOperator {
    /// The coerced operand types and the result type of `lhs op rhs`, following DuckDB's rules so
    /// answers compare equal with DuckDB's (e.g. `decimal(15,2) * decimal(15,2)` is
    /// `decimal(30,4)`, decimal division is `double`, integer division by `/` is `double`… —
    /// see docs/sql-types.md).
    /// - Throws: ``FunctionError/Code/signature`` naming the operator and both types.
    public func bind(_ lhs: DataType, _ rhs: DataType) throws -> FunctionSignature {
        throw FunctionError(.signature, "operator \(rawValue) is not implemented yet for \(lhs) and \(rhs)")
    }

    /// Evaluates the operator over `rowCount` rows; operands already have the bound types.
    /// - Throws: ``FunctionError`` for division by zero and overflow, naming the values.
    public func evaluate(_ lhs: ColumnarValue, _ rhs: ColumnarValue, signature: FunctionSignature, rowCount: Int) throws -> Column {
        throw FunctionError(.signature, "operator \(rawValue) is not implemented yet")
    }
}
