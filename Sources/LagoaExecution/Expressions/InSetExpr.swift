public import LagoaColumnar
public import LagoaFunctions

/// `x [NOT] IN (c1, c2, …)` over many constants: a hash set probed once per row. (Short lists
/// compile to an OR of equalities instead.) A NULL among the constants makes a miss NULL.
public struct InSetExpr: PhysicalExpr {
    public let input: any PhysicalExpr
    public let negated: Bool
    let integers: Set<Int64>
    let others: Set<Value>
    let listHasNull: Bool
    let itemCount: Int
    public var type: DataType { .boolean }

    public init(_ input: any PhysicalExpr, values: [Value], negated: Bool) {
        self.input = input
        self.negated = negated
        self.itemCount = values.count
        listHasNull = values.contains { $0.isNull }
        var integers = Set<Int64>()
        var others = Set<Value>()
        for value in values where !value.isNull {
            switch value {
            case .int(let v): integers.insert(v)
            case .date(let d): integers.insert(Int64(d))
            default: others.insert(value)
            }
        }
        self.integers = integers
        self.others = others
    }

    public func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let column = try input.evaluate(batch).column(rowCount: batch.rowCount)
        let n = column.count
        let builder = ColumnBuilder(.boolean, capacity: n)
        func emit(_ found: Bool, _ valid: Bool) {
            if !valid || (!found && listHasNull) {
                builder.appendNull()
            } else {
                builder.appendBool(found != negated)
            }
        }
        switch column.type {
        case .int64:
            let v = column.values(as: Int64.self)
            for i in 0..<n { emit(integers.contains(v[i]), column.isValid(i)) }
        case .int32, .date32:
            let v = column.values(as: Int32.self)
            for i in 0..<n { emit(integers.contains(Int64(v[i])), column.isValid(i)) }
        case .int16:
            let v = column.values(as: Int16.self)
            for i in 0..<n { emit(integers.contains(Int64(v[i])), column.isValid(i)) }
        case .int8:
            let v = column.values(as: Int8.self)
            for i in 0..<n { emit(integers.contains(Int64(v[i])), column.isValid(i)) }
        default:
            for i in 0..<n {
                let value = column.value(at: i)
                emit(others.contains(value), !value.isNull)
            }
        }
        return .column(builder.finish())
    }

    public var displayText: String { "\(input.displayText) \(negated ? "NOT " : "")IN (\(itemCount) values)" }
}
