public import LagoaColumnar
public import LagoaFunctions

/// `CAST(x AS t)` / `TRY_CAST`, through ``Cast/cast(_:to:isTry:rowCount:)``.
public struct CastExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    public let type: DataType
    public let isTry: Bool

    public init(_ input: any PhysicalExpr, to type: DataType, isTry: Bool) {
        self.input = input
        self.type = type
        self.isTry = isTry
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let value = try input.evaluate(batch)
        if value.type == type { return value }
        if case .scalar(let v, _) = value {
            if v.isNull { return .scalar(.null, type) }
            return .oneRow(try Cast.cast(value, to: type, isTry: isTry, rowCount: 1))
        }
        return .column(try Cast.cast(value, to: type, isTry: isTry, rowCount: batch.rowCount))
    }

    public var displayText: String { "\(isTry ? "TRY_CAST" : "CAST")(\(input.displayText) AS \(type))" }
}
