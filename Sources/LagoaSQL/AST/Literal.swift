/// A constant written in SQL text. Numbers keep their text so the binder can pick the type
/// (`int32`, `int64`, `decimal(p, s)` or `double`).
public enum Literal: Hashable, Sendable {
    /// Digits only, such as `42` (the sign is a separate unary minus).
    case integer(String)
    /// Digits with a decimal point and no exponent, such as `0.06` or `.5`.
    case decimal(String)
    /// A number with an exponent, such as `1e3` or `2.5E-4`.
    case float(String)
    /// A string literal, with escapes already decoded.
    case string(String)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// `NULL`.
    case null
    /// A typed string: `DATE '2024-01-01'`, `TIME '…'`, `TIMESTAMP '…'`, `TIMESTAMPTZ '…'`.
    case typed(TypeName, String)
    /// `INTERVAL '3 days'` (unit `nil`), `INTERVAL '90' DAY`, `INTERVAL 3 MONTH` (value `"3"`).
    case interval(String, unit: IntervalUnit?)
}

/// The unit of an `INTERVAL '…' <unit>` literal and the field of `EXTRACT(<field> FROM …)`.
public enum IntervalUnit: String, Hashable, Sendable, CaseIterable {
    case year, quarter, month, week, day, hour, minute, second, millisecond, microsecond
}
