import LagoaColumnar
import LagoaEngine
import LagoaSQLLogicTest
import LagoaTesting
import Testing

/// The 22 TPC-H queries at SF0.1 in Lagoa (over its own Iceberg tables and over the Parquet files)
/// and in DuckDB, with equal results: decimals exact, floating point within 1e-9 relative, order
/// significant where the query has a top-level ORDER BY, row counts equal.
@Suite("TPC-H SF0.1 against DuckDB", .serialized, .tags(.tpch))
struct TPCHTests {
    /// Where Lagoa reads the TPC-H tables from.
    enum Source: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case iceberg
        case parquet
        var testDescription: String { rawValue }
    }

    @Test(
        "TPC-H query",
        .enabled(if: EngineInterop.isEnabled, EngineInterop.disabledReason),
        arguments: Source.allCases,
        TPCHFixture.queryIDs
    )
    func query(_ source: Source, _ id: String) async throws {
        let fixture = try await TPCHFixture.shared()
        let sql = try #require(fixture.queries[id])
        let expected = try #require(fixture.expected[id], "DuckDB printed no result for \(id)")
        #expect(expected.error == nil, "DuckDB failed on \(id): \(expected.error ?? "")")
        let warehouse = source == .iceberg ? fixture.iceberg : fixture.parquet
        let result = try await warehouse.engine.makeSession().query(sql)
        #expect(result.schema.fields.count == expected.columnNames.count, "\(id): column count differs from DuckDB's \(expected.columnNames)")
        let difference = ResultComparison.difference(
            lagoa: ResultComparison.rows(of: result),
            duckDB: expected.rows,
            ordered: ResultComparison.hasTopLevelOrderBy(sql)
        )
        #expect(difference == nil, "TPC-H \(id) over \(source.rawValue) differs from DuckDB:\n\(difference ?? "")")
    }
}

extension Tag {
    @Tag static var tpch: Self
    @Tag static var fuzz: Self
}

/// The DuckDB half of the TPC-H comparison, which runs before Lagoa can: the data generates, and
/// DuckDB answers all 22 queries with the documented validation row counts.
@Suite("TPC-H oracle (DuckDB half)", .tags(.tpch))
struct TPCHOracleTests {
    @Test("DuckDB answers the 22 queries over generated SF0.1", .enabled(if: EngineInterop.isEnabled, EngineInterop.disabledReason))
    func duckDBAnswersEveryQuery() async throws {
        let generated = try await Subprocess.runDetached(
            "/usr/bin/env",
            ["bash", EngineInterop.repositoryRoot + "/scripts/tpch/generate.sh", "0.1"]
        )
        #expect(generated.status == 0, "\(generated.output)")
        let folder = try #require(generated.output.split(separator: "\n").last.map(String.init))
        let results = try await EngineInterop.duckDB(
            ["--data", folder, "--threads", "2"] + TPCHFixture.queryIDs.map { "\(TPCHFixture.queriesFolder)/\($0).sql" }
        )
        #expect(results.count == 22)
        for id in TPCHFixture.queryIDs {
            let result = try #require(results[id], "no result for \(id)")
            #expect(result.error == nil, "\(id): \(result.error ?? "")")
            #expect(!result.rows.isEmpty, "\(id) returned no rows")
        }
        // Row counts of the TPC-H validation answers at any scale factor where they are fixed.
        #expect(results["q01"]?.rows.count == 4)
        #expect(results["q03"]?.rows.count == 10)
        #expect(results["q04"]?.rows.count == 5)
        #expect(results["q05"]?.rows.count == 5)
        #expect(results["q06"]?.rows.count == 1)
        #expect(results["q07"]?.rows.count == 4)
        #expect(results["q08"]?.rows.count == 2)
        #expect(results["q12"]?.rows.count == 2)
        #expect(results["q14"]?.rows.count == 1)
        #expect(results["q19"]?.rows.count == 1)
        #expect(results["q22"]?.rows.count == 7)
        // Decimals arrive exact: Q6's revenue has DuckDB's scale 4.
        if case .exact(let revenue)? = results["q06"]?.rows.first?.first {
            #expect(revenue.contains("."))
        } else {
            Issue.record("q06 revenue is not an exact decimal: \(String(describing: results["q06"]?.rows.first))")
        }
    }
}
