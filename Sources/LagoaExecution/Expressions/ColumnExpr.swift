public import LagoaColumnar
public import LagoaFunctions

/// A reference to input column `index`.
public struct ColumnExpr: PhysicalExpr {
    public let index: Int
    public let name: String
    public let type: DataType

    public init(index: Int, name: String, type: DataType) {
        self.index = index
        self.name = name
        self.type = type
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue { .column(batch.columns[index]) }

    public var displayText: String { "\(name)@\(index)" }
}
