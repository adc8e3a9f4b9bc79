/// `name([DISTINCT] args [ORDER BY …]) [WITHIN GROUP (ORDER BY …)] [FILTER (WHERE …)]
/// [IGNORE NULLS] [OVER …]`.
public struct FunctionCall: Hashable, Sendable {
    /// The function name (usually one part; `schema.fn` allowed).
    public var name: QualifiedName
    /// The arguments; named ones (`header := true`) carry a name.
    public var arguments: [FunctionArgument]
    /// `count(*)`: the argument list is a lone `*`.
    public var isStar: Bool
    /// `f(DISTINCT …)`.
    public var distinct: Bool
    /// `string_agg(x, ',' ORDER BY y)`.
    public var orderBy: [OrderByItem]
    /// `percentile_cont(0.5) WITHIN GROUP (ORDER BY x)`.
    public var withinGroup: [OrderByItem]
    /// `FILTER (WHERE …)`.
    public var filter: Expression?
    /// `IGNORE NULLS` (`RESPECT NULLS`, the default, is `false`).
    public var ignoreNulls: Bool
    /// `OVER (…)` or `OVER name`: makes this a window function call.
    public var over: WindowReference?

    /// Creates a call; only `name` and `arguments` are needed for plain scalar calls.
    public init(
        name: QualifiedName, arguments: [FunctionArgument] = [], isStar: Bool = false, distinct: Bool = false,
        orderBy: [OrderByItem] = [], withinGroup: [OrderByItem] = [], filter: Expression? = nil,
        ignoreNulls: Bool = false, over: WindowReference? = nil
    ) {
        self.name = name
        self.arguments = arguments
        self.isStar = isStar
        self.distinct = distinct
        self.orderBy = orderBy
        self.withinGroup = withinGroup
        self.filter = filter
        self.ignoreNulls = ignoreNulls
        self.over = over
    }
}

/// One argument of a function call: positional, or named (`name := value`, `name = value` in
/// table functions).
public struct FunctionArgument: Hashable, Sendable {
    /// The parameter name of a named argument.
    public var name: Identifier?
    /// The argument value.
    public var value: Expression

    /// Creates an argument.
    public init(name: Identifier? = nil, value: Expression) {
        self.name = name
        self.value = value
    }
}

/// `ORDER BY expr [ASC|DESC] [NULLS FIRST|LAST]`: the direction and null placement stay `nil`
/// when not written, so the unparser reproduces the text.
public struct OrderByItem: Hashable, Sendable {
    /// The sort key.
    public var expression: Expression
    /// `true` for ASC, `false` for DESC, `nil` when not written (ascending).
    public var ascending: Bool?
    /// `true` for NULLS FIRST, `false` for NULLS LAST, `nil` when not written.
    public var nullsFirst: Bool?

    /// Creates a sort key.
    public init(_ expression: Expression, ascending: Bool? = nil, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}
