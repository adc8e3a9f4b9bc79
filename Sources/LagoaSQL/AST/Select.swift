/// `SELECT [DISTINCT [ON (…)]] items [FROM …] [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …]
/// [QUALIFY …]`.
public struct Select: Hashable, Sendable {
    /// `DISTINCT` / `DISTINCT ON`, or `nil` for all rows.
    public var distinct: Distinct?
    /// The select list.
    public var items: [SelectItem]
    /// The FROM list (comma-separated references are cross joins).
    public var from: [TableReference]
    /// The WHERE condition.
    public var whereClause: Expression?
    /// The GROUP BY clause.
    public var groupBy: GroupBy?
    /// The HAVING condition.
    public var having: Expression?
    /// Named windows from the WINDOW clause.
    public var windows: [NamedWindow]
    /// The QUALIFY condition (a filter on window function results).
    public var qualify: Expression?
    /// Where the SELECT appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates a SELECT.
    public init(
        distinct: Distinct? = nil, items: [SelectItem], from: [TableReference] = [], whereClause: Expression? = nil,
        groupBy: GroupBy? = nil, having: Expression? = nil, windows: [NamedWindow] = [], qualify: Expression? = nil,
        span: SourceSpan = .synthesized
    ) {
        self.distinct = distinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
        self.qualify = qualify
        self.span = span
    }
}

/// `DISTINCT` or `DISTINCT ON (exprs)`.
public enum Distinct: Hashable, Sendable {
    case distinct
    case on([Expression])
}

/// One entry of the select list.
public enum SelectItem: Hashable, Sendable {
    /// `expr [[AS] alias]`.
    case expression(Expression, alias: Identifier?)
    /// `*`, `t.*`, `* EXCLUDE (a, b)`.
    case wildcard(qualifier: QualifiedName?, exclude: [Identifier])
}

/// The GROUP BY clause.
public enum GroupBy: Hashable, Sendable {
    /// `GROUP BY ALL`: every select item without an aggregate.
    case all
    /// `GROUP BY e1, ROLLUP(…), …`.
    case elements([GroupingElement])
}

/// One element of GROUP BY.
public enum GroupingElement: Hashable, Sendable {
    /// A plain grouping expression.
    case expression(Expression)
    /// `GROUPING SETS ((a, b), (a), ())`.
    case groupingSets([[Expression]])
    /// `ROLLUP (a, b)`.
    case rollup([Expression])
    /// `CUBE (a, b)`.
    case cube([Expression])
}
