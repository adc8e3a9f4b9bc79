import Foundation
import LagoaSQLLogicTest
import LagoaTesting
import Testing

/// Environment of the engine interop tests (TPC-H and differential fuzzing against DuckDB).
///
/// They run only with `LAGOA_INTEGRATION=1` (set by `make test`) and need DuckDB from `.venv/`
/// (`make venv`), found through `LAGOA_PYTHON` or `<repo>/.venv/bin/python`.
enum EngineInterop {
    static let isEnabled = TestPaths.environment("LAGOA_INTEGRATION") == "1"
    static let disabledReason: Comment =
        "engine interop tests against DuckDB run only with LAGOA_INTEGRATION=1 (make test sets it)"
    static let isSlow = TestPaths.environment("LAGOA_SLOW_TESTS") == "1"
    static let repositoryRoot = TestPaths.repositoryRoot()
    static let oracleScript = repositoryRoot + "/scripts/interop/duckdb_oracle.py"

    /// The Python interpreter with DuckDB.
    static func python() throws -> String {
        if let configured = TestPaths.environment("LAGOA_PYTHON"), !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw InteropFailure("LAGOA_PYTHON is '\(configured)', which is not an executable; run `make venv`")
            }
            return configured
        }
        let local = repositoryRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw InteropFailure("LAGOA_PYTHON is not set and \(local) does not exist; run `make venv` (or `make test`)")
        }
        return local
    }

    /// Runs `duckdb_oracle.py run ARGUMENTS` on a thread of its own and decodes its JSON lines.
    static func duckDB(_ arguments: [String]) async throws -> [String: OracleResult] {
        let output = try await Subprocess.runDetached(try python(), [oracleScript, "run"] + arguments)
        guard output.status == 0 else {
            throw InteropFailure("duckdb_oracle.py run \(arguments.joined(separator: " ")) failed (status \(output.status)):\n\(output.output)")
        }
        var results: [String: OracleResult] = [:]
        for line in output.output.split(separator: "\n") where line.hasPrefix("{") {
            let result = try OracleResult(jsonLine: String(line))
            results[result.id] = result
        }
        return results
    }
}

/// A failure of the test environment (not of Lagoa): missing Python, DuckDB crash, generator bug.
struct InteropFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
