public import LagoaColumnar

/// SQL CAST and TRY_CAST between any two supported types.
public enum Cast {
    /// Whether `from` can be cast to `to` at all (bind-time check).
    public static func canCast(from: DataType, to: DataType) -> Bool {
        from == to
    }

    /// Whether the binder may insert this cast implicitly (widening: int32 → int64, int → decimal,
    /// anything numeric → double, string literal → date…).
    public static func canCoerceImplicitly(from: DataType, to: DataType) -> Bool {
        from == to
    }

    /// Casts every value. With `isTry`, values that do not convert become NULL instead of an error.
    /// - Throws: ``FunctionError/Code/invalidValue`` naming the value and both types.
    public static func cast(_ value: ColumnarValue, to type: DataType, isTry: Bool, rowCount: Int) throws -> Column {
        throw FunctionError(.signature, "cast from \(value.type) to \(type) is not implemented yet")
    }
}
