public import LagoaIceberg
import Synchronization

/// Iceberg's SQL catalog in a SQLite database file: the tables of Iceberg's `JdbcCatalog` and
/// PyIceberg's `SqlCatalog` (see ``CatalogStore``), so `SqlCatalog(name, uri="sqlite:///PATH")`
/// with the same catalog name sees the same namespaces and tables.
///
/// Safe for many tasks (one connection, used from one serial queue off the cooperative pool) and
/// for many processes on one machine: the database runs in WAL mode, and every write transaction
/// starts with `BEGIN IMMEDIATE`, so concurrent writers queue for the lock (up to `busyTimeout`)
/// and a ``commit(_:)`` is an atomic compare-and-swap. Do not put the file on a network file system.
public final class SQLiteCatalogStore: CatalogStore {
    public let catalogName: String
    /// The database file.
    public let path: String
    private let statements: SQLCatalogStatements
    private let connection: Mutex<SQLiteConnection?>
    private let queue: DatabaseQueue

    /// Opens the catalog database at `path`, creating the file and the catalog tables if missing.
    /// Blocks while it opens (and, if another process is writing, up to `busyTimeout`).
    /// - Parameters:
    ///   - catalogName: the `catalog_name` of every row this store reads and writes.
    ///   - busyTimeout: how long a write waits for another process's write transaction.
    /// - Throws: ``IcebergError/Code/io`` naming `path` when it cannot be opened or set up.
    public init(path: String, catalogName: String = "lagoa", busyTimeout: Duration = .seconds(30)) throws(IcebergError) {
        let milliseconds = Int32(clamping: busyTimeout.components.seconds * 1000
            + busyTimeout.components.attoseconds / 1_000_000_000_000_000)
        let sqlite = try SQLiteConnection(path: path, busyTimeoutMilliseconds: milliseconds)
        let hasTypeColumn = try sqlite.transaction(write: true) { (db) throws(IcebergError) -> Bool in
            try db.run(SQLCatalogSchema.createTables, [])
            try db.run(SQLCatalogSchema.createNamespaceProperties, [])
            do {
                _ = try db.rows(SQLCatalogSchema.probeTypeColumn, [])
                return true
            } catch {
                return false
            }
        }
        self.catalogName = catalogName
        self.path = path
        self.statements = SQLCatalogStatements(catalogName: catalogName, hasTypeColumn: hasTypeColumn)
        self.connection = Mutex(sqlite)
        self.queue = DatabaseQueue(label: "lagoa.catalog.sqlite")
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
        let path = self.path
        return try await queue.run { () throws(IcebergError) -> Value in
            try self.connection.withLock { (connection) throws(IcebergError) -> Value in
                guard let connection else {
                    throw IcebergError(.io, "SQLite catalog '\(path)' is closed; open a new store")
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
