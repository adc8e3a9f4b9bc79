public import LagoaColumnar
public import LagoaFunctions

/// Three-valued `AND` / `OR` that skips the right operand when the left one already decides every
/// row of the batch (all false for AND, all true for OR).
public struct LogicalExpr: PhysicalExpr {
    public let isAnd: Bool
    public let lhs: any PhysicalExpr
    public let rhs: any PhysicalExpr
    public var type: DataType { .boolean }

    public init(isAnd: Bool, _ lhs: any PhysicalExpr, _ rhs: any PhysicalExpr) {
        self.isAnd = isAnd
        self.lhs = lhs
        self.rhs = rhs
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let l = try lhs.evaluate(batch)
        let decided = !isAnd
        switch l {
        case .scalar(let value, _):
            if case .bool(let b) = value, b == decided { return .scalar(.bool(decided), .boolean) }
        case .column(let column):
            if column.nullCount == 0 {
                let trues = Selection.countTrue(column)
                if decided ? trues == column.count : trues == 0 { return .scalar(.bool(decided), .boolean) }
            }
        }
        let r = try rhs.evaluate(batch)
        let op: BinaryOperator = isAnd ? .and : .or
        let signature = FunctionSignature(argumentTypes: [.boolean, .boolean], returnType: .boolean)
        if l.isScalar && r.isScalar {
            return .oneRow(try op.evaluate(l, r, signature: signature, rowCount: 1))
        }
        return .column(try op.evaluate(l, r, signature: signature, rowCount: batch.rowCount))
    }

    public var displayText: String { "(\(lhs.displayText) \(isAnd ? "AND" : "OR") \(rhs.displayText))" }
}
