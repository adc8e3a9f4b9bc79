public import LagoaColumnar

/// Implicit type rules shared by the binder (where to insert casts) and the kernels.
public enum TypeCoercion {
    /// The smallest type every one of `types` converts to implicitly (CASE branches, COALESCE,
    /// UNION columns, IN lists), following DuckDB: `int32, int64 → int64`,
    /// `int64, decimal(15,2) → decimal(21,2)`, `decimal, double → double`, `date, timestamp →
    /// timestamp`; a NULL literal's type (`nil` entries are untyped NULLs) adopts the others.
    /// Returns `nil` when there is none.
    public static func commonSupertype(_ types: [DataType?]) -> DataType? {
        let known = types.compactMap { $0 }
        guard let first = known.first else { return nil }
        return known.allSatisfy { $0 == first } ? first : nil
    }
}
