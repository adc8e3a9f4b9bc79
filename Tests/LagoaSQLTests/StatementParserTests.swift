import LagoaSQL
import Testing

/// Spot checks that statements parse to the expected AST.
@Suite struct StatementParserTests {
    static func column(_ parts: String...) -> Expression { Expression(.column(QualifiedName(parts.map { Identifier($0) }))) }
    static func integer(_ text: String) -> Expression { Expression(.literal(.integer(text))) }
    static func string(_ text: String) -> Expression { Expression(.literal(.string(text))) }
    static func table(_ parts: String..., alias: String? = nil) -> TableReference {
        TableReference(.table(TableName(name: QualifiedName(parts.map { Identifier($0) }), alias: alias.map { TableAlias(name: Identifier($0)) })))
    }

    static func select(_ sql: String) throws -> Select {
        guard case .query(let query) = try Parser.parseStatement(sql), case .select(let select) = query.body else {
            throw Failure(sql: sql)
        }
        return select
    }

    struct Failure: Error { var sql: String }

    @Test("Scripts split on semicolons and skip empty statements")
    func script() throws {
        let statements = try Parser.parse(";; SELECT 1; ; -- comment\nSELECT 2;\n/* end */")
        #expect(statements.count == 2)
        #expect(try Parser.parse("").isEmpty)
        #expect(try Parser.parse("  -- only a comment\n").isEmpty)
        let spans = try Parser.parseWithSpans("SELECT 1;\n  SELECT  2 ;")
        #expect(spans.map(\.span) == [SourceSpan(start: 0, end: 8), SourceSpan(start: 12, end: 21)])
    }

    @Test("SELECT with every clause")
    func selectClauses() throws {
        let select = try Self.select(
            "SELECT DISTINCT a, b AS x FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 2 WINDOW w AS (ORDER BY a) QUALIFY true")
        #expect(select.distinct == .distinct)
        #expect(select.items == [.expression(Self.column("a"), alias: nil), .expression(Self.column("b"), alias: Identifier("x"))])
        #expect(select.from == [Self.table("t")])
        #expect(select.whereClause == Expression(.binary(.greater, Self.column("a"), Self.integer("1"))))
        #expect(select.groupBy == .elements([.expression(Self.column("a")), .expression(Self.column("b"))]))
        #expect(select.windows == [NamedWindow(name: Identifier("w"), spec: WindowSpec(orderBy: [OrderByItem(Self.column("a"))]))])
        #expect(select.qualify == Expression(.literal(.boolean(true))))
    }

    @Test("ORDER BY, LIMIT, OFFSET and FETCH FIRST")
    func orderLimit() throws {
        guard case .query(let query) = try Parser.parseStatement("SELECT a FROM t ORDER BY a DESC NULLS LAST, b LIMIT 10 OFFSET 20") else { return }
        #expect(query.orderBy == [OrderByItem(Self.column("a"), ascending: false, nullsFirst: false), OrderByItem(Self.column("b"))])
        #expect(query.limit == Self.integer("10"))
        #expect(query.offset == Self.integer("20"))
        guard case .query(let fetch) = try Parser.parseStatement("SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 5 ROWS ONLY") else { return }
        #expect(fetch.limit == Self.integer("5"))
        #expect(fetch.offset == Self.integer("2"))
    }

    @Test("INTERSECT binds tighter than UNION; UNION and EXCEPT associate left")
    func setOperations() throws {
        guard case .query(let query) = try Parser.parseStatement("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4") else { return }
        func one(_ n: String) -> QueryBody { .select(Select(items: [.expression(Self.integer(n), alias: nil)])) }
        let intersect = QueryBody.setOperation(SetOperation(op: .intersect, left: one("2"), right: one("3")))
        let union = QueryBody.setOperation(SetOperation(op: .union, left: one("1"), right: intersect))
        #expect(query.body == .setOperation(SetOperation(op: .except, all: true, left: union, right: one("4"))))
    }

    @Test("Table references: names, aliases, time travel, branches, functions, paths, subqueries")
    func tableReferences() throws {
        let select = try Self.select(
            """
            SELECT 1 FROM domain.layer."Orders" AS o(a, b), t FOR VERSION AS OF 123, u FOR TIMESTAMP AS OF '2024-01-01 00:00:00',
              v@dev, "w"@"Feature", read_csv('f.csv', header=true, sep := ';') c, 'data/*.parquet', (SELECT 1) s
            """)
        #expect(select.from.count == 8)
        let orders = TableName(
            name: QualifiedName("domain", "layer", "Orders"), alias: TableAlias(name: Identifier("o"), columns: [Identifier("a"), Identifier("b")]))
        #expect(select.from[0].kind == .table(orders))
        #expect(select.from[1].kind == .table(TableName(name: QualifiedName("t"), timeTravel: .version(Self.integer("123")))))
        #expect(select.from[2].kind == .table(TableName(name: QualifiedName("u"), timeTravel: .timestamp(Self.string("2024-01-01 00:00:00")))))
        #expect(select.from[3].kind == .table(TableName(name: QualifiedName("v"), branch: Identifier("dev"))))
        #expect(select.from[4].kind == .table(TableName(name: QualifiedName([Identifier("w")]), branch: Identifier("Feature", quoted: true))))
        let csv = FunctionCall(
            name: QualifiedName("read_csv"),
            arguments: [
                FunctionArgument(value: Self.string("f.csv")),
                FunctionArgument(name: Identifier("header"), value: Expression(.literal(.boolean(true)))),
                FunctionArgument(name: Identifier("sep"), value: Self.string(";")),
            ])
        #expect(select.from[5].kind == .function(csv, alias: TableAlias(name: Identifier("c"))))
        #expect(select.from[6].kind == .path("data/*.parquet", alias: nil))
        guard case .subquery(_, let alias) = select.from[7].kind else {
            Issue.record("not a subquery")
            return
        }
        #expect(alias?.name.value == "s")
        // Spans point at the text of each reference.
        #expect(select.from[6].span.start < select.from[7].span.start)
    }

    @Test("Joins of every kind, left-associative")
    func joins() throws {
        let select = try Self.select("SELECT 1 FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (y) CROSS JOIN d NATURAL FULL OUTER JOIN e")
        guard case .join(let natural) = select.from[0].kind,
            case .join(let cross) = natural.left.kind,
            case .join(let left) = cross.left.kind,
            case .join(let inner) = left.left.kind
        else {
            Issue.record("unexpected join tree")
            return
        }
        #expect(natural.kind == .full && natural.natural && natural.condition == nil)
        #expect(cross.kind == .cross && cross.right == Self.table("d"))
        #expect(left.kind == .left && left.condition == .using([Identifier("y")]))
        #expect(inner.kind == .inner && inner.left == Self.table("a") && inner.right == Self.table("b"))
        #expect(inner.condition == .on(Expression(.binary(.equal, Self.column("a", "x"), Self.column("b", "x")))))
    }

    @Test("GROUP BY ALL, GROUPING SETS, ROLLUP, CUBE")
    func grouping() throws {
        #expect(try Self.select("SELECT a FROM t GROUP BY ALL").groupBy == .all)
        let a = Self.column("a")
        let b = Self.column("b")
        #expect(try Self.select("SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), (), b)").groupBy
            == .elements([.groupingSets([[a, b], [a], [], [b]])]))
        #expect(try Self.select("SELECT a FROM t GROUP BY ROLLUP(a, b), CUBE(b)").groupBy == .elements([.rollup([a, b]), .cube([b])]))
    }

    @Test("Select items: wildcards with EXCLUDE, qualified wildcards, implicit aliases")
    func selectItems() throws {
        let select = try Self.select("SELECT *, t.* EXCLUDE (a), s.t.*, x y, 1 AS \"Z\" FROM t")
        #expect(select.items == [
            .wildcard(qualifier: nil, exclude: []),
            .wildcard(qualifier: QualifiedName("t"), exclude: [Identifier("a")]),
            .wildcard(qualifier: QualifiedName("s", "t"), exclude: []),
            .expression(Self.column("x"), alias: Identifier("y")),
            .expression(Self.integer("1"), alias: Identifier("Z", quoted: true)),
        ])
    }

    @Test("CREATE TABLE with columns and partition transforms")
    func createTable() throws {
        let statement = try Parser.parseStatement(
            "create table if not exists s.events (id bigint not null, ts timestamp, amount decimal(10,2)) partitioned by (day(ts), bucket(16, id), id)")
        guard case .createTable(let create) = statement else {
            Issue.record("not CREATE TABLE")
            return
        }
        #expect(create.name == QualifiedName("s", "events"))
        #expect(create.ifNotExists && !create.orReplace && create.asQuery == nil)
        #expect(create.columns == [
            ColumnDefinition(name: Identifier("id"), type: TypeName("bigint"), notNull: true),
            ColumnDefinition(name: Identifier("ts"), type: TypeName("timestamp")),
            ColumnDefinition(name: Identifier("amount"), type: TypeName("decimal", parameters: [10, 2])),
        ])
        let day = Expression(.function(FunctionCall(name: QualifiedName("day"), arguments: [FunctionArgument(value: Self.column("ts"))])))
        let bucket = Expression(.function(FunctionCall(
            name: QualifiedName("bucket"), arguments: [FunctionArgument(value: Self.integer("16")), FunctionArgument(value: Self.column("id"))])))
        #expect(create.partitionBy == [day, bucket, Self.column("id")])
        guard case .createTable(let ctas) = try Parser.parseStatement("CREATE OR REPLACE TABLE t AS SELECT 1") else { return }
        #expect(ctas.orReplace && ctas.columns.isEmpty && ctas.asQuery != nil)
    }

    @Test("INSERT, DELETE, UPDATE")
    func dml() throws {
        guard case .insert(let insert) = try Parser.parseStatement("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')") else { return }
        #expect(insert.table == QualifiedName("t") && insert.columns == [Identifier("a"), Identifier("b")])
        #expect(insert.source.body == .values([[Self.integer("1"), Self.string("x")], [Self.integer("2"), Self.string("y")]]))

        guard case .delete(let delete) = try Parser.parseStatement("DELETE FROM t WHERE a = 1") else { return }
        #expect(delete == Delete(table: QualifiedName("t"), whereClause: Expression(.binary(.equal, Self.column("a"), Self.integer("1")))))

        guard case .update(let update) = try Parser.parseStatement("UPDATE t x SET a = 1, b = x.b + 1 FROM s WHERE x.id = s.id") else { return }
        #expect(update.alias == Identifier("x"))
        #expect(update.assignments.map(\.column.value) == ["a", "b"])
        #expect(update.from == [Self.table("s")])
        #expect(update.whereClause != nil)
    }

    @Test("MERGE INTO with every kind of WHEN clause")
    func merge() throws {
        let sql = """
            MERGE INTO target AS t USING source s ON t.id = s.id
            WHEN MATCHED AND s.op = 'd' THEN DELETE
            WHEN MATCHED THEN UPDATE SET v = s.v
            WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)
            """
        guard case .merge(let merge) = try Parser.parseStatement(sql) else {
            Issue.record("not MERGE")
            return
        }
        #expect(merge.target == QualifiedName("target") && merge.targetAlias == Identifier("t"))
        #expect(merge.source == Self.table("source", alias: "s"))
        #expect(merge.clauses == [
            MergeClause(matched: true, condition: Expression(.binary(.equal, Self.column("s", "op"), Self.string("d"))), action: .delete),
            MergeClause(matched: true, action: .update([Assignment(column: Identifier("v"), value: Self.column("s", "v"))])),
            MergeClause(matched: false, action: .insert(columns: [Identifier("id"), Identifier("v")], values: [Self.column("s", "id"), Self.column("s", "v")])),
        ])
    }

    @Test("DDL and utility statements")
    func utility() throws {
        #expect(try Parser.parseStatement("DROP TABLE IF EXISTS a.b PURGE") == .drop(Drop(kind: .table, name: QualifiedName("a", "b"), ifExists: true, purge: true)))
        #expect(try Parser.parseStatement("drop view v") == .drop(Drop(kind: .view, name: QualifiedName("v"))))
        #expect(try Parser.parseStatement("ALTER TABLE t ADD COLUMN c INT")
            == .alterTable(AlterTable(name: QualifiedName("t"), action: .addColumn(ColumnDefinition(name: Identifier("c"), type: TypeName("integer"))))))
        #expect(try Parser.parseStatement("ALTER TABLE t RENAME COLUMN a TO b")
            == .alterTable(AlterTable(name: QualifiedName("t"), action: .renameColumn(from: Identifier("a"), to: Identifier("b")))))
        #expect(try Parser.parseStatement("ALTER TABLE t DROP c") == .alterTable(AlterTable(name: QualifiedName("t"), action: .dropColumn(Identifier("c")))))
        #expect(try Parser.parseStatement("ALTER TABLE t RENAME TO s.u") == .alterTable(AlterTable(name: QualifiedName("t"), action: .renameTable(QualifiedName("s", "u")))))
        #expect(try Parser.parseStatement("SHOW TABLES IN a.b") == .showTables(namespace: QualifiedName("a", "b")))
        #expect(try Parser.parseStatement("SHOW TABLES") == .showTables(namespace: nil))
        #expect(try Parser.parseStatement("SHOW NAMESPACES") == .showSchemas)
        #expect(try Parser.parseStatement("DESCRIBE a.b") == .describeTable(QualifiedName("a", "b")))
        guard case .describeQuery = try Parser.parseStatement("DESCRIBE SELECT 1") else {
            Issue.record("not DESCRIBE query")
            return
        }
        #expect(try Parser.parseStatement("CREATE SCHEMA IF NOT EXISTS x") == .createSchema(name: QualifiedName("x"), ifNotExists: true))
        #expect(try Parser.parseStatement("USE a.b") == .use(QualifiedName("a", "b")))
        #expect(try Parser.parseStatement("SET threads = 2") == .set(name: QualifiedName("threads"), value: Self.integer("2")))
        guard case .explain(let analyze, .query) = try Parser.parseStatement("EXPLAIN ANALYZE SELECT 1") else {
            Issue.record("not EXPLAIN ANALYZE")
            return
        }
        #expect(analyze)
        guard case .createView(let view) = try Parser.parseStatement("CREATE OR REPLACE VIEW v (x) AS SELECT 1") else { return }
        #expect(view.orReplace && view.columns == [Identifier("x")])
    }

    @Test("Spans cover the source text of expressions")
    func spans() throws {
        let sql = "SELECT a + 1, upper(b) FROM t"
        let select = try Self.select(sql)
        let bytes = Array(sql.utf8)
        func text(_ span: SourceSpan) -> String { String(decoding: bytes[span.range], as: UTF8.self) }
        guard case .expression(let first, _) = select.items[0], case .expression(let second, _) = select.items[1] else { return }
        #expect(text(first.span) == "a + 1")
        #expect(text(second.span) == "upper(b)")
        #expect(text(select.from[0].span) == "t")
    }
}
