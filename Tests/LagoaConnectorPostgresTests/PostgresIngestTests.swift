import LagoaColumnar
import LagoaConnectorPostgres
import LagoaIceberg
import LagoaIngest
import LagoaObjectStore
import LagoaTesting
import Logging
import Testing

/// PostgreSQL through the ingest runner: incremental runs on a timestamp cursor with lookback, and
/// every schema drift case.
@Suite(.enabled(if: PostgresTestServer.enabled, PostgresTestServer.reason))
struct PostgresIngestTests {
    let catalog: Catalog

    init() {
        let store = InMemoryObjectStore(name: "wh")
        catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
    }

    func run(_ url: String, _ server: PostgresServer, _ date: String, mode: IngestMode = .full) async throws -> TableOutcome {
        let plan = IngestPlan(
            sourceName: "erp", source: PostgresSource(url: url, password: server.password), domain: "sales",
            tables: [TablePlan(source: .init(schema: "public", name: "orders"), mode: mode)], date: try ExecutionDate(parsing: date),
            runID: "r-\(date)"
        )
        return await IngestRunner(catalog: catalog, logger: Logger(label: "test")).run(plan).tables[0]
    }

    func count(_ date: String? = nil) async throws -> Int {
        let table = try await catalog.loadTable(try TableIdentifier(parsing: "sales.sor.orders"))
        let filter: IcebergExpression = date.map { .compare("_lagoa_ingestion_date", .equal, .string($0)) } ?? .alwaysTrue
        return BatchComparison.rows(try await TableScan(table: table, filter: filter).readAll()).count
    }

    @Test func incrementalRunsFollowTheCursorWithLookback() async throws {
        let (server, url, name) = try await PostgresTestServer.database("""
            CREATE TABLE orders (id int, status text, updated_at timestamptz);
            INSERT INTO orders SELECT g, 'new', timestamptz '2026-11-01 00:00+00' + g * interval '1 hour' FROM generate_series(1, 100) g;
            """)
        let mode = IngestMode.incremental(cursor: "updated_at", lookback: .seconds(3600))
        #expect(try await run(url, server, "2026-11-19", mode: mode).rows == 100)
        _ = try await Subprocess.detached {
            try server.psql("UPDATE orders SET status = 'paid', updated_at = timestamptz '2026-11-10 00:00+00' WHERE id = 5; INSERT INTO orders VALUES (101, 'new', timestamptz '2026-11-06 00:00+00')", database: name)
        }
        let second = try await run(url, server, "2026-11-20", mode: mode)
        // The highest value seen was id 100's 2026-11-05 04:00; an hour of lookback re-reads id 99, 100.
        #expect(second.rows == 4 && second.cursorFrom == ">= 2026-11-05 03:00:00Z")
        let again = try await run(url, server, "2026-11-20", mode: mode)
        #expect(again.rows == 4)
        #expect(try await count() == 104)
    }

    @Test func schemaDriftCases() async throws {
        let (server, url, name) = try await PostgresTestServer.database("CREATE TABLE orders (id int, amount numeric(10,2), note text); INSERT INTO orders VALUES (1, 2.50, 'a')")
        #expect(try await run(url, server, "2026-11-18").status == .success)
        func alter(_ sql: String) async throws { _ = try await Subprocess.detached { try server.psql(sql, database: name) } }
        // A new column is added; a widened type (int → bigint, numeric(10,2) → numeric(12,2)) is followed.
        try await alter("ALTER TABLE orders ADD COLUMN channel text DEFAULT 'web'; ALTER TABLE orders ALTER COLUMN id TYPE bigint; ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2)")
        #expect(try await run(url, server, "2026-11-19").status == .success)
        let table = try await catalog.loadTable(try TableIdentifier(parsing: "sales.sor.orders"))
        #expect(table.schema.fields.map { "\($0.name) \($0.type)" }.filter { !$0.hasPrefix("_lagoa") } == ["id long", "amount decimal(12, 2)", "note string", "channel string"])
        // A dropped column stays, NULL from now on, with a warning.
        try await alter("ALTER TABLE orders DROP COLUMN note")
        let dropped = try await run(url, server, "2026-11-20")
        #expect(dropped.status == .success && dropped.warnings == ["column 'note' of sales.sor.orders is no longer in the source; it is NULL in the rows written from now on"])
        // An incompatible change fails the table and commits nothing.
        try await alter("ALTER TABLE orders ALTER COLUMN amount TYPE text")
        let failed = try await run(url, server, "2026-11-21")
        #expect(failed.status == .failed && failed.error?.message.contains("column 'amount' changed type in the source from decimal(12, 2) to string") == true)
        let onThatDate = try await count("2026-11-21")
        let total = try await count()
        #expect(onThatDate == 0 && total == 3)
    }
}
