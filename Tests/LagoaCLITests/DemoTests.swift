import CSQLite
import Foundation
import LagoaTesting
import Testing

/// `lagoa demo` at a small scale, its SPEC results checked against the generated databases
/// themselves (computed with SQLite, independently of Lagoa).
@Suite struct DemoTests {
    @Test func demoPublishesEveryModelAndItsResultsMatchTheSourceData() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-demo")
        defer { TestPaths.remove(folder) }
        let lagoa = try IngestKillTests.lagoaExecutable()
        let project = folder + "/cornlake"
        let demo = try Subprocess.run(lagoa, ["demo", "--dir", project, "--scale", "0.02"])
        #expect(demo.status == 0, "\(demo.output)")
        #expect(demo.output.contains("models: 14 of 14 published"))
        #expect(demo.output.contains("Revenue by crop, last full month"))

        func lagoaQuery(_ sql: String) throws -> String {
            let result = try Subprocess.run(lagoa, ["query", sql, "--format", "csv", "--warehouse", project + "/warehouse"])
            return result.output.split(separator: "\n").dropFirst().joined(separator: "\n")
        }
        func sqlite(_ db: String, _ sql: String) -> String {
            var handle: OpaquePointer?
            sqlite3_open_v2(project + "/data/\(db).db", &handle, SQLITE_OPEN_READONLY, nil)
            defer { sqlite3_close(handle) }
            var statement: OpaquePointer?
            sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return "?" }
            return String(cString: text)
        }

        // Revenue: every line of a non-cancelled order, each rounded to cents, exactly.
        let cents = sqlite("sales", """
            SELECT SUM((CAST(round(i.quantity_tonnes * 1000) AS INTEGER) * CAST(round(i.unit_price * 100) AS INTEGER) + 500) / 1000)
            FROM order_items i JOIN orders o ON o.order_id = i.order_id WHERE lower(trim(o.status)) <> 'cancelled'
            """)
        #expect(try lagoaQuery("SELECT CAST(sum(revenue) * 100 AS BIGINT) FROM sales.spec.revenue_by_crop_month") == cents)
        // Customers: one row per id, however many duplicates the CRM holds.
        #expect(try lagoaQuery("SELECT count(*) FROM sales.sot.customers") == sqlite("sales", "SELECT count(DISTINCT customer_id) FROM customers"))
        #expect(try lagoaQuery("SELECT count(*) FROM sales.sot.customers WHERE email <> lower(email) OR length(cpf) <> 11 OR length(phone) <> 11") == "0")
        // Orders: the latest status after day 2's updates.
        #expect(try lagoaQuery("SELECT count(*) FROM sales.sot.orders WHERE status = 'delivered'") == sqlite("sales", "SELECT count(*) FROM orders WHERE lower(trim(status)) = 'delivered'"))
        // Yield: one row per farm, crop and season with a positive harvest.
        #expect(try lagoaQuery("SELECT count(*), sum(harvests) FROM agronomy.spec.yield_per_hectare") == sqlite("agronomy", """
            SELECT count(*) || ',' || sum(n) FROM (SELECT f.farm_id, h.crop_id, substr(h.harvest_date, 1, 4), count(*) AS n
            FROM harvests h JOIN fields f ON f.field_id = h.field_id WHERE h.tonnes > 0 GROUP BY 1, 2, 3)
            """))
        // lagoa test inside the project: every model test and the singular tests pass on the published tables.
        let tests = try Subprocess.run(lagoa, ["test", "--project", project, "--warehouse", project + "/warehouse"])
        #expect(tests.status == 0, "\(tests.output)")
        // Two partitions per SOR table, and the history of both runs.
        #expect(try lagoaQuery("SELECT count(DISTINCT _lagoa_ingestion_date) FROM agronomy.sor.weather_readings") == "2")
        #expect(try lagoaQuery("SELECT count(DISTINCT run_id), count(*) FILTER (WHERE status <> 'success') FROM lagoa_system.ingest_runs") == "8,0")
    }
}
