public import LagoaColumnar

extension BinaryOperator {
    /// Evaluates the operator over `rowCount` rows; operands already have the bound types.
    /// - Throws: ``FunctionError`` for division by zero and overflow, naming the values.
    public func evaluate(_ lhs: ColumnarValue, _ rhs: ColumnarValue, signature: FunctionSignature, rowCount: Int) throws -> Column {
        switch self {
        case .and, .or:
            return Logic.evaluate(isAnd: self == .and, lhs, rhs, rowCount: rowCount)
        case .concat:
            return StringKernels.concat(lhs, rhs, rowCount: rowCount)
        case .distinct, .notDistinct:
            return try Comparison.distinct(self, lhs, rhs, rowCount: rowCount)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if lhs.scalarValue?.isNull == true || rhs.scalarValue?.isNull == true {
                return ColumnFactory.nulls(.boolean, count: rowCount)
            }
            return try Comparison.compare(self, lhs, rhs, rowCount: rowCount)
        case .add, .subtract, .multiply, .divide, .modulo, .integerDivide:
            if lhs.scalarValue?.isNull == true || rhs.scalarValue?.isNull == true {
                return ColumnFactory.nulls(signature.returnType, count: rowCount)
            }
            return try Arithmetic.evaluate(self, lhs, rhs, signature: signature, rowCount: rowCount)
        }
    }
}

/// One side of a binary kernel: a typed column buffer, or a scalar repeated for every row.
struct Operand<T: BitwiseCopyable> {
    let pointer: UnsafePointer<T>
    let isScalar: Bool
    /// Keeps a materialised scalar's buffer alive.
    let owner: Column

    init(_ value: ColumnarValue) {
        switch value {
        case .column(let column):
            owner = column
            isScalar = false
        case .scalar(let v, let type):
            owner = ColumnFactory.repeating(v, type, count: 1)
            isScalar = true
        }
        pointer = owner.values(as: T.self).baseAddress ?? UnsafePointer(bitPattern: 64)!
    }

    @inline(__always)
    subscript(_ i: Int) -> T { isScalar ? pointer[0] : pointer[i] }
}

extension ColumnarValue {
    /// The validity (offset 0, word-padded) of a column operand; `nil` for scalars and columns
    /// without nulls.
    var normalizedValidity: Buffer? {
        if case .column(let column) = self { return Validity.of(column) }
        return nil
    }
}
