import LagoaEngine
import LagoaIceberg
import Testing

@Suite struct StatementTests {
    @Test func createInsertSelectAcrossPartitions() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute(
            """
            CREATE TABLE t (id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(10,2), d DATE) PARTITIONED BY (d);
            INSERT INTO t VALUES (1, 'a', 1.50, DATE '2024-01-01'), (2, 'b', NULL, DATE '2024-01-02'), (3, 'c', 3.25, DATE '2024-01-01');
            """
        )
        #expect(try await f.rows("SELECT d, count(*), sum(amount) FROM t GROUP BY d ORDER BY d") == [["2024-01-01", "2", "4.75"], ["2024-01-02", "1", "NULL"]])
        #expect(try await f.rows("SELECT name FROM main.t WHERE amount > 2") == [["c"]])
    }

    @Test func insertNamedColumnsFillsNullsAndChecksNotNull() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute("CREATE TABLE t (id BIGINT NOT NULL, name VARCHAR); INSERT INTO t (id) VALUES (7)")
        #expect(try await f.rows("SELECT id, name FROM t") == [["7", "NULL"]])
        let message = await f.error("INSERT INTO t (name) VALUES ('x')")
        #expect(message?.contains("column id is NOT NULL but 1 new row(s) have no value for it") == true)
        #expect(try await f.rows("SELECT count(*) FROM t") == [["1"]])
    }

    @Test func deleteAndUpdateKeepEverythingElse() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 10), (2, 20), (3, NULL)) AS v(id, x)")
        let deleted = try await f.session.query("DELETE FROM t WHERE x > 15")
        #expect(deleted.statusTag == "DELETE 1")
        let updated = try await f.session.query("UPDATE t SET x = x + 1 WHERE id <> 2")
        #expect(updated.statusTag == "UPDATE 2")
        #expect(try await f.rows("SELECT id, x FROM t ORDER BY id") == [["1", "11"], ["3", "NULL"]])
    }

    @Test func mergeUpdatesDeletesAndInserts() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute(
            """
            CREATE TABLE target AS SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three')) AS v(id, label);
            CREATE TABLE changes AS SELECT * FROM (VALUES (2, 'TWO', false), (3, NULL, true), (4, 'four', false)) AS v(id, label, gone);
            """
        )
        let merged = try await f.session.query(
            """
            MERGE INTO target AS t USING changes AS c ON t.id = c.id
            WHEN MATCHED AND c.gone THEN DELETE
            WHEN MATCHED THEN UPDATE SET label = c.label
            WHEN NOT MATCHED THEN INSERT (id, label) VALUES (c.id, c.label)
            """
        )
        #expect(merged.statusTag == "MERGE 3")
        #expect(try await f.rows("SELECT id, label FROM target ORDER BY id") == [["1", "one"], ["2", "TWO"], ["4", "four"]])
    }

    @Test func mergeRefusesAmbiguousMatches() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute(
            """
            CREATE TABLE target AS SELECT * FROM (VALUES (1, 'one')) AS v(id, label);
            CREATE TABLE changes AS SELECT * FROM (VALUES (1, 'a'), (1, 'b')) AS v(id, label);
            """
        )
        let message = await f.error("MERGE INTO target t USING changes c ON t.id = c.id WHEN MATCHED THEN UPDATE SET label = c.label")
        #expect(message?.contains("1 target row(s) match more than one source row") == true)
        #expect(try await f.rows("SELECT label FROM target") == [["one"]])
    }

    @Test func timeTravelReadsEarlierSnapshots() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
        let history = try await f.engine.catalog.loadTable(.init(namespace: .init(["main"]), name: "t")).metadata.snapshots
        #expect(history.count == 2)
        #expect(try await f.rows("SELECT x FROM t FOR VERSION AS OF \(history[0].snapshotID)") == [["1"]])
        #expect(try await f.rows("SELECT count(*) FROM t") == [["2"]])
    }

    @Test func viewsAlterAndDescribe() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute(
            """
            CREATE TABLE t (a INTEGER, b VARCHAR);
            INSERT INTO t VALUES (1, 'x'), (2, 'y');
            CREATE VIEW v AS SELECT a * 10 AS a10 FROM t;
            ALTER TABLE t ADD COLUMN c DOUBLE;
            ALTER TABLE t RENAME COLUMN b TO label;
            """
        )
        #expect(try await f.rows("SELECT a10 FROM v ORDER BY a10") == [["10"], ["20"]])
        #expect(try await f.rows("DESCRIBE t") == [["a", "INTEGER", "YES"], ["label", "VARCHAR", "YES"], ["c", "DOUBLE", "YES"]])
        #expect(try await f.rows("SHOW TABLES") == [["t"], ["v"]])
        _ = try await f.session.execute("DROP VIEW v; DROP TABLE t")
        #expect(try await f.rows("SHOW TABLES") == [])
    }

    @Test func errorsPointAtTheText() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        _ = try await f.session.execute("CREATE TABLE lineitem (l_orderkey BIGINT)")
        let unknown = await f.error("SELECT *\nFROM lineitm")
        #expect(unknown?.contains("table \"lineitm\" does not exist") == true)
        #expect(unknown?.contains("did you mean") == true)
        #expect(unknown?.contains("line 2, column 6") == true)
        let syntax = await f.error("SELECT 1 FORM t")
        #expect(syntax?.contains("syntax error at line 1, column 10") == true)
    }

    @Test func statementCompletenessIgnoresQuotesAndComments() {
        #expect(Session.isComplete("SELECT 1;"))
        #expect(!Session.isComplete("SELECT ';'"))
        #expect(!Session.isComplete("SELECT 1 -- done;"))
        #expect(Session.isComplete("SELECT 1; -- trailing\n"))
        #expect(!Session.isComplete("SELECT /* ; */ 1"))
        #expect(Session.splitStatements("SELECT 1; SELECT 'a;b';") == ["SELECT 1", "SELECT 'a;b'"])
    }
}
