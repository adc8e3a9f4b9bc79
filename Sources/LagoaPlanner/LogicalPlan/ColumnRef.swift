public import LagoaColumnar

/// A column produced somewhere in a logical plan, identified by a plan-wide unique ``id``.
///
/// Expressions refer to columns by id rather than by position, so optimizer rules can move filters,
/// prune projections and reorder joins without renumbering anything; the physical planner turns ids
/// into positions once. A correlated subquery's reference to an outer column is simply a
/// ``ColumnRef`` that its own inputs do not produce.
public struct ColumnRef: Sendable, Hashable {
    public var id: Int
    /// The name shown in output headers and EXPLAIN.
    public var name: String
    public var type: DataType
    public var nullable: Bool
    /// The table alias or name it came from, for EXPLAIN and error messages.
    public var relation: String?

    public init(id: Int, name: String, type: DataType, nullable: Bool = true, relation: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.nullable = nullable
        self.relation = relation
    }

    /// The field this column becomes in a result schema.
    public var field: Field { Field(name, type, nullable: nullable) }

    // Identity is the id alone.
    public static func == (lhs: ColumnRef, rhs: ColumnRef) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Hands out unique column ids within one query (binder and optimizer rules that add columns).
public final class ColumnIDGenerator: @unchecked Sendable {
    // Used by one planning thread at a time.
    private var next: Int

    public init(startingAt first: Int = 1) { next = first }

    /// A fresh column with a new id.
    public func make(_ name: String, _ type: DataType, nullable: Bool = true, relation: String? = nil) -> ColumnRef {
        defer { next += 1 }
        return ColumnRef(id: next, name: name, type: type, nullable: nullable, relation: relation)
    }
}
