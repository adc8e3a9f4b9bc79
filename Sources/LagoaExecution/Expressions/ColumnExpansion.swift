public import LagoaColumnar

/// Turns one value into a column of `count` copies.
public enum ColumnExpansion {
    public static func repeating(_ value: Value, type: DataType, count: Int) -> Column {
        let builder = ColumnBuilder(type, capacity: count)
        for _ in 0..<count { builder.append(value) }
        return builder.finish()
    }
}
