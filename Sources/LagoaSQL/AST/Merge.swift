/// `MERGE INTO target [AS t] USING source [AS s] ON cond WHEN … THEN …`.
public struct Merge: Hashable, Sendable {
    /// The target table.
    public var target: QualifiedName
    /// The target alias.
    public var targetAlias: Identifier?
    /// The source: a table, subquery or table function, with its alias.
    public var source: TableReference
    /// The match condition.
    public var on: Expression
    /// The WHEN clauses, in order (the first whose condition holds applies).
    public var clauses: [MergeClause]

    /// Creates a MERGE statement.
    public init(target: QualifiedName, targetAlias: Identifier? = nil, source: TableReference, on: Expression, clauses: [MergeClause]) {
        self.target = target
        self.targetAlias = targetAlias
        self.source = source
        self.on = on
        self.clauses = clauses
    }
}

/// `WHEN [NOT] MATCHED [AND cond] THEN action`.
public struct MergeClause: Hashable, Sendable {
    /// `true` for WHEN MATCHED, `false` for WHEN NOT MATCHED.
    public var matched: Bool
    /// The extra `AND` condition.
    public var condition: Expression?
    /// What to do.
    public var action: MergeAction

    /// Creates a WHEN clause.
    public init(matched: Bool, condition: Expression? = nil, action: MergeAction) {
        self.matched = matched
        self.condition = condition
        self.action = action
    }
}

/// The action of a MERGE WHEN clause.
public enum MergeAction: Hashable, Sendable {
    /// `UPDATE SET c = e, …` (only after WHEN MATCHED).
    case update([Assignment])
    /// `DELETE` (only after WHEN MATCHED).
    case delete
    /// `INSERT [(cols)] VALUES (…)` (only after WHEN NOT MATCHED).
    case insert(columns: [Identifier], values: [Expression])
}
