import Foundation
import LagoaCatalogSQL
import LagoaIceberg
import LagoaTesting
import Synchronization
import Testing

/// Environment of the SQL catalog tests. PostgreSQL and PyIceberg parts run only with
/// `LAGOA_INTEGRATION=1` (set by `make test`); SQLite needs nothing but the library.
enum CatalogTestEnvironment {
    static let integration = TestPaths.environment("LAGOA_INTEGRATION") == "1"
    static let integrationReason: Comment =
        "PostgreSQL and PyIceberg catalog tests run only with LAGOA_INTEGRATION=1 (make test sets it)"

    /// One PostgreSQL server per test process, started on first use and stopped at exit.
    static func postgres() async throws -> PostgresServer {
        try await server.value
    }

    private static let server = Task<PostgresServer, any Error> {
        let server = try await onThread { try PostgresServer.start() }
        serverToStop = server
        atexit { serverToStop?.stop() }
        return server
    }

    /// A new empty database on the shared server; returns its URL.
    static func freshPostgresDatabase() async throws -> String {
        let server = try await postgres()
        let name = "catalog_\(UInt64.random(in: 0...UInt64.max))"
        return try await onThread { try server.createDatabase(name) }
    }

    /// A new SQLite file path in a new temporary folder (removed at exit).
    static func freshSQLitePath() -> String {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-catalog")
        foldersToRemove.withLock { $0.append(folder) }
        return folder + "/catalog.db"
    }

    /// Runs blocking `work` on its own thread, off the cooperative pool.
    static func onThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// The repository's Python with PyIceberg (`LAGOA_PYTHON`, else `<repo>/.venv/bin/python`).
    static func python() throws -> String {
        if let configured = TestPaths.environment("LAGOA_PYTHON"), !configured.isEmpty { return configured }
        let local = TestPaths.repositoryRoot() + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw PostgresServerError("LAGOA_PYTHON is not set and \(local) does not exist; run `make venv`")
        }
        return local
    }

    /// Runs `executable arguments` to completion on its own thread; returns its status and stdout+stderr.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await onThread { try Subprocess.run(executable, arguments) }
    }
}

nonisolated(unsafe) private var serverToStop: PostgresServer?
private let foldersToRemove: Mutex<[String]> = {
    atexit { foldersToRemove.withLock { $0.forEach(TestPaths.remove) } }
    return Mutex([])
}()

/// Expects `body` to throw an ``IcebergError`` with `code` and, when given, exactly `message`.
func expectIcebergError(
    _ code: IcebergError.Code,
    _ message: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: () async throws(IcebergError) -> Void
) async {
    do {
        try await body()
        Issue.record("expected an IcebergError \(code), but nothing was thrown", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        if let message {
            #expect(error.message == message, sourceLocation: sourceLocation)
        }
    }
}

func ns(_ dotted: String) throws(IcebergError) -> Namespace { try Namespace(parsing: dotted) }
func table(_ dotted: String) throws(IcebergError) -> TableIdentifier { try TableIdentifier(parsing: dotted) }
