import Foundation
import LagoaColumnar
import LagoaEngine
import LagoaIceberg
import LagoaIngest
import LagoaModels
import LagoaObjectStore
import LagoaTesting
import Logging
import Testing

/// A project folder with SOR tables made by SQL, its models run through write-audit-publish.
final class ModelProjectFixture {
    let folder = TestPaths.temporaryDirectory(prefix: "lagoa-models")
    let catalog: Catalog
    let engine: Engine

    init() throws {
        let store = try LocalFileSystemStore(root: folder + "/wh")
        catalog = Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url)
        engine = Engine(catalog: catalog, options: EngineOptions(threads: 2))
        write("sources/crm.yaml", "domain: sales\ntype: sqlite\npath: crm.db\n")
    }

    deinit { TestPaths.remove(folder) }

    func write(_ path: String, _ text: String) {
        let full = folder + "/" + path
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func sql(_ text: String) async throws {
        _ = try await engine.makeSession().execute(text)
    }

    func rows(_ text: String) async throws -> [[String]] {
        let result = try await engine.makeSession().query(text)
        return result.batches.flatMap { b in (0..<b.rowCount).map { r in b.columns.map { $0.value(at: r).description } } }
    }

    func project() throws -> ModelProject {
        let sources = [try SourceConfig(parsing: "domain: sales\ntype: sqlite\npath: crm.db\n", file: "sources/crm.yaml")]
        return try ModelProject.load(root: folder, sources: sources)
    }

    func run(_ select: [String] = [], run id: String = "r1", fullRefresh: Bool = false) async throws -> [ModelResult] {
        try await ModelRunner(project: try project(), engine: engine, logger: Logger(label: "test")).run(select: select, fullRefresh: fullRefresh, runID: id)
    }
}

@Suite struct ModelRunnerTests {
    func fixture() async throws -> ModelProjectFixture {
        let f = try ModelProjectFixture()
        try await f.sql("CREATE SCHEMA IF NOT EXISTS sales; CREATE SCHEMA IF NOT EXISTS sales.sor")
        try await f.sql("CREATE TABLE sales.sor.customers AS SELECT * FROM (VALUES (1, 'A@X.COM', 'active'), (1, 'a@x.com', 'active'), (2, 'b@y.com', 'gone')) AS t(id, email, status)")
        try await f.sql("CREATE TABLE sales.sor.orders AS SELECT * FROM (VALUES (10, 1, 5.0), (11, 2, 7.5)) AS t(id, customer_id, amount)")
        f.write("models/sales/sot/customers.sql", "SELECT DISTINCT id AS customer_id, lower(email) AS email, status FROM {{ source('crm', 'customers') }}")
        f.write("models/sales/sot/orders.sql", "SELECT id AS order_id, customer_id, amount FROM {{ source('crm', 'orders') }}")
        f.write("models/sales/spec/revenue.sql", "SELECT c.customer_id, sum(o.amount) AS revenue FROM {{ ref('orders') }} o JOIN {{ ref('customers') }} c USING (customer_id) GROUP BY 1")
        return f
    }

    @Test func modelsRunInDependencyOrderAndPublish() async throws {
        let f = try await fixture()
        let results = try await f.run()
        #expect(results.map(\.model) == ["customers", "orders", "revenue"])
        #expect(results.allSatisfy { $0.status == .success })
        #expect(try await f.rows("SELECT * FROM sales.spec.revenue ORDER BY 1") == [["1", "5.0"], ["2", "7.5"]])
        let table = try await f.catalog.loadTable(try TableIdentifier(parsing: "sales.spec.revenue"))
        #expect(table.metadata.refs.keys.sorted() == ["main"])  // the audit branch is gone
        #expect(try await f.run(["revenue+"]).map(\.model) == ["revenue"])
        #expect(try await f.run(["+revenue"]).map(\.model) == ["customers", "orders", "revenue"])
    }

    @Test func everyTestKindPassesAndFailsWithItsRows() async throws {
        let f = try await fixture()
        f.write("models/sales/sot/schema.yaml", """
            models:
              - name: customers
                columns:
                  - name: customer_id
                    tests: [not_null, unique]
                  - name: status
                    tests:
                      - accepted_values: { values: [active, inactive] }
              - name: orders
                columns:
                  - name: customer_id
                    tests:
                      - relationships: { to: "ref('customers')", field: customer_id }
                tests:
                  - name: amounts_positive
                    sql: "SELECT * FROM {{ this }} WHERE amount <= 0"
                  - unique: [order_id, customer_id]
            """)
        let results = try await f.run(["customers", "orders"])
        let customers = try #require(results.first { $0.model == "customers" })
        #expect(customers.status == .failed)
        #expect(customers.tests.map { "\($0.name)=\($0.failures)" } == [
            "not_null_customers_customer_id=0", "unique_customers_customer_id=0", "accepted_values_customers_status=1",
        ])
        #expect(customers.tests[2].sample == [["customer_id", "email", "status"], ["2", "b@y.com", "gone"]])
        #expect(customers.message == "tests failed, sales.sot.customers not published: accepted_values_customers_status (1 failing rows)")
        // Write-audit-publish: the failed model's table was new, so it does not exist at all.
        await #expect(throws: IcebergError.self) { _ = try await f.catalog.loadTable(try TableIdentifier(parsing: "sales.sot.customers")) }
        // orders' relationships test reads customers, so customers is a dependency: orders is skipped.
        let orders = try #require(results.first { $0.model == "orders" })
        #expect(orders.status == .skipped && orders.message == "skipped: 'customers' did not succeed")
        #expect(try f.project().graph.dependencies["orders"] == ["customers"])
        f.write("models/sales/sot/customers.sql", "SELECT DISTINCT id AS customer_id, lower(email) AS email, 'active' AS status FROM {{ source('crm', 'customers') }}")
        let second = try await f.run(["customers", "orders"], run: "r2")
        #expect(second.map(\.status) == [.success, .success])
        #expect(second[1].tests.map(\.name) == ["relationships_orders_customer_id", "amounts_positive", "unique_orders_order_id_customer_id"])
    }

    @Test func aFailingTestLeavesThePublishedTableAndSkipsDependants() async throws {
        let f = try await fixture()
        _ = try await f.run()
        let before = try await f.catalog.loadTable(try TableIdentifier(parsing: "sales.sot.customers")).metadata.currentSnapshotID
        try await f.sql("INSERT INTO sales.sor.customers VALUES (3, NULL, 'active')")
        f.write("models/sales/sot/schema.yaml", "models:\n  - name: customers\n    columns:\n      - name: email\n        tests: [not_null]\n")
        let results = try await f.run(run: "r2")
        #expect(results.map(\.status) == [.failed, .success, .skipped])
        #expect(results[2].message == "skipped: 'customers' did not succeed")
        let after = try await f.catalog.loadTable(try TableIdentifier(parsing: "sales.sot.customers"))
        #expect(after.metadata.currentSnapshotID == before)
        #expect(after.metadata.refs.keys.sorted() == ["main"])
        #expect(try await f.rows("SELECT count(*) FROM sales.sot.customers") == [["2"]])
    }

    @Test func incrementalModelsMergeByUniqueKey() async throws {
        let f = try await fixture()
        f.write("models/sales/sot/orders.sql", """
            SELECT id AS order_id, customer_id, amount FROM {{ source('crm', 'orders') }}
            {% if is_incremental() %} WHERE id >= (SELECT max(order_id) FROM {{ this }}) {% endif %}
            """)
        f.write("models/sales/sot/orders.yaml", "models:\n  - name: orders\n    materialized: incremental\n    unique_key: order_id\n")
        _ = try await f.run(["orders"])
        try await f.sql("UPDATE sales.sor.orders SET amount = 9.0 WHERE id = 11; INSERT INTO sales.sor.orders VALUES (12, 1, 1.0)")
        let second = try await f.run(["orders"], run: "r2")
        #expect(second[0].status == .success)
        #expect(try await f.rows("SELECT * FROM sales.sot.orders ORDER BY 1") == [["10", "1", "5.0"], ["11", "2", "9.0"], ["12", "1", "1.0"]])
        _ = try await f.run(["orders"], run: "r3")  // idempotent
        #expect(try await f.rows("SELECT count(*) FROM sales.sot.orders") == [["3"]])
    }

    @Test func aChangedSchemaIsRebuiltThroughAStagingTable() async throws {
        let f = try await fixture()
        _ = try await f.run(["orders"])
        f.write("models/sales/sot/orders.sql", "SELECT id AS order_id, CAST(amount AS VARCHAR) AS amount_text FROM {{ source('crm', 'orders') }}")
        let results = try await f.run(["orders"], run: "r2")
        #expect(results[0].status == .success, "\(results[0].message ?? "")")
        #expect(try await f.rows("SELECT * FROM sales.sot.orders ORDER BY 1") == [["10", "5.0"], ["11", "7.5"]])
        let names = try await f.catalog.listTables(in: try Namespace(["sales", "sot"])).map(\.name)
        #expect(names == ["orders"])
    }

    @Test func projectErrorsPointAtTheFileAndSuggest() throws {
        let f = try ModelProjectFixture()
        f.write("models/sales/sot/customers.sql", "SELECT * FROM {{ source('crn', 'customers') }}")
        f.write("models/sales/sot/orders.sql", "SELECT * FROM {{ ref('customer') }}")
        f.write("models/sales/raw/x.sql", "SELECT 1")
        f.write("models/sales/sot/schema.yaml", "models:\n  - name: customers\n    materialised: table\n")
        let sources = [try SourceConfig(parsing: "domain: sales\ntype: sqlite\npath: crm.db\n", file: "sources/crm.yaml")]
        let errors = ModelProject.validate(root: f.folder, sources: sources).1.map(\.description)
        #expect(errors.contains("models/sales/raw/x.sql: layer 'raw' is not one of sot, spec; raw tables (sor) are written by 'lagoa ingest'"))
        #expect(errors.contains("models/sales/sot/schema.yaml:3:5: unknown key 'materialised' in a model; did you mean \"materialized\"? (keys: name, description, owner, tags, materialized, unique_key, columns, tests, meta)"))
        #expect(errors.contains { $0.hasPrefix("models/sales/sot/orders.sql") && $0.contains("'customer'") && $0.contains("did you mean \"customers\"") }, "\(errors)")
    }
}
