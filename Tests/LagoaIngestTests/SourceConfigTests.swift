import LagoaIngest
import Testing

/// sources/*.yaml and lagoa.yaml: what they accept and the exact errors for what they refuse.
@Suite struct SourceConfigTests {
    @Test func readsTablesModesAndDefaults() throws {
        let config = try SourceConfig(parsing: """
            domain: sales
            type: postgresql
            url: postgresql://app@db:5432/crm
            password_env: CRM_PASSWORD
            tables:
              - customers
              - name: orders
                cursor: updated_at
                lookback: 2 days
            """, file: "sources/crm.yaml")
        #expect(config.name == "crm" && config.domain == "sales" && config.kind == .postgresql && config.parallelism == 2)
        let plan = try config.plan(available: [.init(schema: "public", name: "customers"), .init(schema: "public", name: "orders")])
        #expect(plan.map(\.mode) == [.full, .incremental(cursor: "updated_at", lookback: .seconds(172_800))])
    }

    @Test func includeAndExcludePatternsChooseTables() throws {
        let config = try SourceConfig(parsing: "domain: ops\ntype: sqlite\npath: a.db\ninclude: [\"s*\"]\nexclude: [\"*_tmp\"]\n", file: "sources/ops.yaml")
        let plan = try config.plan(available: ["shipments", "stock_tmp", "sales", "orders"].map { SourceTableName(name: $0) })
        #expect(plan.map(\.source.name) == ["shipments", "sales"])
    }

    @Test(arguments: [
        ("domain: sales\ntype: postgres\n", "sources/x.yaml:2:7: type 'postgres' is not one of postgresql, sqlite, files; did you mean \"postgresql\"?"),
        ("domain: sales\ntype: sqlite\npath: a.db\ntabels: [a]\n", "sources/x.yaml:4:1: unknown key 'tabels' in a source; did you mean \"tables\"? (keys: name, domain, type, url, password_env, path, schema, tables, include, exclude, mode, cursor, lookback, parallelism, timezone, schedule, batch_rows, description, owner, unconstrained_numeric)"),
        ("domain: sales\ntype: postgresql\nurl: postgresql://app:s3cret@db/crm\n", "sources/x.yaml:3:6: the url holds a password; remove it and set 'password_env: NAME' to read it from the environment variable NAME"),
        ("domain: sales\ntype: postgresql\npassword: hunter2\n", "sources/x.yaml:3:1: passwords never go in project files; set an environment variable and name it with 'password_env: CRM_PASSWORD'"),
        ("domain: sales\ntype: sqlite\npath: a.db\nmode: incremental\n", "sources/x.yaml:4:7: incremental mode needs 'cursor: <column>' (e.g. updated_at or id)"),
        ("domain: Sales\ntype: sqlite\npath: a.db\n", "sources/x.yaml:1:9: domain 'Sales' must be lower-case letters, digits and _ (it names the namespace Sales.sor)"),
        ("domain: sales\ntype: sqlite\npath: a.db\ntimezone: America/Sao_Pablo\n", "sources/x.yaml:4:11: unknown time zone 'America/Sao_Pablo'; use an IANA name such as America/Sao_Paulo or UTC"),
        ("domain: sales\ntype: sqlite\npath: a.db\ntables:\n  - name: orders\n    lookback: 1 fortnight\n", "sources/x.yaml:6:15: lookback unit 'fortnight' is not understood; use seconds, minutes, hours or days"),
        ("domain: [sales\n", "sources/x.yaml: not valid YAML: line 2, column 1: did not find expected ',' or ']'"),
    ])
    func refusesWithTheLineAndTheFix(_ text: String, _ message: String) {
        #expect(throws: IngestError(.configuration, message)) { try SourceConfig(parsing: text, file: "sources/x.yaml") }
    }

    @Test func unknownListedTableSuggestsTheNearestName() throws {
        let config = try SourceConfig(parsing: "domain: sales\ntype: sqlite\npath: a.db\ntables: [custmers]\n", file: "sources/crm.yaml")
        #expect(throws: IngestError(.notFound, "sources/crm.yaml: table 'custmers' is not in source 'crm'; did you mean \"customers\"? (tables: customers, orders)")) {
            try config.plan(available: [.init(name: "customers"), .init(name: "orders")])
        }
    }

    @Test func projectFileEnvironmentsAndErrors() throws {
        let config = try ProjectConfig(parsing: "name: cornlake\ntimezone: America/Sao_Paulo\nenvironments:\n  prod:\n    warehouse: s3://lake/prod\n")
        #expect(try config.settings(environment: "prod").warehouse == "s3://lake/prod")
        #expect(try config.settings(environment: nil).warehouse == "./warehouse")
        #expect(throws: IngestError(.configuration, "lagoa.yaml: no environment 'prd'; did you mean \"prod\"? (environments: prod)")) { try config.settings(environment: "prd") }
        #expect(throws: IngestError(.configuration, "lagoa.yaml:2:1: unknown key 'warehose' in lagoa.yaml; did you mean \"warehouse\"? (keys: name, warehouse, catalog, timezone, description, environments)")) {
            try ProjectConfig(parsing: "name: x\nwarehose: ./w\n")
        }
    }

    @Test func executionDatesParseAndFollowTheTimeZone() throws {
        #expect(try ExecutionDate(parsing: "2026-11-20").description == "2026-11-20")
        #expect(throws: IngestError(.configuration, "'2026-02-30' is not a date; write the execution date as YYYY-MM-DD, e.g. --date 2026-11-20")) { try ExecutionDate(parsing: "2026-02-30") }
        // 2026-11-20 02:30 UTC is still the 19th in São Paulo (UTC-3).
        let instant: Int64 = 1_795_141_800_000
        #expect(try ExecutionDate.today(in: "UTC", nowMillis: instant).description == "2026-11-20")
        #expect(try ExecutionDate.today(in: "America/Sao_Paulo", nowMillis: instant).description == "2026-11-19")
    }
}
