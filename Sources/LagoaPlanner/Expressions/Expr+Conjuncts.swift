public import LagoaColumnar
public import LagoaFunctions

extension Expr {
    /// The signature of a boolean connective (`AND`, `OR`).
    public static let booleanSignature = FunctionSignature(argumentTypes: [.boolean, .boolean], returnType: .boolean)

    /// `TRUE`.
    public static let trueLiteral = Expr.literal(.bool(true), .boolean)
    /// `FALSE`.
    public static let falseLiteral = Expr.literal(.bool(false), .boolean)

    /// `lhs AND rhs`.
    public static func and(_ lhs: Expr, _ rhs: Expr) -> Expr { .binary(.and, lhs, rhs, signature: booleanSignature) }
    /// `lhs OR rhs`.
    public static func or(_ lhs: Expr, _ rhs: Expr) -> Expr { .binary(.or, lhs, rhs, signature: booleanSignature) }

    /// `lhs = rhs` with both sides already of one type.
    public static func equal(_ lhs: Expr, _ rhs: Expr) -> Expr {
        .binary(.equal, lhs, rhs, signature: FunctionSignature(argumentTypes: [lhs.type, rhs.type], returnType: .boolean))
    }

    /// The conjuncts of a predicate: `a AND (b AND c)` gives `[a, b, c]`.
    public var conjuncts: [Expr] {
        if case .binary(.and, let l, let r, _) = self { return l.conjuncts + r.conjuncts }
        return [self]
    }

    /// The disjuncts of a predicate: `a OR (b OR c)` gives `[a, b, c]`.
    public var disjuncts: [Expr] {
        if case .binary(.or, let l, let r, _) = self { return l.disjuncts + r.disjuncts }
        return [self]
    }

    /// `c1 AND c2 AND …`; `nil` for no conjuncts.
    public static func conjunction(_ parts: [Expr]) -> Expr? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() { result = .and(result, part) }
        return result
    }

    /// `d1 OR d2 OR …`; `nil` for no disjuncts.
    public static func disjunction(_ parts: [Expr]) -> Expr? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() { result = .or(result, part) }
        return result
    }

    /// Whether this is the literal `TRUE`.
    public var isTrueLiteral: Bool { if case .literal(.bool(true), _) = self { true } else { false } }
    /// Whether this is the literal `FALSE`.
    public var isFalseLiteral: Bool { if case .literal(.bool(false), _) = self { true } else { false } }
    /// Whether this is a NULL literal.
    public var isNullLiteral: Bool { if case .literal(.null, _) = self { true } else { false } }
}
