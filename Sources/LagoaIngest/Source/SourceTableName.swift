/// A table in a source: `public.orders` in PostgreSQL, `orders` in SQLite, `orders` for the file
/// `orders.csv` (or folder `orders/`) of a folder source.
public struct SourceTableName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The schema (PostgreSQL) or `nil` where sources have none.
    public var schema: String?
    public var name: String

    public init(schema: String? = nil, name: String) {
        self.schema = schema
        self.name = name
    }

    public var description: String { schema.map { "\($0).\(name)" } ?? name }

    public static func < (lhs: SourceTableName, rhs: SourceTableName) -> Bool {
        (lhs.schema ?? "", lhs.name) < (rhs.schema ?? "", rhs.name)
    }
}
