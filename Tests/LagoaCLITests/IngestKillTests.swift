import CSQLite
import Foundation
import LagoaTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of `lagoa ingest`, then a re-run: the table keeps its last good snapshot
/// meanwhile, and afterwards holds each date's rows exactly once.
@Suite(.serialized) struct IngestKillTests {
    static let rows = 400_000

    @Test func killedRunCommitsNothingAndTheRerunIsExact() async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-kill")
        defer { TestPaths.remove(folder) }
        let database = folder + "/erp.db"
        var db: OpaquePointer?
        sqlite3_open(database, &db)
        let fill = """
            CREATE TABLE events (id INTEGER, kind TEXT, amount DECIMAL(12,2), at DATETIME);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(Self.rows))
            INSERT INTO events SELECT i, 'kind-' || (i % 17), (i % 1000) / 100.0, datetime(1700000000 + i, 'unixepoch') FROM n;
            """
        #expect(sqlite3_exec(db, fill, nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        let lagoa = try Self.lagoaExecutable()
        let common = ["--domain", "ops", "--warehouse", folder + "/wh", "--batch-rows", "20000"]

        let first = try Subprocess.run(lagoa, ["ingest", "sqlite:" + database, "--date", "2026-11-20"] + common)
        #expect(first.status == 0, "\(first.output)")

        // Second date: kill the process once its progress log shows rows read (mid-table).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lagoa)
        process.arguments = ["ingest", "sqlite:" + database, "--date", "2026-11-21"] + common
        process.environment = ProcessInfo.processInfo.environment.merging(["LAGOA_PROGRESS_SECONDS": "0.1"]) { $1 }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        var seen = ""
        while !seen.contains("info reading ") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the process ended
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run finished before it could be killed; make the table larger")

        let count = "SELECT _lagoa_ingestion_date AS d, count(*) AS n, count(DISTINCT id) AS ids FROM ops.sor.events GROUP BY 1 ORDER BY 1"
        let afterKill = try Subprocess.run(lagoa, ["query", count, "--format", "csv", "--warehouse", folder + "/wh"])
        #expect(afterKill.output == "d,n,ids\n2026-11-20,\(Self.rows),\(Self.rows)\n")

        let rerun = try Subprocess.run(lagoa, ["ingest", "sqlite:" + database, "--date", "2026-11-21"] + common)
        #expect(rerun.status == 0, "\(rerun.output)")
        let final = try Subprocess.run(lagoa, ["query", count, "--format", "csv", "--warehouse", folder + "/wh"])
        #expect(final.output == "d,n,ids\n2026-11-20,\(Self.rows),\(Self.rows)\n2026-11-21,\(Self.rows),\(Self.rows)\n")
    }

    /// `lagoa`, built beside the test binary by `swift build`.
    static func lagoaExecutable() throws -> String {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("lagoa").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw PostgresServerError("lagoa is not built next to \(testBinary); run `swift build` first")
    }
}

/// The same kill -9 from a PostgreSQL source.
@Suite(.serialized, .enabled(if: TestPaths.environment("LAGOA_INTEGRATION") == "1", "needs PostgreSQL (make test sets LAGOA_INTEGRATION=1)"))
struct PostgresIngestKillTests {
    @Test func killedPostgresIngestCommitsNothingAndTheRerunIsExact() async throws {
        let server = try await Subprocess.detached { try PostgresServer.start() }
        defer { server.stop() }
        _ = try await Subprocess.detached { try server.createDatabase("erp") }
        _ = try await Subprocess.detached {
            try server.psql("CREATE TABLE events AS SELECT g AS id, 'kind-' || (g % 17) AS kind, (g % 1000) / 100.0 AS amount FROM generate_series(1, 600000) g; GRANT SELECT ON events TO lagoa", database: "erp")
        }
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-kill-pg")
        defer { TestPaths.remove(folder) }
        let lagoa = try IngestKillTests.lagoaExecutable()
        let url = "postgresql://lagoa@127.0.0.1:\(server.port)/erp"
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = server.password
        environment["LAGOA_PROGRESS_SECONDS"] = "0.1"
        let common = ["ingest", url, "--domain", "ops", "--warehouse", folder + "/wh", "--batch-rows", "20000"]

        func ingest(_ date: String, killMidway: Bool) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: lagoa)
            process.arguments = common + ["--date", date]
            process.environment = environment
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            if killMidway {
                var seen = ""
                while !seen.contains("info reading ") {
                    let chunk = errors.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen += String(decoding: chunk, as: UTF8.self)
                }
                kill(process.processIdentifier, SIGKILL)
            } else {
                _ = errors.fileHandleForReading.readDataToEndOfFile()
            }
            process.waitUntilExit()
            return process
        }
        #expect(try ingest("2026-11-20", killMidway: false).terminationStatus == 0)
        let killed = try ingest("2026-11-21", killMidway: true)
        #expect(killed.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        let count = "SELECT _lagoa_ingestion_date AS d, count(*) AS n, count(DISTINCT id) AS ids FROM ops.sor.events GROUP BY 1 ORDER BY 1"
        let afterKill = try Subprocess.run(lagoa, ["query", count, "--format", "csv", "--warehouse", folder + "/wh"])
        #expect(afterKill.output == "d,n,ids\n2026-11-20,600000,600000\n")
        #expect(try ingest("2026-11-21", killMidway: false).terminationStatus == 0)
        let final = try Subprocess.run(lagoa, ["query", count, "--format", "csv", "--warehouse", folder + "/wh"])
        #expect(final.output == "d,n,ids\n2026-11-20,600000,600000\n2026-11-21,600000,600000\n")
    }
}
