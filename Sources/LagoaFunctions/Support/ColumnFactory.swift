package import LagoaColumnar

/// Builds result columns straight from typed buffers, so kernels write values with pointer stores
/// and never go through ``ColumnBuilder``'s per-value bookkeeping.
package enum ColumnFactory {
    /// A fixed-width column of `count` values written by `fill`; `validity` (offset 0) may be `nil`.
    package static func fixed<T: BitwiseCopyable>(
        _ type: DataType,
        count: Int,
        validity: Buffer?,
        as _: T.Type = T.self,
        _ fill: (UnsafeMutablePointer<T>) throws -> Void
    ) rethrows -> Column {
        var values = MutableBuffer(zeroed: max(count, 1) * MemoryLayout<T>.stride)
        try fill(values.typed(T.self))
        values.count = count * MemoryLayout<T>.stride
        let nulls = validity.map { count - Validity.countSet($0, count: count) } ?? 0
        return Column(type: type, count: count, nullCount: nulls, validity: nulls > 0 ? validity : nil, values: values.finish())
    }

    /// A boolean column from word-padded value bits and an optional validity bitmap (offset 0).
    package static func boolean(values: Buffer, validity: Buffer?, count: Int) -> Column {
        let nulls = validity.map { count - Validity.countSet($0, count: count) } ?? 0
        return Column(type: .boolean, count: count, nullCount: nulls, validity: nulls > 0 ? validity : nil, values: values)
    }

    /// A column of `count` NULLs of `type`.
    package static func nulls(_ type: DataType, count: Int) -> Column {
        let builder = ColumnBuilder(type, capacity: count)
        for _ in 0..<count { builder.appendNull() }
        return builder.finish()
    }

    /// A column repeating `value` `count` times.
    package static func repeating(_ value: Value, _ type: DataType, count: Int) -> Column {
        if value.isNull { return nulls(type, count: count) }
        switch (type, value) {
        case (.int64, .int(let v)), (.timestamp, .timestamp(let v, _, _)), (.time64, .time(let v, _)):
            return fixed(type, count: count, validity: nil) { p in p.update(repeating: v, count: count) }
        case (.int32, .int(let v)):
            return fixed(type, count: count, validity: nil) { p in p.update(repeating: Int32(truncatingIfNeeded: v), count: count) }
        case (.date32, .date(let v)):
            return fixed(type, count: count, validity: nil) { p in p.update(repeating: v, count: count) }
        case (.float64, .double(let v)):
            return fixed(type, count: count, validity: nil) { p in p.update(repeating: v, count: count) }
        case (.decimal128, .decimal(let v, _)):
            return fixed(type, count: count, validity: nil) { p in p.update(repeating: v, count: count) }
        case (.boolean, .bool(let b)):
            return boolean(values: Validity.allSet(count, value: b), validity: nil, count: count)
        default:
            let builder = ColumnBuilder(type, capacity: count)
            for _ in 0..<count { builder.append(value) }
            return builder.finish()
        }
    }

    /// Builds a column of `type` from `Value`s (slow path: strings, casts through text, tests).
    package static func fromValues(_ values: [Value], _ type: DataType) -> Column {
        let builder = ColumnBuilder(type, capacity: values.count)
        for value in values { builder.append(value) }
        return builder.finish()
    }
}

extension ColumnarValue {
    /// The value as a column of `rowCount` rows (scalars are repeated).
    package func materialize(_ rowCount: Int) -> Column {
        switch self {
        case .column(let column): column
        case .scalar(let value, let type): ColumnFactory.repeating(value, type, count: rowCount)
        }
    }

    /// The scalar's value, or `nil` for a column.
    package var scalarValue: Value? {
        if case .scalar(let value, _) = self { return value }
        return nil
    }

    /// The value of row `i` (slow path).
    package func value(at i: Int) -> Value {
        switch self {
        case .column(let column): column.value(at: i)
        case .scalar(let value, _): value
        }
    }
}
