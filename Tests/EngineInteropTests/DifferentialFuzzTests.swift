import Foundation
import LagoaEngine
import LagoaSQLLogicTest
import LagoaTesting
import Testing

/// Differential fuzzing: seeded random tables and queries, run in Lagoa and in DuckDB, results
/// compared like TPC-H's. Each seed is one test case: its own tables, `queriesPerSeed` queries,
/// all of them sent to one DuckDB process. `LAGOA_SLOW_TESTS=1` runs more seeds and queries;
/// `LAGOA_FUZZ_SEED=N` runs only seed N (to reproduce a failure).
@Suite("Differential fuzzing against DuckDB", .tags(.fuzz))
struct DifferentialFuzzTests {
    static let queriesPerSeed = EngineInterop.isSlow ? 500 : 100

    static let seeds: [UInt64] = {
        if let text = TestPaths.environment("LAGOA_FUZZ_SEED"), let seed = UInt64(text) { return [seed] }
        return EngineInterop.isSlow ? Array(1...8) : [1, 2, 3]
    }()

    @Test(
        "random queries agree with DuckDB",
        .enabled(if: EngineInterop.isEnabled, EngineInterop.disabledReason),
        arguments: seeds
    )
    func seed(_ seed: UInt64) async throws {
        var random = FuzzRandom(seed: seed)
        let tables = FuzzTables(random: &random)
        var generator = FuzzQueries(random: random)
        let queries = generator.make(Self.queriesPerSeed, prefix: "seed\(seed)")

        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-fuzz")
        defer { TestPaths.remove(folder) }
        try tables.setupSQL.write(toFile: folder + "/setup.sql", atomically: true, encoding: .utf8)
        let lines = try queries.map { query -> String in
            let data = try JSONSerialization.data(withJSONObject: ["id": query.id, "sql": query.sql])
            return String(decoding: data, as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/queries.jsonl", atomically: true, encoding: .utf8)
        let expected = try await EngineInterop.duckDB(["--setup", folder + "/setup.sql", folder + "/queries.jsonl"])

        let warehouse = try await SLTWarehouse.make(folder: folder + "/warehouse", options: EngineOptions(threads: 2))
        let session = warehouse.engine.makeSession()
        _ = try await session.execute(tables.setupSQL)

        var compared = 0
        var failures: [String] = []
        for query in queries {
            guard let oracle = expected[query.id], oracle.error == nil else { continue }
            compared += 1
            let problem: String?
            do {
                let result = try await session.query(query.sql)
                problem = ResultComparison.difference(
                    lagoa: ResultComparison.rows(of: result),
                    duckDB: oracle.rows,
                    ordered: query.ordered
                )
            } catch {
                problem = "Lagoa failed where DuckDB succeeded: \(error)"
            }
            if let problem { failures.append("\(query.id): \(query.sql)\n\(problem)") }
            if failures.count >= 5 { break }
        }
        if failures.isEmpty {
            #expect(compared >= Self.queriesPerSeed * 9 / 10, "DuckDB rejected too many generated queries; the generator has a bug")
        }
        #expect(
            failures.isEmpty,
            """
            seed \(seed): \(failures.count) queries differ from DuckDB (reproduce with LAGOA_FUZZ_SEED=\(seed)).
            Tables:
            \(tables.setupSQL)
            \(failures.joined(separator: "\n\n"))
            """
        )
    }

    @Test("the generator is deterministic and DuckDB accepts what it writes", .enabled(if: EngineInterop.isEnabled, EngineInterop.disabledReason))
    func generatorIsValid() async throws {
        var first = FuzzRandom(seed: 42)
        var second = FuzzRandom(seed: 42)
        #expect(FuzzTables(random: &first).setupSQL == FuzzTables(random: &second).setupSQL)
        var random = FuzzRandom(seed: 7)
        let tables = FuzzTables(random: &random)
        var generator = FuzzQueries(random: random)
        let queries = generator.make(200, prefix: "check")
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-fuzz")
        defer { TestPaths.remove(folder) }
        try tables.setupSQL.write(toFile: folder + "/setup.sql", atomically: true, encoding: .utf8)
        let lines = try queries.map { query -> String in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": query.id, "sql": query.sql]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/queries.jsonl", atomically: true, encoding: .utf8)
        let results = try await EngineInterop.duckDB(["--setup", folder + "/setup.sql", folder + "/queries.jsonl"])
        #expect(results.count == queries.count)
        let rejected = queries.filter { results[$0.id]?.error != nil }
        #expect(rejected.isEmpty, "DuckDB rejects generated queries:\n\(rejected.prefix(5).map { "\($0.sql)\n  \(results[$0.id]?.error ?? "")" }.joined(separator: "\n"))")
        let nonEmpty = queries.filter { !(results[$0.id]?.rows.isEmpty ?? true) }
        #expect(nonEmpty.count > queries.count / 2, "most generated queries should return rows")
    }
}
