import Foundation
import LagoaEngine
import LagoaSQLLogicTest
import LagoaTesting

/// TPC-H SF0.1 for one test process: Parquet files from `scripts/tpch/generate.sh` (cached under
/// `.build-cache/tpch/sf0.1` or `$LAGOA_TPCH_DIR`), the 8 tables loaded into a fresh Lagoa
/// warehouse as Iceberg tables with `CREATE TABLE … AS SELECT * FROM read_parquet(…)`, a second
/// warehouse where the same names are views over the Parquet files, and DuckDB's answers to the
/// 22 queries over the same files (one DuckDB process for all of them).
struct TPCHFixture: Sendable {
    static let tables = ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"]
    static let queryIDs = (1...22).map { $0 < 10 ? "q0\($0)" : "q\($0)" }
    static let queriesFolder = EngineInterop.repositoryRoot + "/TestData/tpch/queries"

    var dataFolder: String
    /// Iceberg tables written by Lagoa.
    var iceberg: SLTWarehouse
    /// Views over the Parquet files.
    var parquet: SLTWarehouse
    var queries: [String: String]
    var expected: [String: OracleResult]
    /// Seconds Lagoa took to load the 8 tables.
    var loadSeconds: Double

    static func shared() async throws -> TPCHFixture { try await setup.value }

    private static let setup = Task<TPCHFixture, any Error> {
        let generated = try await Subprocess.runDetached(
            "/usr/bin/env",
            ["bash", EngineInterop.repositoryRoot + "/scripts/tpch/generate.sh", "0.1"]
        )
        guard generated.status == 0, let folder = generated.output.split(separator: "\n").last.map(String.init) else {
            throw InteropFailure("scripts/tpch/generate.sh 0.1 failed (status \(generated.status)):\n\(generated.output)")
        }
        var queries: [String: String] = [:]
        for id in queryIDs {
            queries[id] = try String(contentsOfFile: "\(queriesFolder)/\(id).sql", encoding: .utf8)
        }
        let expected = try await EngineInterop.duckDB(
            ["--data", folder, "--threads", "2"] + queryIDs.map { "\(queriesFolder)/\($0).sql" }
        )
        let options = EngineOptions(threads: 2)
        let iceberg = try await SLTWarehouse.make(options: options)
        let parquet = try await SLTWarehouse.make(options: options)
        let started = ContinuousClock.now
        let loader = iceberg.engine.makeSession()
        for table in tables {
            _ = try await loader.execute("CREATE TABLE \(table) AS SELECT * FROM read_parquet('\(folder)/\(table).parquet')")
        }
        let loadSeconds = (ContinuousClock.now - started) / .seconds(1)
        let views = parquet.engine.makeSession()
        for table in tables {
            _ = try await views.execute("CREATE VIEW \(table) AS SELECT * FROM read_parquet('\(folder)/\(table).parquet')")
        }
        return TPCHFixture(
            dataFolder: folder,
            iceberg: iceberg,
            parquet: parquet,
            queries: queries,
            expected: expected,
            loadSeconds: loadSeconds
        )
    }
}
