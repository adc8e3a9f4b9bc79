public import LagoaColumnar

/// SQL CAST and TRY_CAST between any two supported types.
///
/// Numeric, decimal and temporal casts run as typed loops over the value buffers; casts to and
/// from text go value by value (they allocate strings anyway). Text formats follow DuckDB: ISO
/// dates, `2024-01-01 10:00:00` timestamps, exact decimals, shortest round-trip doubles.
public enum Cast {
    /// Whether `from` can be cast to `to` at all (bind-time check).
    public static func canCast(from: DataType, to: DataType) -> Bool {
        if from == to || from == .string || to == .string { return true }
        switch (from, to) {
        case _ where from.isNumeric && to.isNumeric: return true
        case (.boolean, _) where to.isNumeric, (_, .boolean) where from.isNumeric: return true
        case (.date32, .timestamp), (.timestamp, .date32), (.timestamp, .timestamp), (.timestamp, .time64): return true
        case (.time64, .time64): return true
        case (.binary, .fixedSizeBinary), (.fixedSizeBinary, .binary): return true
        default: return false
        }
    }

    /// Whether the binder may insert this cast implicitly (widening: int32 → int64, int → decimal,
    /// anything numeric → double, string literal → date…).
    public static func canCoerceImplicitly(from: DataType, to: DataType) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (_, .float64) where from.isNumeric: return true
        case (_, .float32) where from.isInteger || from.isDecimal: return true
        case (.decimal128(let p1, let s1), .decimal128(let p2, let s2)): return s2 >= s1 && p2 - s2 >= p1 - s1
        case (_, .decimal128(let p, let s)) where from.isInteger:
            guard case .decimal128(let ip, _) = from.integerDecimal! else { return false }
            return p - s >= ip
        case _ where from.isInteger && to.isInteger:
            if from.isSignedInteger == to.isSignedInteger { return to.integerRank >= from.integerRank }
            return from.isUnsignedInteger && to.integerRank > from.integerRank
        case (.date32, .timestamp), (.timestamp, .timestamp): return true
        case (.string, _) where to.isTemporal: return true
        case (.fixedSizeBinary, .binary): return true
        default: return false
        }
    }

    /// Casts every value. With `isTry`, values that do not convert become NULL instead of an error.
    /// - Throws: ``FunctionError/Code/invalidValue`` naming the value and both types.
    public static func cast(_ value: ColumnarValue, to type: DataType, isTry: Bool, rowCount: Int) throws -> Column {
        switch value {
        case .scalar(let scalar, let from):
            let converted: Value
            do {
                converted = try castValue(scalar, from: from, to: type)
            } catch where isTry {
                converted = .null
            }
            return ColumnFactory.repeating(converted, type, count: rowCount)
        case .column(let column):
            if column.type == type { return column }
            if let fast = try castFast(column, to: type, isTry: isTry) { return fast }
            let builder = ColumnBuilder(type, capacity: column.count)
            for i in 0..<column.count {
                let v = column.value(at: i)
                do {
                    builder.append(try castValue(v, from: column.type, to: type))
                } catch where isTry {
                    builder.appendNull()
                }
            }
            return builder.finish()
        }
    }

    /// The error for a value that does not convert.
    static func failure(_ value: Value, from: DataType, to: DataType, reason: String? = nil) -> FunctionError {
        let text = from == .string ? "'\(value)'" : TextFormat.sqlText(value, from)
        var message = "could not cast \(text) to \(to)"
        message += " (from \(from)\(reason.map { ": " + $0 } ?? "")); use TRY_CAST to get NULL for such values"
        return FunctionError(.invalidValue, message)
    }
}
