import LagoaColumnar
import LagoaFunctions

extension ColumnarValue {
    /// Whether this is a scalar (possibly NULL).
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }

    /// The scalar's boolean: `true`/`false`, `nil` for NULL or a column.
    var scalarBool: Bool?? {
        guard case .scalar(let value, _) = self else { return nil }
        if case .bool(let b) = value { return .some(b) }
        return .some(nil)
    }

    /// A one-row kernel result turned back into a scalar.
    static func oneRow(_ column: Column) -> ColumnarValue {
        .scalar(column.value(at: 0), column.type)
    }

    /// The value as a column of `rowCount` rows.
    func column(rowCount: Int) -> Column {
        switch self {
        case .column(let column): column
        case .scalar(let value, let type): ColumnExpansion.repeating(value, type: type, count: rowCount)
        }
    }
}

extension Array where Element == any PhysicalExpr {
    /// `name(a, b, …)` for EXPLAIN.
    func displayList() -> String { map(\.displayText).joined(separator: ", ") }
}
