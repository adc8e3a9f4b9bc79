import LagoaColumnar

/// The columns visible to expressions at one point of a query: the FROM clause's columns with their
/// relation names, and the enclosing query's scope for correlated references.
final class Scope {
    struct Entry {
        /// The table alias or name (`nil` for derived columns without a relation).
        var relation: String?
        var name: String
        var column: ColumnRef
        /// The right-hand copy of a `USING` / `NATURAL` join column: reachable qualified only,
        /// not expanded by `*`.
        var mergedAway: Bool = false
    }

    var entries: [Entry]
    let parent: Scope?

    init(_ entries: [Entry] = [], parent: Scope? = nil) {
        self.entries = entries
        self.parent = parent
    }

    /// Entries for the columns of a plan under one relation name.
    static func entries(of columns: [ColumnRef], relation: String?, names: [String]? = nil) -> [Entry] {
        columns.enumerated().map { i, c in Entry(relation: relation, name: names?[i] ?? c.name, column: c) }
    }

    /// The matches for `name` (optionally qualified by `relation`) in this scope only.
    func matches(_ name: String, relation: String?) -> [Entry] {
        entries.filter { e in
            e.name == name && (relation == nil ? !e.mergedAway : e.relation == relation)
        }
    }

    /// Whether a relation of that name is in this scope.
    func hasRelation(_ relation: String) -> Bool { entries.contains { $0.relation == relation } }

    /// Every column name visible here and in enclosing scopes, for suggestions.
    var allNames: [String] { entries.map(\.name) + (parent?.allNames ?? []) }
}
