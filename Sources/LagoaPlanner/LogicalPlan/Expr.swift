public import LagoaColumnar
public import LagoaFunctions

/// A bound, typed expression: names resolved to ``ColumnRef``s, functions resolved in the
/// ``FunctionRegistry``, implicit casts made explicit. Produced by the binder, rewritten by the
/// optimizer, evaluated by LagoaExecution.
public indirect enum Expr: Sendable {
    case column(ColumnRef)
    /// A constant; `.null` carries the type it was coerced to.
    case literal(Value, DataType)
    case cast(Expr, to: DataType, isTry: Bool)
    /// Three-valued NOT.
    case not(Expr)
    /// Arithmetic negation.
    case negate(Expr)
    /// `IS NULL` / `IS NOT NULL`.
    case isNull(Expr, negated: Bool)
    /// Operands already cast to ``FunctionSignature/argumentTypes``; `signature.returnType` is the
    /// result type.
    case binary(BinaryOperator, Expr, Expr, signature: FunctionSignature)
    /// A scalar function from the registry by lower-case name; arguments already cast.
    case function(name: String, arguments: [Expr], signature: FunctionSignature)
    /// `CASE WHEN c1 THEN v1 … ELSE e END` (the operand form is rewritten to this); branch values
    /// already cast to `type`; a missing ELSE is a typed NULL literal.
    case caseWhen(branches: [CaseBranch], elseValue: Expr, type: DataType)
    /// `x [NOT] IN (a, b, …)`; items already cast to the common type.
    case inList(Expr, [Expr], negated: Bool)
    /// `LIKE` / `ILIKE` with an optional escape character.
    case like(Expr, pattern: Expr, caseInsensitive: Bool, negated: Bool, escape: Character?)
    /// An uncorrelated scalar subquery (one column, at most one row) evaluated once; the optimizer
    /// decorrelates correlated ones into joins before physical planning.
    case scalarSubquery(LogicalPlan, type: DataType)
    /// `[NOT] EXISTS (subquery)`; decorrelated into semi/anti/mark joins by the optimizer.
    case exists(LogicalPlan, negated: Bool)
    /// `x [NOT] IN (subquery)`; decorrelated into semi/anti/mark joins by the optimizer.
    case inSubquery(Expr, LogicalPlan, negated: Bool)

    /// One `WHEN … THEN …` of a ``caseWhen``.
    public struct CaseBranch: Sendable {
        public var condition: Expr
        public var value: Expr
        public init(condition: Expr, value: Expr) {
            self.condition = condition
            self.value = value
        }
    }

    /// The type of the value.
    public var type: DataType {
        switch self {
        case .column(let c): c.type
        case .literal(_, let t): t
        case .cast(_, let t, _): t
        case .not, .isNull, .like, .exists, .inSubquery, .inList: .boolean
        case .negate(let e): e.type
        case .binary(_, _, _, let s): s.returnType
        case .function(_, _, let s): s.returnType
        case .caseWhen(_, _, let t): t
        case .scalarSubquery(_, let t): t
        }
    }
}
