public import LagoaColumnar
public import LagoaFunctions

/// Arithmetic `-x`, computed by the functions' overflow-checked kernels as `0 - x` (integers,
/// decimals) or `x * -1` (floating point, so that `-(0.0)` is `-0.0`).
public struct NegateExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    public var type: DataType { input.type }

    public init(_ input: any PhysicalExpr) { self.input = input }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let value = try input.evaluate(batch)
        if case .scalar(let v, _) = value, v.isNull { return value }
        let signature = FunctionSignature(argumentTypes: [type, type], returnType: type)
        let rows = value.isScalar ? 1 : batch.rowCount
        let result: Column
        switch type {
        case .float32:
            result = try BinaryOperator.multiply.evaluate(value, .scalar(.float(-1), type), signature: signature, rowCount: rows)
        case .float64:
            result = try BinaryOperator.multiply.evaluate(value, .scalar(.double(-1), type), signature: signature, rowCount: rows)
        case .decimal128(_, let scale):
            result = try BinaryOperator.subtract.evaluate(.scalar(.decimal(0, scale: scale), type), value, signature: signature, rowCount: rows)
        case .uint8, .uint16, .uint32, .uint64:
            result = try BinaryOperator.subtract.evaluate(.scalar(.uint(0), type), value, signature: signature, rowCount: rows)
        default:
            result = try BinaryOperator.subtract.evaluate(.scalar(.int(0), type), value, signature: signature, rowCount: rows)
        }
        return value.isScalar ? .oneRow(result) : .column(result)
    }

    public var displayText: String { "(- \(input.displayText))" }
}
