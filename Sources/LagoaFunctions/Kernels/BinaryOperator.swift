/// An infix operator of SQL expressions, after parsing. `AND`/`OR` use three-valued logic; the
/// comparisons return NULL when either side is NULL.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    /// `//`: integer division truncating toward zero (DuckDB).
    case integerDivide = "//"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// `IS NOT DISTINCT FROM`: equality where NULL equals NULL; never returns NULL.
    case notDistinct = "IS NOT DISTINCT FROM"
    /// `IS DISTINCT FROM`.
    case distinct = "IS DISTINCT FROM"
    case and = "AND"
    case or = "OR"
    /// `||` string concatenation.
    case concat = "||"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .notDistinct, .distinct: true
        default: false
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo, .integerDivide: true
        default: false
        }
    }
}
