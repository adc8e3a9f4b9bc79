import Foundation
import LagoaColumnar
import LagoaConnectorPostgres
import LagoaCore
import LagoaIceberg
import LagoaIngest
import LagoaObjectStore
import LagoaTesting
import Logging
import Testing

/// The PostgreSQL connector against a real server: every type value-exactly, extremes, incremental
/// bounds, streaming, and the faults (refused connection, terminated backend, cancel).
@Suite(.enabled(if: PostgresTestServer.enabled, PostgresTestServer.reason))
struct PostgresSourceTests {
    static let setup = """
        CREATE TYPE mood AS ENUM ('sad', 'happy');
        CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
        CREATE TABLE everything (
            i2 smallint, i4 integer, i8 bigint, n numeric(30,10), n38 numeric(38,0), nu numeric, big numeric(50,2),
            r real, d double precision, b boolean, tx text, vc varchar(10), c char(5), by bytea,
            dt date, tm time, ts timestamp, tz timestamptz, iv interval, u uuid, j json, jb jsonb,
            ai integer[], at text[], m mood, p posint, mo money, ip inet
        );
        SET TIME ZONE 'America/Sao_Paulo';
        INSERT INTO everything VALUES (
            -32768, 2147483647, -9223372036854775808, 12345678901234567890.0123456789, 99999999999999999999999999999999999999,
            -0.000001, 123456789012345678901234567890123456789012345678.99,
            3.25, -1e308, true, 'héllo 🌽 中文', '', 'ab', '\\x00ff10',
            '1900-01-01', '23:59:59.999999', '2262-04-11 23:47:16.854775', '1969-12-31 23:59:59.5-03',
            '1 year 2 mons -3 days 04:05:06.5', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"a": 1}', '{"b": [1, 2]}',
            '{1,NULL,3}', '{"x",""}', 'happy', 7, 12.34, '10.0.0.1');
        INSERT INTO everything (i4, tx, ts, tz) VALUES (NULL, NULL, '1850-06-01 12:00:00', '2150-01-01 00:00:00+00');
        CREATE TABLE events AS
            SELECT g AS id, timestamp '2026-01-01' + g * interval '1 minute' AS at, date '2026-01-01' + (g / 1000) AS day, 'e' || g AS note
            FROM generate_series(1, 200000) AS g;
        """

    func source(_ url: String, _ server: PostgresServer, numeric: PostgresSource.UnconstrainedNumeric = .decimal(scale: 10)) -> PostgresSource {
        PostgresSource(url: url, password: server.password, unconstrainedNumeric: numeric)
    }

    func readAll(_ source: PostgresSource, _ table: String, cursor: CursorBound? = nil, batchRows: Int = 65_536) throws -> [RecordBatch] {
        let name = SourceTableName(schema: "public", name: table)
        let cursor = try source.open(ExtractRequest(table: name, schema: try source.describe(name), cursor: cursor, batchRows: batchRows))
        var out: [RecordBatch] = []
        while let batch = try cursor.next() { out.append(batch) }
        cursor.close()
        return out
    }

    @Test func everyTypeMapsValueExactly() async throws {
        let (server, url, _) = try await PostgresTestServer.database(Self.setup)
        let pg = source(url, server)
        #expect(try pg.listTables(schema: "public").map(\.description) == ["public.events", "public.everything"])
        let schema = try pg.describe(SourceTableName(schema: "public", name: "everything"))
        #expect(schema.columns.map { "\($0.name) \($0.type)" } == [
            "i2 int16", "i4 int32", "i8 int64", "n decimal(30, 10)", "n38 decimal(38, 0)", "nu decimal(38, 10)", "big string",
            "r float32", "d float64", "b boolean", "tx string", "vc string", "c string", "by binary",
            "dt date32", "tm time64[us]", "ts timestamp[us]", "tz timestamp[us, UTC]", "iv string", "u string", "j string", "jb string",
            "ai list<int32>", "at list<string>", "m string", "p int32", "mo string", "ip string",
        ])
        let rows = BatchComparison.rows(try readAll(pg, "everything"))
        #expect(rows.count == 2)
        let expected: [Value] = [
            .int(-32768), .int(2_147_483_647), .int(Int64.min), .decimal(123_456_789_012_345_678_900_123_456_789, scale: 10),
            .decimal(Int128("99999999999999999999999999999999999999")!, scale: 0), .decimal(-10_000, scale: 10),
            .string("123456789012345678901234567890123456789012345678.99"),
            .float(3.25), .double(-1e308), .bool(true), .string("héllo 🌽 中文"), .string(""), .string("ab   "), .binary([0, 255, 16]),
            .date(-25567), .time(86_399_999_999, .microsecond), .timestamp(9_223_372_036_854_775, .microsecond, timeZone: nil),
            .timestamp(10_799_500_000, .microsecond, timeZone: "UTC"), .string("P1Y2M-3DT4H5M6.5S"), .string("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            .string("{\"a\": 1}"), .string("{\"b\": [1, 2]}"), .list([.int(1), .null, .int(3)]), .list([.string("x"), .string("")]),
            .string("happy"), .int(7), .string("$12.34"), .string("10.0.0.1"),
        ]
        for (index, value) in expected.enumerated() {
            #expect(rows[0][index] == value, "column \(schema.columns[index].name)")
        }
        #expect(rows[1][1] == .null && rows[1][10] == .null && rows[1][11] == .null)
        #expect(rows[1][16] == .timestamp(-3_773_736_000_000_000, .microsecond, timeZone: nil))  // 1850
        #expect(rows[1][17] == .timestamp(5_680_281_600_000_000, .microsecond, timeZone: "UTC"))  // 2150
    }

    @Test func unconstrainedNumericOverflowNamesTheValueOrReadsAsText() async throws {
        let (server, url, _) = try await PostgresTestServer.database("CREATE TABLE m (id int, v numeric); INSERT INTO m VALUES (1, 1.5), (2, 0.12345678901234)")
        #expect(throws: IngestError(
            .unsupportedType,
            "column 'v' (numeric) of public.m, row 2: numeric 0.12345678901234 has more than 10 decimal places, which decimal(38, 10) cannot hold exactly; read unconstrained numerics as string (unconstrained_numeric: string)",
            context: [.init("table", "public.m"), .init("column", "v"), .init("row", "2")]
        )) { _ = try readAll(source(url, server), "m") }
        let text = BatchComparison.rows(try readAll(source(url, server, numeric: .string), "m"))
        #expect(text.map { $0[1] } == [.string("1.5"), .string("0.12345678901234")])
    }

    @Test func incrementalBoundsAndStreamingInBatches() async throws {
        let (server, url, _) = try await PostgresTestServer.database(Self.setup)
        let pg = source(url, server)
        let all = try readAll(pg, "events", batchRows: 30_000)
        #expect(all.count == 7 && all.reduce(0) { $0 + $1.rowCount } == 200_000)
        let byID = try readAll(pg, "events", cursor: CursorBound(column: "id", value: .int(199_990)))
        #expect(byID.reduce(0) { $0 + $1.rowCount } == 10)
        let at = Int64(1_767_225_600 + 199_995 * 60) * 1_000_000  // 2026-01-01 + 199995 minutes
        let byTime = try readAll(pg, "events", cursor: CursorBound(column: "at", value: .timestamp(at, .microsecond, timeZone: nil), inclusive: true))
        #expect(byTime.reduce(0) { $0 + $1.rowCount } == 6)
        let day = Int32(20_454 + 199)  // 2026-01-01 + 199 days
        let byDay = try readAll(pg, "events", cursor: CursorBound(column: "day", value: .date(day)))
        #expect(byDay.reduce(0) { $0 + $1.rowCount } == 1)  // only g = 200000 has day 200
        let quoted = try readAll(pg, "events", cursor: CursorBound(column: "note", value: .string("e199999'; DROP TABLE events; --")))
        #expect(quoted.reduce(0) { $0 + $1.rowCount } == 88_889)  // e2…, e3…, …: the bound is a literal, not SQL
        #expect(try readAll(pg, "events").reduce(0) { $0 + $1.rowCount } == 200_000)
    }

    @Test func missingTablesAndRefusedConnectionsSayWhatToFix() async throws {
        let (server, url, name) = try await PostgresTestServer.database("CREATE TABLE a (x int)")
        #expect(throws: IngestError(.notFound, "table 'public.nope' does not exist in \(url) (tables in public: a)")) {
            try source(url, server).describe(SourceTableName(schema: "public", name: "nope"))
        }
        let wrong = PostgresSource(url: url, password: "wrong-password")
        #expect(throws: IngestError.self) { try wrong.listTables(schema: nil) }
        do {
            _ = try wrong.listTables(schema: nil)
        } catch {
            #expect(error.code == .connection)
            #expect(error.message.hasPrefix("cannot connect to postgresql://lagoa@127.0.0.1:\(server.port)/\(name):"))
            #expect(!error.message.contains("wrong-password"))
        }
    }

    @Test func aTerminatedBackendFailsTheTableAndCommitsNothing() async throws {
        let (server, url, name) = try await PostgresTestServer.database("""
            CREATE TABLE big AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 1500000) AS g;
            CREATE TABLE small AS SELECT g AS id FROM generate_series(1, 10) AS g;
            """)
        let store = InMemoryObjectStore(name: "wh")
        let catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        let progress = Killer(server: server, database: name)
        let runner = IngestRunner(catalog: catalog, logger: Logger(label: "test"), progress: progress)
        let plan = IngestPlan(
            sourceName: "erp", source: source(url, server), domain: "ops",
            tables: [TablePlan(source: .init(schema: "public", name: "big")), TablePlan(source: .init(schema: "public", name: "small"))],
            date: try ExecutionDate(parsing: "2026-11-20"), runID: "kill", parallelism: 2, batchRows: 10_000
        )
        let report = await runner.run(plan)
        let big = try #require(report.tables.first { $0.source.name == "big" })
        #expect(big.status == .failed)
        #expect(big.error?.code == .connectionLost)
        #expect(big.error?.message.contains("nothing of public.big was committed; run the ingest again") == true, "\(big.error?.message ?? "")")
        #expect(report.tables.first { $0.source.name == "small" }?.status == .success)
        #expect(try await catalog.loadTable(try TableIdentifier(parsing: "ops.sor.big")).metadata.currentSnapshotID == nil)
    }

    @Test func closeStopsABlockedRead() async throws {
        let (server, url, _) = try await PostgresTestServer.database("CREATE TABLE big AS SELECT g AS id FROM generate_series(1, 3000000) AS g")
        let pg = source(url, server)
        let name = SourceTableName(schema: "public", name: "big")
        let cursor = try pg.open(ExtractRequest(table: name, schema: try pg.describe(name), batchRows: 1000))
        _ = try cursor.next()
        cursor.close()
        #expect(throws: IngestError(.cancelled, "reading public.big was cancelled")) { while try cursor.next() != nil {} }
    }
}

/// Terminates the COPY's backend once the first rows of `big` arrive.
final class Killer: IngestProgress, @unchecked Sendable {
    let server: PostgresServer
    let database: String
    private let once = NSLock()
    private var done = false

    init(server: PostgresServer, database: String) {
        self.server = server
        self.database = database
    }

    func started(_ table: SourceTableName, target: String) {}
    func finished(_ outcome: TableOutcome) {}

    func read(_ table: SourceTableName, rows: Int64) {
        guard table.name == "big" else { return }
        once.lock()
        defer { once.unlock() }
        guard !done else { return }
        done = true
        _ = try? server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND query LIKE 'COPY%big%'")
    }
}
