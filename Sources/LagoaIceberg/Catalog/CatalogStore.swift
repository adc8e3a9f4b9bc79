/// The durable state of a catalog: namespaces with their properties, and for every table the
/// location of its current metadata file.
///
/// This is the layout of Iceberg's JDBC/SQL catalog: Lagoa's SQLite and PostgreSQL stores keep it in
/// the tables `iceberg_tables` and `iceberg_namespace_properties`, so PyIceberg's `SqlCatalog` and
/// Iceberg's `JdbcCatalog` can open the same database. Everything above (metadata files, manifests,
/// retries) is the ``Catalog``'s business; a store only swaps pointers atomically.
///
/// ## Implementing your own
/// - ``commit(_:)`` is a compare-and-swap over one or more tables inside one transaction: either
///   every table still points at its `expected` location and all move to `new`, or nothing changes
///   and it throws ``IcebergError/Code/commitConflict`` naming the first table that moved.
/// - Safe for concurrent use from many tasks and many processes.
public protocol CatalogStore: Sendable {
    /// The catalog name stored in every row (`lagoa` for Lagoa's own catalogs).
    var catalogName: String { get }

    /// Creates a namespace. Parents need not exist (as in the SQL catalog).
    /// - Throws: ``IcebergError/Code/alreadyExists``.
    func createNamespace(_ namespace: Namespace, properties: [String: String]) async throws(IcebergError)

    /// Whether the namespace exists: it was created, or a table lives in it or below it.
    func namespaceExists(_ namespace: Namespace) async throws(IcebergError) -> Bool

    /// The namespaces directly under `parent` (top-level ones when nil), sorted, including ones that
    /// exist only because a table or deeper namespace lives below them.
    func listNamespaces(under parent: Namespace?) async throws(IcebergError) -> [Namespace]

    /// The properties of a namespace. - Throws: ``IcebergError/Code/notFound``.
    func namespaceProperties(_ namespace: Namespace) async throws(IcebergError) -> [String: String]

    /// Sets and removes namespace properties in one transaction. - Throws: ``IcebergError/Code/notFound``.
    func updateNamespaceProperties(
        _ namespace: Namespace,
        removals: Set<String>,
        updates: [String: String]
    ) async throws(IcebergError)

    /// Drops an empty namespace.
    /// - Throws: ``IcebergError/Code/notFound``, or ``IcebergError/Code/namespaceNotEmpty`` when
    ///   tables or child namespaces remain.
    func dropNamespace(_ namespace: Namespace) async throws(IcebergError)

    /// The tables directly in `namespace`, sorted. - Throws: ``IcebergError/Code/notFound``.
    func listTables(in namespace: Namespace) async throws(IcebergError) -> [TableIdentifier]

    /// The current metadata location of a table. - Throws: ``IcebergError/Code/notFound``.
    func metadataLocation(of table: TableIdentifier) async throws(IcebergError) -> String

    /// Registers a new table. - Throws: ``IcebergError/Code/alreadyExists``, or
    /// ``IcebergError/Code/notFound`` when its namespace does not exist.
    func createTable(_ table: TableIdentifier, metadataLocation: String) async throws(IcebergError)

    /// Moves one or more tables to new metadata atomically (see the type's documentation).
    func commit(_ swaps: [MetadataSwap]) async throws(IcebergError)

    /// Unregisters a table and returns its last metadata location (for purging its files).
    /// - Throws: ``IcebergError/Code/notFound``.
    func dropTable(_ table: TableIdentifier) async throws(IcebergError) -> String

    /// Renames a table, possibly into another (existing) namespace.
    /// - Throws: ``IcebergError/Code/notFound`` or ``IcebergError/Code/alreadyExists``.
    func renameTable(from: TableIdentifier, to: TableIdentifier) async throws(IcebergError)
}

/// One table's step in a commit: from the metadata it was read at to the one just written.
public struct MetadataSwap: Sendable, Hashable {
    public var table: TableIdentifier
    /// The metadata location the writer started from.
    public var expected: String
    /// The metadata location to publish.
    public var new: String

    public init(table: TableIdentifier, expected: String, new: String) {
        self.table = table
        self.expected = expected
        self.new = new
    }
}
