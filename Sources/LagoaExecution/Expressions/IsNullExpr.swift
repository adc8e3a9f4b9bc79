public import LagoaColumnar
public import LagoaFunctions

/// `x IS NULL` / `x IS NOT NULL`; never NULL itself.
public struct IsNullExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    public let negated: Bool
    public var type: DataType { .boolean }

    public init(_ input: any PhysicalExpr, negated: Bool) {
        self.input = input
        self.negated = negated
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        switch try input.evaluate(batch) {
        case .scalar(let value, _):
            return .scalar(.bool(value.isNull != negated), .boolean)
        case .column(let column):
            // No nulls: every row has the same answer.
            if column.nullCount == 0 { return .scalar(.bool(negated), .boolean) }
            let valid = NotExpr.normalizedBits(column.validity!, offset: column.offset, count: column.count)
            let validColumn = Column(type: .boolean, count: column.count, nullCount: 0, values: valid)
            return .column(negated ? validColumn : NotExpr.not(validColumn))
        }
    }

    public var displayText: String { "\(input.displayText) IS \(negated ? "NOT " : "")NULL" }
}
