import Foundation
import LagoaColumnar
import LagoaEngine
import LagoaTesting
import Testing

/// Issue 5: with `memoryLimit`, joins and aggregates whose hash tables exceed it spill to disk and
/// complete with the answer they give without a limit.
@Suite struct MemoryLimitTests {
    /// `facts` (200 000 rows: id 0..<200 000, k = id % 100 000, v = id % 1 000, name) and `dims`
    /// (150 000 rows: key, w), made from a table of digits.
    static func createTables(_ f: EngineFixture) async throws {
        _ = try await f.session.execute(
            """
            CREATE TABLE digits AS SELECT * FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS v(d);
            CREATE TABLE facts AS
              SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * g.d + 100000 * h.d AS id
              FROM digits a, digits b, digits c, digits e, digits g, (VALUES (0), (1)) AS h(d);
            CREATE TABLE facts2 AS SELECT id, id % 100000 AS k, id % 1000 AS v, 'n' || CAST(id % 7 AS VARCHAR) AS name FROM facts;
            CREATE TABLE dims AS SELECT id AS key, id * 2 AS w FROM facts WHERE id < 150000;
            """
        )
    }

    static let queries = [
        "SELECT k, count(*), sum(v), min(v), max(name), avg(v) FROM facts2 GROUP BY k",
        "SELECT f.id, f.v, d.w FROM facts2 f JOIN dims d ON f.id = d.key",
        "SELECT f.id, d.w FROM facts2 f LEFT JOIN dims d ON f.k + 60000 = d.key",
    ]

    /// The rows of `sql` as sorted text lines.
    static func sortedRows(_ session: Session, _ sql: String) async throws -> [String] {
        let result = try await session.query(sql)
        return result.batches.flatMap { batch in
            (0..<batch.rowCount).map { row in batch.columns.map { $0.value(at: row).description }.joined(separator: "|") }
        }.sorted()
    }

    /// The fixture's tables, and a session over the same catalog limited to 2 MB that spills into
    /// a folder of the fixture.
    static func limitedSession(_ f: EngineFixture) async throws -> (Session, String) {
        try await createTables(f)
        let spillDirectory = f.directory + "/spill"
        try FileManager.default.createDirectory(atPath: spillDirectory, withIntermediateDirectories: true)
        let limited = Engine(catalog: f.catalog, options: EngineOptions(threads: 2, memoryLimit: 2_000_000, spillDirectory: spillDirectory)).makeSession()
        return (limited, spillDirectory)
    }

    @Test("a GROUP BY and joins whose hash tables exceed memoryLimit 2 MB give the unlimited answer")
    func spilledQueriesMatchUnlimited() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        let (limited, spillDirectory) = try await Self.limitedSession(f)
        for sql in Self.queries {
            let expected = try await Self.sortedRows(f.session, sql)
            let rows = try await Self.sortedRows(limited, sql)
            #expect(rows.count == expected.count, "\(sql)")
            #expect(rows == expected, "\(sql)")
            let plan = try await Self.sortedRows(limited, "EXPLAIN ANALYZE " + sql).joined(separator: "\n")
            #expect(plan.contains("spilled="), "\(plan)")
            #expect(SpillTests.files(in: spillDirectory).isEmpty)
        }
    }

    @Test("a spilling query that is cancelled leaves no spill files behind")
    func cancelledQueryRemovesFiles() async throws {
        let f = try EngineFixture()
        defer { f.remove() }
        let (limited, spillDirectory) = try await Self.limitedSession(f)
        let query = Task { try await limited.query(Self.queries[1]) }
        // Cancel once spilling has begun (or give up waiting and cancel anyway).
        for _ in 0..<400 where SpillTests.files(in: spillDirectory).isEmpty {
            try await Task.sleep(for: .milliseconds(5))
        }
        limited.cancel()
        let outcome = await query.result
        if case .failure(let error) = outcome {
            #expect("\(error)".contains("cancelled"))
        }
        #expect(SpillTests.files(in: spillDirectory).isEmpty)
    }
}

/// Lists a folder (test helper shared with the execution tests' `SpillTests`).
enum SpillTests {
    static func files(in dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    }
}
