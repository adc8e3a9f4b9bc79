import LagoaIceberg
import Testing

@testable import LagoaCatalogSQL

/// SQLite specifics: the exact table layout, older databases, foreign rows, locks and errors.
@Suite struct SQLiteCatalogStoreTests {
    /// `PRAGMA table_info` rows: name, declared type, not null, primary-key position.
    private func columns(_ db: SQLiteConnection, _ table: String) throws -> [String] {
        try db.rows("PRAGMA table_info(\(table))", []).map { row in
            "\(row[1] ?? "") \(row[2] ?? "") notnull=\(row[3] ?? "") pk=\(row[5] ?? "")"
        }
    }

    @Test func createsPyIcebergsTableLayout() throws {
        let path = CatalogTestEnvironment.freshSQLitePath()
        _ = try SQLiteCatalogStore(path: path)
        let db = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1000)
        #expect(
            try columns(db, "iceberg_tables") == [
                "catalog_name VARCHAR(255) notnull=1 pk=1",
                "table_namespace VARCHAR(255) notnull=1 pk=2",
                "table_name VARCHAR(255) notnull=1 pk=3",
                "metadata_location VARCHAR(1000) notnull=0 pk=0",
                "previous_metadata_location VARCHAR(1000) notnull=0 pk=0",
                "iceberg_type VARCHAR(5) notnull=0 pk=0",
            ]
        )
        #expect(
            try columns(db, "iceberg_namespace_properties") == [
                "catalog_name VARCHAR(255) notnull=1 pk=1",
                "namespace VARCHAR(255) notnull=1 pk=2",
                "property_key VARCHAR(255) notnull=1 pk=3",
                "property_value VARCHAR(1000) notnull=1 pk=0",
            ]
        )
        #expect(try db.rows("PRAGMA journal_mode", []) == [["wal"]])
    }

    @Test func writesTheRowsPyIcebergWrites() async throws {
        let path = CatalogTestEnvironment.freshSQLitePath()
        let store = try SQLiteCatalogStore(path: path)
        try await store.createNamespace(ns("sales"), properties: [:])
        try await store.createTable(table("sales.orders"), metadataLocation: "m1")
        try await store.commit([MetadataSwap(table: table("sales.orders"), expected: "m1", new: "m2")])
        let db = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1000)
        #expect(try db.rows("SELECT * FROM iceberg_namespace_properties", []) == [["lagoa", "sales", "exists", "true"]])
        #expect(try db.rows("SELECT * FROM iceberg_tables", []) == [["lagoa", "sales", "orders", "m2", "m1", "TABLE"]])
    }

    @Test func usesAnOlderDatabaseWithoutTheTypeColumnAsItIs() async throws {
        let path = CatalogTestEnvironment.freshSQLitePath()
        let db = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1000)
        try db.run(
            "CREATE TABLE iceberg_tables (catalog_name VARCHAR(255) NOT NULL, table_namespace VARCHAR(255) NOT NULL, "
                + "table_name VARCHAR(255) NOT NULL, metadata_location VARCHAR(1000), "
                + "previous_metadata_location VARCHAR(1000), PRIMARY KEY (catalog_name, table_namespace, table_name))",
            []
        )
        try db.run("INSERT INTO iceberg_tables VALUES ('lagoa', 'old', 't', 'm0', NULL)", [])
        let store = try SQLiteCatalogStore(path: path)
        #expect(try await store.listTables(in: ns("old")) == [table("old.t")])
        try await store.createTable(table("old.u"), metadataLocation: "m1")
        #expect(try await store.listTables(in: ns("old")) == [table("old.t"), table("old.u")])
        #expect(try columns(db, "iceberg_tables").count == 5, "no column added behind the owner's back")
    }

    @Test func viewsAndOtherCatalogsAreNotTables() async throws {
        let path = CatalogTestEnvironment.freshSQLitePath()
        let store = try SQLiteCatalogStore(path: path)
        let other = try SQLiteCatalogStore(path: path, catalogName: "other")
        let db = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1000)
        try db.run("INSERT INTO iceberg_tables VALUES ('lagoa', 'bi', 'v', 'view-m0', NULL, 'VIEW')", [])
        try await other.createNamespace(ns("sales"), properties: ["owner": "other"])

        #expect(try await store.namespaceExists(ns("bi")), "a view's namespace exists")
        #expect(try await store.listTables(in: ns("bi")) == [])
        await expectIcebergError(.notFound, "table 'bi.v' does not exist in catalog 'lagoa'") {
            () throws(IcebergError) in _ = try await store.metadataLocation(of: table("bi.v"))
        }
        await expectIcebergError(
            .alreadyExists,
            "cannot rename table 'bi.w' to 'bi.v': a table or view with that name already exists"
        ) { () throws(IcebergError) in
            try await store.createTable(table("bi.w"), metadataLocation: "m")
            try await store.renameTable(from: table("bi.w"), to: table("bi.v"))
        }
        #expect(try await store.listNamespaces(under: nil) == [ns("bi")])
        #expect(try await other.listNamespaces(under: nil) == [ns("sales")])
    }

    @Test func aWriterLockedOutForTheWholeBusyTimeoutGetsAClearError() async throws {
        let path = CatalogTestEnvironment.freshSQLitePath()
        let store = try SQLiteCatalogStore(path: path, busyTimeout: .milliseconds(200))
        let holder = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1000)
        try holder.run("BEGIN IMMEDIATE", [])
        await expectIcebergError(
            .io,
            "SQLite catalog '\(path)' is locked by another writer and stayed locked for the whole busy timeout "
                + "(0.2 s); retry later, or look for a process holding a long write transaction"
        ) { () throws(IcebergError) in try await store.createNamespace(ns("sales"), properties: [:]) }
        #expect(try await store.listNamespaces(under: nil) == [], "readers are not blocked (WAL)")
        try holder.run("ROLLBACK", [])
        try await store.createNamespace(ns("sales"), properties: [:])
    }

    @Test func unopenableAndClosedDatabasesNameThePath() async throws {
        #expect {
            _ = try SQLiteCatalogStore(path: "/nonexistent-lagoa/catalog.db")
        } throws: { error in
            (error as? IcebergError)?.message
                == "cannot open SQLite catalog '/nonexistent-lagoa/catalog.db': unable to open database file; "
                + "check that the folder exists and is writable"
        }
        let path = CatalogTestEnvironment.freshSQLitePath()
        let store = try SQLiteCatalogStore(path: path)
        store.close()
        await expectIcebergError(.io, "SQLite catalog '\(path)' is closed; open a new store") {
            () throws(IcebergError) in _ = try await store.listNamespaces(under: nil)
        }
    }
}
