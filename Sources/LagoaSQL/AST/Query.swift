/// A complete query: `[WITH …] body [ORDER BY …] [LIMIT n] [OFFSET m]`.
public struct Query: Hashable, Sendable {
    /// Common table expressions, in order.
    public var with: [CommonTableExpression]
    /// The SELECT, VALUES or set operation.
    public var body: QueryBody
    /// The ORDER BY of the whole query.
    public var orderBy: [OrderByItem]
    /// `LIMIT n` or `FETCH FIRST n ROWS ONLY`.
    public var limit: Expression?
    /// `OFFSET n`.
    public var offset: Expression?
    /// Where the query appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates a query.
    public init(
        with: [CommonTableExpression] = [], body: QueryBody, orderBy: [OrderByItem] = [], limit: Expression? = nil,
        offset: Expression? = nil, span: SourceSpan = .synthesized
    ) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
        self.span = span
    }
}

/// The body of a query.
public indirect enum QueryBody: Hashable, Sendable {
    /// `SELECT …`.
    case select(Select)
    /// `VALUES (…), (…)`: rows of expressions.
    case values([[Expression]])
    /// `left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right`.
    case setOperation(SetOperation)
    /// A parenthesised query with its own WITH / ORDER BY / LIMIT: `(SELECT … LIMIT 1) UNION …`.
    case nested(Query)
}

/// `left op [ALL|DISTINCT] right`. INTERSECT binds tighter than UNION and EXCEPT, which are
/// left-associative.
public struct SetOperation: Hashable, Sendable {
    /// The operators.
    public enum Operator: String, Hashable, Sendable {
        case union = "UNION"
        case intersect = "INTERSECT"
        case except = "EXCEPT"
    }

    /// UNION, INTERSECT or EXCEPT.
    public var op: Operator
    /// `ALL` keeps duplicates; `false` (the default, or `DISTINCT`) removes them.
    public var all: Bool
    /// Whether `DISTINCT` was written explicitly (kept for faithful unparsing; same meaning).
    public var explicitDistinct: Bool
    /// Left input.
    public var left: QueryBody
    /// Right input.
    public var right: QueryBody

    /// Creates a set operation.
    public init(op: Operator, all: Bool = false, explicitDistinct: Bool = false, left: QueryBody, right: QueryBody) {
        self.op = op
        self.all = all
        self.explicitDistinct = explicitDistinct
        self.left = left
        self.right = right
    }
}

/// `name [(columns)] AS (query)` in a WITH clause.
public struct CommonTableExpression: Hashable, Sendable {
    /// The CTE name.
    public var name: Identifier
    /// Optional column names.
    public var columns: [Identifier]
    /// The defining query.
    public var query: Query

    /// Creates a CTE.
    public init(name: Identifier, columns: [Identifier] = [], query: Query) {
        self.name = name
        self.columns = columns
        self.query = query
    }
}
