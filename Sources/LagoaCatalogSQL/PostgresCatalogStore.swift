public import LagoaIceberg
import Synchronization

/// Iceberg's SQL catalog in a PostgreSQL database: the tables of Iceberg's `JdbcCatalog` and
/// PyIceberg's `SqlCatalog` (see ``CatalogStore``), so
/// `SqlCatalog(name, uri="postgresql+psycopg2://…")` with the same catalog name sees the same
/// namespaces and tables.
///
/// One connection, used from one serial queue off the cooperative pool (calls block that queue's
/// thread, not a task thread). Transactions run at READ COMMITTED: a ``commit(_:)`` is a
/// conditional `UPDATE … WHERE metadata_location = expected` per table. The first writer takes the
/// row lock; a concurrent one waits for it, and PostgreSQL then re-checks the condition against the
/// committed row, so a stale `expected` updates nothing and the whole commit rolls back with
/// ``IcebergError/Code/commitConflict``. That is the compare-and-swap PyIceberg and Java perform,
/// without SERIALIZABLE's retry loop (40001) for transactions that never conflicted on data.
/// Multi-table commits update rows in table order, so two of them cannot deadlock.
///
/// A read whose connection broke (server restart, idle session killed) reconnects once and runs
/// again; a write is never re-run once it may have reached the server. A connection lost during a
/// write's `COMMIT` throws ``IcebergError/Code/io`` ("lost the connection … during COMMIT"): the
/// write may or may not have been applied, so a caller must re-read the table before retrying.
public final class PostgresCatalogStore: CatalogStore {
    public let catalogName: String
    /// The server URL without password or options, `postgresql://user@host:port/database`.
    public let redactedURL: String
    private let statements: SQLCatalogStatements
    private let connection: Mutex<PostgresConnection?>
    private let queue: DatabaseQueue

    /// Connects to `url` (`postgresql://user:password@host:port/database?sslmode=…`; a SQLAlchemy
    /// form such as `postgresql+psycopg2://…` is accepted too) and creates the catalog tables if missing.
    /// Blocks while it connects (up to the URL's `connect_timeout`, 10 s by default).
    /// - Throws: ``IcebergError/Code/io`` naming the server (never the password) when it cannot
    ///   connect or set up the tables.
    public init(url: String, catalogName: String = "lagoa") throws(IcebergError) {
        let parsed = PostgresURL(url)
        let postgres = try PostgresConnection(url: parsed)
        let hasTypeColumn = try postgres.transaction(write: true) { (db) throws(IcebergError) -> Bool in
            // Serialises concurrent first opens: CREATE TABLE IF NOT EXISTS alone can race in PostgreSQL.
            _ = try db.rows("SELECT pg_advisory_xact_lock(7318349394477056)", [])
            try db.run(SQLCatalogSchema.createTables, [])
            try db.run(SQLCatalogSchema.createNamespaceProperties, [])
            let column = try db.rows(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                    + "AND table_name = 'iceberg_tables' AND column_name = 'iceberg_type'",
                []
            )
            return !column.isEmpty
        }
        self.catalogName = catalogName
        self.redactedURL = parsed.redacted
        self.statements = SQLCatalogStatements(catalogName: catalogName, hasTypeColumn: hasTypeColumn)
        self.connection = Mutex(postgres)
        self.queue = DatabaseQueue(label: "lagoa.catalog.postgres")
    }

    /// Closes the connection; every later call throws ``IcebergError/Code/io``. Waits for a
    /// running call to finish.
    public func close() {
        connection.withLock { connection in
            connection?.close()
            connection = nil
        }
    }

    /// Runs `body` in one transaction on the store's queue.
    private func transaction<Value: Sendable>(
        write: Bool,
        _ body: @escaping @Sendable (SQLCatalogStatements, any SQLSession) throws(IcebergError) -> Value
    ) async throws(IcebergError) -> Value {
        let statements = self.statements
        let url = self.redactedURL
        return try await queue.run { () throws(IcebergError) -> Value in
            try self.connection.withLock { (connection) throws(IcebergError) -> Value in
                guard let connection else {
                    throw IcebergError(.io, "PostgreSQL catalog '\(url)' is closed; open a new store")
                }
                return try connection.transaction(write: write) { (db) throws(IcebergError) -> Value in
                    try body(statements, db)
                }
            }
        }
    }

    // MARK: CatalogStore

    public func createNamespace(_ namespace: Namespace, properties: [String: String]) async throws(IcebergError) {
        try await transaction(write: true) { (s, db) throws(IcebergError) in try s.createNamespace(db, namespace, properties) }
    }

    public func namespaceExists(_ namespace: Namespace) async throws(IcebergError) -> Bool {
        try await transaction(write: false) { (s, db) throws(IcebergError) in try s.namespaceExists(db, namespace) }
    }

    public func listNamespaces(under parent: Namespace?) async throws(IcebergError) -> [Namespace] {
        try await transaction(write: false) { (s, db) throws(IcebergError) in try s.listNamespaces(db, under: parent) }
    }

    public func namespaceProperties(_ namespace: Namespace) async throws(IcebergError) -> [String: String] {
        try await transaction(write: false) { (s, db) throws(IcebergError) in try s.namespaceProperties(db, namespace) }
    }

    public func updateNamespaceProperties(
        _ namespace: Namespace,
        removals: Set<String>,
        updates: [String: String]
    ) async throws(IcebergError) {
        try await transaction(write: true) { (s, db) throws(IcebergError) in
            try s.updateNamespaceProperties(db, namespace, removals: removals, updates: updates)
        }
    }

    public func dropNamespace(_ namespace: Namespace) async throws(IcebergError) {
        try await transaction(write: true) { (s, db) throws(IcebergError) in try s.dropNamespace(db, namespace) }
    }

    public func listTables(in namespace: Namespace) async throws(IcebergError) -> [TableIdentifier] {
        try await transaction(write: false) { (s, db) throws(IcebergError) in try s.listTables(db, namespace) }
    }

    public func metadataLocation(of table: TableIdentifier) async throws(IcebergError) -> String {
        try await transaction(write: false) { (s, db) throws(IcebergError) in try s.metadataLocation(db, table) }
    }

    public func createTable(_ table: TableIdentifier, metadataLocation: String) async throws(IcebergError) {
        try await transaction(write: true) { (s, db) throws(IcebergError) in try s.createTable(db, table, metadataLocation) }
    }

    public func commit(_ swaps: [MetadataSwap]) async throws(IcebergError) {
        guard !swaps.isEmpty else { return }
        try await transaction(write: true) { (s, db) throws(IcebergError) in try s.commit(db, swaps) }
    }

    public func dropTable(_ table: TableIdentifier) async throws(IcebergError) -> String {
        try await transaction(write: true) { (s, db) throws(IcebergError) in try s.dropTable(db, table) }
    }

    public func renameTable(from: TableIdentifier, to: TableIdentifier) async throws(IcebergError) {
        try await transaction(write: true) { (s, db) throws(IcebergError) in try s.renameTable(db, from: from, to: to) }
    }
}
