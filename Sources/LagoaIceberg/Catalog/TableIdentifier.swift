/// A table's name in a catalog: its namespace and its own name, written `sales.sor.orders`.
public struct TableIdentifier: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let namespace: Namespace
    public let name: String

    /// Validates the table name (same rules as a namespace level).
    public init(namespace: Namespace, name: String) throws(IcebergError) {
        try Namespace.validate(name: name, kind: "table")
        self.namespace = namespace
        self.name = name
    }

    /// Parses `namespace.table` with one or more namespace levels (`sales.sor.orders`).
    /// - Throws: when there is no namespace part or a level is invalid.
    public init(parsing dotted: String) throws(IcebergError) {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else {
            throw IcebergError(
                .invalidArgument,
                "table name '\(dotted)' has no namespace; write it as namespace.table, e.g. sales.sor.orders"
            )
        }
        try self.init(namespace: Namespace(Array(parts.dropLast())), name: parts[parts.count - 1])
    }

    public var description: String { namespace.dotted + "." + name }

    public static func < (lhs: TableIdentifier, rhs: TableIdentifier) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
