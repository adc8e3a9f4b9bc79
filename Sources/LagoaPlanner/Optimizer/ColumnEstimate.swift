/// What the planner knows of one column's values.
public struct ColumnEstimate: Sendable, Hashable {
    /// Distinct non-NULL values among the rows (never more than the rows).
    public var distinct: Double
    /// For a column (about) unique in its table, a key: the distinct values of the whole table.
    /// A column joined to it is assumed to draw its values from that domain (a foreign key), so
    /// filters on the key's table do not shrink the other side's distinct count.
    public var keyDomain: Double?

    public init(distinct: Double, keyDomain: Double? = nil) {
        self.distinct = distinct
        self.keyDomain = keyDomain
    }
}
