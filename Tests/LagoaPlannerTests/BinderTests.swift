import LagoaColumnar
import LagoaPlanner
import Testing

@Suite("Binder") struct BinderTests {
    @Test("literals take DuckDB's types")
    func literalTypes() async throws {
        let (bound, _) = try await Planning.bind("SELECT 1, 3000000000, 0.06, 1e3, 'x', true, DATE '1998-12-01'")
        #expect(bound.plan.output.map(\.type) == [.int32, .int64, .decimal128(precision: 3, scale: 2), .float64, .string, .boolean, .date32])
        #expect(bound.names == ["1", "3000000000", "0.06", "1e3", "'x'", "true", "DATE '1998-12-01'"])
    }

    @Test("date minus an interval folds, and compares with a date column as a date")
    func intervals() async throws {
        let (bound, _) = try await Planning.bind("SELECT l_orderkey FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY")
        #expect(bound.plan.explainText().contains("Filter: l_shipdate <= DATE '1998-09-02'"))
        let (months, _) = try await Planning.bind("SELECT DATE '1994-01-31' + INTERVAL '1' MONTH")
        #expect(months.plan.explainText().contains("TIMESTAMP '1994-02-28 00:00:00'"))
    }

    @Test("ORDER BY an unselected column projects it away after the sort")
    func hiddenOrderBy() async throws {
        let (bound, _) = try await Planning.bind("SELECT n_name FROM nation ORDER BY n_regionkey DESC, 1")
        #expect(bound.names == ["n_name"])
        #expect(bound.plan.explainText() == """
            Projection: n_name
              Sort: n_regionkey DESC, n_name ASC
                Projection: n_name, n_regionkey
                  Scan: nation columns=[n_nationkey, n_name, n_regionkey, n_comment]
            """)
    }

    @Test("USING merges the join columns like PostgreSQL")
    func usingJoin() async throws {
        let (bound, _) = try await Planning.bind("SELECT * FROM nation a JOIN nation b USING (n_nationkey)")
        #expect(bound.names == ["n_nationkey", "n_name", "n_regionkey", "n_comment", "n_name", "n_regionkey", "n_comment"])
        let (natural, _) = try await Planning.bind("SELECT * FROM nation NATURAL JOIN nation AS b")
        #expect(natural.names == ["n_nationkey", "n_name", "n_regionkey", "n_comment"])
    }

    @Test("each CTE reference gets its own column ids")
    func cteReferences() async throws {
        let (bound, _) = try await Planning.bind("WITH t AS (SELECT n_nationkey AS k FROM nation) SELECT a.k, b.k FROM t a JOIN t b ON a.k = b.k")
        let ids = bound.plan.output.map(\.id)
        #expect(Set(ids).count == 2)
        var scans = 0
        bound.plan.forEachNode { if case .scan = $0 { scans += 1 } }
        #expect(scans == 2)
    }

    @Test("GROUP BY accepts ordinals, aliases and ALL")
    func groupByForms() async throws {
        for sql in [
            "SELECT n_regionkey AS r, count(*) FROM nation GROUP BY 1",
            "SELECT n_regionkey AS r, count(*) FROM nation GROUP BY r",
            "SELECT n_regionkey AS r, count(*) FROM nation GROUP BY ALL",
        ] {
            let (bound, _) = try await Planning.bind(sql)
            #expect(bound.plan.explainText().contains("Aggregate: groupBy=[n_regionkey] aggregates=[count(*)]"), "\(sql)")
        }
    }

    @Test("ROLLUP lists its grouping sets")
    func rollup() async throws {
        let (bound, _) = try await Planning.bind("SELECT n_regionkey, n_name, count(*) FROM nation GROUP BY ROLLUP (n_regionkey, n_name)")
        #expect(bound.plan.explainText().contains("sets=[(n_regionkey, n_name), (n_regionkey), ()]"))
    }

    @Test("SELECT DISTINCT is an aggregate over every selected column")
    func distinct() async throws {
        let (bound, _) = try await Planning.bind("SELECT DISTINCT n_regionkey FROM nation")
        #expect(bound.plan.explainText().contains("Aggregate: groupBy=[n_regionkey] aggregates=[]"))
    }

    @Test("set operations cast both sides to the common type")
    func setOperations() async throws {
        let (bound, _) = try await Planning.bind("SELECT n_nationkey FROM nation UNION ALL SELECT 3000000000")
        #expect(bound.plan.output.map(\.type) == [.int64])
        #expect(bound.plan.explainText().hasPrefix("UNION ALL: columns=[n_nationkey]"))
    }

    @Test("window calls become a Window node; QUALIFY filters on them")
    func windows() async throws {
        let (bound, _) = try await Planning.bind(
            "SELECT n_name, row_number() OVER w AS rn FROM nation WINDOW w AS (PARTITION BY n_regionkey ORDER BY n_name) QUALIFY rn = 1")
        let text = bound.plan.explainText()
        #expect(text.contains("Window: row_number() OVER (PARTITION BY n_regionkey ORDER BY n_name ASC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"))
        #expect(text.contains("Filter: row_number() = CAST(1 AS int64)"))
    }

    @Test("a string literal in FROM reads through read_auto")
    func pathInFrom() async throws {
        let (bound, _) = try await Planning.bind("SELECT a FROM 'data/*.parquet'")
        #expect(bound.plan.explainText().contains("Scan: read_auto('data/*.parquet')"))
    }

    @Test("views are expanded from their SQL text")
    func views() async throws {
        var catalog = TPCHCatalog()
        catalog.views["v"] = ViewDefinition(canonicalName: ["tpch", "v"], sql: "SELECT n_name FROM nation WHERE n_regionkey = 1", columnNames: ["name"])
        let (bound, _) = try await Planning.bind("SELECT name FROM v", catalog: catalog)
        #expect(bound.names == ["name"])
        #expect(bound.plan.explainText().contains("Filter: n_regionkey = 1"))
    }
}
