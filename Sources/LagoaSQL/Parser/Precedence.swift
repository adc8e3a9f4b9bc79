/// Binding strengths of expression operators, loosest first, following PostgreSQL:
/// `OR` < `AND` < `NOT` < `IS` < comparisons < `BETWEEN`/`IN`/`LIKE` < `||` < `+ -` < `* / // %`
/// < `AT TIME ZONE` < unary `+ -` < `::`.
enum Precedence {
    static let lowest = 0
    static let or = 1
    static let and = 2
    static let not = 3
    static let `is` = 4
    static let comparison = 5
    static let like = 6
    static let other = 7
    static let additive = 8
    static let multiplicative = 9
    static let atTimeZone = 10
    static let unary = 11
    static let cast = 12
    /// Atoms: literals, names, calls, parenthesised expressions.
    static let primary = 13

    /// The precedence of a binary operator.
    static func of(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: or
        case .and: and
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: comparison
        case .concat: other
        case .add, .subtract: additive
        case .multiply, .divide, .integerDivide, .modulo: multiplicative
        }
    }
}
