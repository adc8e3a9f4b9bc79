/// A scalar expression with the span of text it was parsed from (ignored by `==`).
public struct Expression: Hashable, Sendable {
    /// What the expression is.
    public var kind: Kind
    /// Where it appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates an expression node.
    public init(_ kind: Kind, span: SourceSpan = .synthesized) {
        self.kind = kind
        self.span = span
    }

    /// The shapes an expression takes.
    public indirect enum Kind: Hashable, Sendable {
        /// A constant.
        case literal(Literal)
        /// A column reference of one to four parts (`c`, `t.c`, `s.t.c`, `db.s.t.c`).
        case column(QualifiedName)
        /// `-x`, `+x`, `NOT x`.
        case unary(UnaryOperator, Expression)
        /// `x op y` for arithmetic, `||`, comparisons, `AND`, `OR`.
        case binary(BinaryOperator, Expression, Expression)
        /// `x IS [NOT] NULL`.
        case isNull(Expression, negated: Bool)
        /// `x IS [NOT] TRUE` / `x IS [NOT] FALSE`.
        case isBoolean(Expression, value: Bool, negated: Bool)
        /// `x IS [NOT] DISTINCT FROM y`.
        case isDistinctFrom(Expression, Expression, negated: Bool)
        /// `x [NOT] BETWEEN low AND high`.
        case between(Expression, low: Expression, high: Expression, negated: Bool)
        /// `x [NOT] IN (a, b, …)`.
        case inList(Expression, [Expression], negated: Bool)
        /// `x [NOT] IN (subquery)`.
        case inSubquery(Expression, Query, negated: Bool)
        /// `x [NOT] LIKE|ILIKE pattern [ESCAPE e]`.
        case like(Expression, pattern: Expression, escape: Expression?, caseInsensitive: Bool, negated: Bool)
        /// `CASE [operand] WHEN … THEN … [ELSE …] END`.
        case caseWhen(CaseExpression)
        /// `CAST(x AS t)`, `TRY_CAST(x AS t)`, `x::t`.
        case cast(Expression, TypeName, CastSyntax)
        /// `EXTRACT(field FROM x)`; the field is lower-cased (`year`, `month`, `epoch`, `dow`, …).
        case extract(field: String, Expression)
        /// `SUBSTRING(x FROM start [FOR length])` (the comma form is an ordinary function call).
        case substring(Expression, from: Expression?, for: Expression?)
        /// `POSITION(needle IN haystack)`.
        case position(Expression, in: Expression)
        /// `TRIM([BOTH|LEADING|TRAILING] [characters] FROM x)`.
        case trim(TrimSide, characters: Expression?, Expression)
        /// `x AT TIME ZONE zone`.
        case atTimeZone(Expression, zone: Expression)
        /// A function call, aggregate or window function.
        case function(FunctionCall)
        /// `(SELECT …)` used as a value.
        case subquery(Query)
        /// `EXISTS (SELECT …)` (`NOT EXISTS` is `NOT` around it).
        case exists(Query)
        /// `*` or `t.*` where an expression is allowed as a function argument (`count(*)` is
        /// ``FunctionCall/isStar`` instead).
        case star(qualifier: QualifiedName?)
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Hashable, Sendable {
    case minus = "-"
    case plus = "+"
    case not = "NOT"
}

/// Infix operators, named for what they compute.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case integerDivide = "//"
    case modulo = "%"
    case concat = "||"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and = "AND"
    case or = "OR"

    /// Whether the operator is a comparison yielding a boolean.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}

/// How a cast was written: the binder treats `TRY_CAST` differently (NULL on failure).
public enum CastSyntax: String, Hashable, Sendable {
    /// `CAST(x AS t)`.
    case cast
    /// `TRY_CAST(x AS t)`.
    case tryCast
    /// `x::t`.
    case doubleColon
}

/// Which ends `TRIM` strips.
public enum TrimSide: String, Hashable, Sendable {
    case both = "BOTH"
    case leading = "LEADING"
    case trailing = "TRAILING"
}

/// `CASE [operand] WHEN … THEN … [ELSE …] END`.
public struct CaseExpression: Hashable, Sendable {
    /// The operand of a simple `CASE x WHEN 1 THEN …`; `nil` for a searched `CASE WHEN cond …`.
    public var operand: Expression?
    /// The `WHEN … THEN …` branches, in order.
    public var branches: [WhenClause]
    /// The `ELSE` result, if any.
    public var elseResult: Expression?

    /// Creates a CASE expression.
    public init(operand: Expression? = nil, branches: [WhenClause], elseResult: Expression? = nil) {
        self.operand = operand
        self.branches = branches
        self.elseResult = elseResult
    }
}

/// One `WHEN condition THEN result` branch.
public struct WhenClause: Hashable, Sendable {
    /// The condition (or the value compared with the operand).
    public var condition: Expression
    /// The result when the condition holds.
    public var result: Expression

    /// Creates a branch.
    public init(condition: Expression, result: Expression) {
        self.condition = condition
        self.result = result
    }
}
