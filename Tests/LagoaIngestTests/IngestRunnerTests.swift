import LagoaColumnar
import LagoaConnectorSQLite
import LagoaCore
import LagoaIceberg
import LagoaIngest
import LagoaObjectStore
import LagoaTesting
import Logging
import Testing

/// The runner end to end over a SQLite source into an in-memory warehouse.
@Suite struct IngestRunnerTests {
    let fixture = SQLiteFixture()
    let catalog: Catalog

    init() {
        let store = InMemoryObjectStore(name: "wh")
        catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        fixture.exec("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email VARCHAR(200), birth DATE, created_at DATETIME, credit DECIMAL(10,2), active BOOLEAN);
            INSERT INTO customers VALUES (1, 'Ana', 'ana@x.com', '1990-05-01', '2026-01-01 10:00:00', 100.5, 1);
            INSERT INTO customers VALUES (2, 'Bruno', NULL, NULL, '2026-01-02 11:30:00.250', '12.25', 0);
            INSERT INTO customers VALUES (3, 'Çação 🌽', '', '1969-12-31', NULL, NULL, NULL);
            CREATE TABLE orders (order_id INTEGER, customer_id INTEGER, amount REAL);
            INSERT INTO orders VALUES (10, 1, 5.5), (11, 2, 7.25);
            """)
    }

    func plan(_ date: String, _ tables: [TablePlan]? = nil, run: String = "r1") throws -> IngestPlan {
        IngestPlan(
            sourceName: "crm",
            source: SQLiteSource(path: fixture.path),
            domain: "sales",
            tables: tables ?? [TablePlan(source: .init(name: "customers")), TablePlan(source: .init(name: "orders"))],
            date: try ExecutionDate(parsing: date),
            runID: run,
            parallelism: 2,
            batchRows: 2
        )
    }

    func runner() -> IngestRunner { IngestRunner(catalog: catalog, logger: Logger(label: "test")) }

    func rows(_ name: String, where filter: IcebergExpression = .alwaysTrue) async throws -> [[Value]] {
        let table = try await catalog.loadTable(try TableIdentifier(parsing: name))
        return BatchComparison.rows(try await TableScan(table: table, filter: filter).readAll()).sorted { "\($0)" < "\($1)" }
    }

    @Test func fullRunWritesEveryTableWithSORColumnsAndTypes() async throws {
        let report = await runner().run(try plan("2026-11-20"))
        #expect(report.failedCount == 0, "\(report.tables.map { $0.error?.rendered ?? "" })")
        #expect(report.tables.map(\.rows) == [3, 2])
        let customers = try await rows("sales.sor.customers")
        #expect(customers.count == 3)
        let date = try ExecutionDate(parsing: "2026-11-20").days
        #expect(customers[0] == [
            .int(1), .string("Ana"), .string("ana@x.com"), .date(7425), .timestamp(1_767_261_600_000_000, .microsecond, timeZone: nil),
            .decimal(10050, scale: 2), .bool(true), .date(date), .string("r1"), customers[0][9],
        ])
        #expect(customers[1][5] == .decimal(1225, scale: 2) && customers[1][4] == .timestamp(1_767_353_400_250_000, .microsecond, timeZone: nil))
        #expect(customers[2][1] == .string("Çação 🌽") && customers[2][2] == .string("") && customers[2][3] == .date(-1) && customers[2][6] == .null)
        let table = try await catalog.loadTable(try TableIdentifier(parsing: "sales.sor.customers"))
        #expect(table.spec.fields.map(\.name) == ["_lagoa_ingestion_date"])
    }

    @Test func rerunningADateReplacesItsPartitionAndOtherDatesStay() async throws {
        _ = await runner().run(try plan("2026-11-20"))
        fixture.exec("INSERT INTO orders VALUES (12, 3, 1.0)")
        _ = await runner().run(try plan("2026-11-21", run: "r2"))
        _ = await runner().run(try plan("2026-11-21", run: "r3"))
        let orders = try await rows("sales.sor.orders")
        #expect(orders.count == 2 + 3)
        let day21 = try await rows("sales.sor.orders", where: .compare("_lagoa_ingestion_date", .equal, .string("2026-11-21")))
        #expect(day21.count == 3 && day21.allSatisfy { $0[4] == .string("r3") })
    }

    @Test func incrementalReadsOnlyNewRowsAndIsIdempotentPerDate() async throws {
        let tables = [TablePlan(source: .init(name: "orders"), mode: .incremental(cursor: "order_id", lookback: nil))]
        _ = await runner().run(try plan("2026-11-20", tables))
        fixture.exec("INSERT INTO orders VALUES (12, 3, 1.0), (13, 1, 2.0)")
        let second = await runner().run(try plan("2026-11-21", tables, run: "r2"))
        #expect(second.tables[0].rows == 2 && second.tables[0].cursorFrom == "> 11")
        let again = await runner().run(try plan("2026-11-21", tables, run: "r3"))
        #expect(again.tables[0].rows == 2)
        #expect(try await rows("sales.sor.orders").count == 4)
        let lookback = [TablePlan(source: .init(name: "orders"), mode: .incremental(cursor: "order_id", lookback: .count(1)))]
        fixture.exec("INSERT INTO orders VALUES (14, 3, 1.0)")
        let third = await runner().run(try plan("2026-11-22", lookback, run: "r4"))
        #expect(third.tables[0].rows == 3 && third.tables[0].cursorFrom == ">= 12")  // 12 and 13 again, and 14
    }

    @Test func schemaDriftAddsColumnsNullsDroppedOnesAndFailsIncompatibleChanges() async throws {
        _ = await runner().run(try plan("2026-11-20"))
        fixture.exec("""
            ALTER TABLE orders ADD COLUMN channel TEXT; UPDATE orders SET channel = 'web';
            CREATE TABLE c2 (id TEXT, name TEXT, email VARCHAR(200), birth DATE, created_at DATETIME, credit DECIMAL(10,2), active BOOLEAN);
            INSERT INTO c2 SELECT * FROM customers; DROP TABLE customers; ALTER TABLE c2 RENAME TO customers;
            """)
        let report = await runner().run(try plan("2026-11-21", run: "r2"))
        #expect(report.tables[1].status == .success)
        let orders = try await rows("sales.sor.orders", where: .compare("_lagoa_ingestion_date", .equal, .string("2026-11-21")))
        #expect(orders.first?[6] == .string("web"))  // added columns follow the SOR columns
        let failed = try #require(report.tables[0].error)
        #expect(failed.code == .write)
        #expect(failed.message.contains("column 'id' changed type in the source from long to string"))
        #expect(try await rows("sales.sor.customers").count == 3)  // the 20th only: nothing committed for the 21st

        fixture.exec("ALTER TABLE orders DROP COLUMN amount")
        let dropped = await runner().run(try plan("2026-11-22", [TablePlan(source: .init(name: "orders"))], run: "r3"))
        #expect(dropped.tables[0].warnings == ["column 'amount' of sales.sor.orders is no longer in the source; it is NULL in the rows written from now on"])
    }

    @Test func aBadValueFailsOnlyItsTableAndTheHistoryRecordsIt() async throws {
        fixture.exec("INSERT INTO orders VALUES ('x12', 1, 1.0)")
        let report = await runner().run(try plan("2026-11-20"))
        #expect(report.tables[0].status == .success && report.tables[1].status == .failed)
        #expect(report.tables[1].error?.message == "value 'x12' in column 'order_id' (declared INTEGER) of orders, row 3, is not a int64; fix the row, or declare the column TEXT (or cast it in a view) to keep it as text")
        #expect(try await catalog.loadTable(try TableIdentifier(parsing: "sales.sor.orders")).metadata.currentSnapshotID == nil)
        let history = try await rows(RunHistory.table)
        #expect(history.count == 2)
        #expect(history.map { $0[6] } .contains(.string("failed")))
    }
}
