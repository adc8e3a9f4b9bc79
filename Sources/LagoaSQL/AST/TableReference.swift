/// An entry of a FROM clause, with its span (ignored by `==`).
public struct TableReference: Hashable, Sendable {
    /// What is referenced.
    public var kind: Kind
    /// Where it appears in the statement text.
    @IgnoredInEquality public var span: SourceSpan

    /// Creates a table reference.
    public init(_ kind: Kind, span: SourceSpan = .synthesized) {
        self.kind = kind
        self.span = span
    }

    /// The shapes of table references.
    public indirect enum Kind: Hashable, Sendable {
        /// A catalog table or view, possibly at a branch or an earlier snapshot.
        case table(TableName)
        /// A table function: `read_parquet('p/*.parquet')`, `read_csv('f.csv', header = true)`.
        case function(FunctionCall, alias: TableAlias?)
        /// A string literal used as a table: `FROM 'data/*.parquet'`.
        case path(String, alias: TableAlias?)
        /// `(SELECT …) [AS] alias`.
        case subquery(Query, alias: TableAlias?)
        /// A join of two references.
        case join(Join)
        /// A parenthesised join: `(a JOIN b ON …) [AS] alias`.
        case nested(TableReference, alias: TableAlias?)
    }
}

/// A named table with its modifiers: `s.t@branch FOR VERSION AS OF 3 AS x(a, b)`.
public struct TableName: Hashable, Sendable {
    /// The table name (`domain.layer.table`).
    public var name: QualifiedName
    /// `t@branch`: read the head of a branch or tag.
    public var branch: Identifier?
    /// `FOR VERSION AS OF` / `FOR TIMESTAMP AS OF`.
    public var timeTravel: TimeTravel?
    /// `[AS] alias [(columns)]`.
    public var alias: TableAlias?

    /// Creates a table name reference.
    public init(name: QualifiedName, branch: Identifier? = nil, timeTravel: TimeTravel? = nil, alias: TableAlias? = nil) {
        self.name = name
        self.branch = branch
        self.timeTravel = timeTravel
        self.alias = alias
    }
}

/// Time travel on a table reference.
public enum TimeTravel: Hashable, Sendable {
    /// `FOR VERSION AS OF <snapshot id>`.
    case version(Expression)
    /// `FOR TIMESTAMP AS OF '<timestamp>'`.
    case timestamp(Expression)
}

/// `[AS] name [(column, …)]`.
public struct TableAlias: Hashable, Sendable {
    /// The alias.
    public var name: Identifier
    /// Column aliases, renaming the referenced columns in order.
    public var columns: [Identifier]

    /// Creates an alias.
    public init(name: Identifier, columns: [Identifier] = []) {
        self.name = name
        self.columns = columns
    }
}

/// `left [NATURAL] kind JOIN right [ON cond | USING (cols)]`.
public struct Join: Hashable, Sendable {
    /// Join kinds as written.
    public enum Kind: String, Hashable, Sendable {
        case inner = "JOIN"
        case left = "LEFT JOIN"
        case right = "RIGHT JOIN"
        case full = "FULL JOIN"
        case cross = "CROSS JOIN"
    }

    /// The join condition.
    public enum Condition: Hashable, Sendable {
        /// `ON expr`.
        case on(Expression)
        /// `USING (a, b)`.
        case using([Identifier])
    }

    /// Left input.
    public var left: TableReference
    /// Right input.
    public var right: TableReference
    /// INNER, LEFT, RIGHT, FULL or CROSS.
    public var kind: Kind
    /// `NATURAL` joins on all same-named columns and has no condition.
    public var natural: Bool
    /// ON or USING; `nil` for CROSS and NATURAL joins.
    public var condition: Condition?

    /// Creates a join.
    public init(left: TableReference, right: TableReference, kind: Kind, natural: Bool = false, condition: Condition? = nil) {
        self.left = left
        self.right = right
        self.kind = kind
        self.natural = natural
        self.condition = condition
    }
}
