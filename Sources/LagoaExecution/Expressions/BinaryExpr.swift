public import LagoaColumnar
public import LagoaFunctions

/// `lhs op rhs` for arithmetic, comparison and `||`, through ``BinaryOperator/evaluate(_:_:signature:rowCount:)``.
/// Two scalar operands give a scalar (constants are folded at run time once per batch).
public struct BinaryExpr: PhysicalExpr {
    public let op: BinaryOperator
    public let lhs: any PhysicalExpr
    public let rhs: any PhysicalExpr
    public let signature: FunctionSignature
    public var type: DataType { signature.returnType }

    public init(_ op: BinaryOperator, _ lhs: any PhysicalExpr, _ rhs: any PhysicalExpr, signature: FunctionSignature) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.signature = signature
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let l = try lhs.evaluate(batch)
        let r = try rhs.evaluate(batch)
        if l.isScalar && r.isScalar {
            return .oneRow(try op.evaluate(l, r, signature: signature, rowCount: 1))
        }
        return .column(try op.evaluate(l, r, signature: signature, rowCount: batch.rowCount))
    }

    public var displayText: String { "\(lhs.displayText) \(op.rawValue) \(rhs.displayText)" }
}
