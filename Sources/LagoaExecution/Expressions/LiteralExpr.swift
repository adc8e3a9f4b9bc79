public import LagoaColumnar
public import LagoaFunctions

/// A constant, evaluated as a scalar (kernels broadcast it without materialising a column).
public struct LiteralExpr: PhysicalExpr {
    public let value: Value
    public let type: DataType

    public init(_ value: Value, type: DataType) {
        self.value = value
        self.type = type
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue { .scalar(value, type) }

    public var displayText: String {
        switch value {
        case .null: "NULL"
        case .string(let s): "'\(s)'"
        default: value.description
        }
    }
}
