import Foundation
import LagoaTesting
import Testing

/// One throwaway PostgreSQL cluster for this test process (make test sets LAGOA_INTEGRATION=1).
enum PostgresTestServer {
    static let enabled = TestPaths.environment("LAGOA_INTEGRATION") == "1"
    static let reason: Comment = "PostgreSQL source tests run only with LAGOA_INTEGRATION=1 (make test sets it)"

    nonisolated(unsafe) private static var toStop: PostgresServer?

    private static let server = Task<PostgresServer, any Error> {
        let server = try await Subprocess.detached { try PostgresServer.start() }
        toStop = server
        atexit { toStop?.stop() }
        return server
    }

    /// A fresh database filled by `setup` (run as the superuser); returns the server and the URL
    /// for user `lagoa` without its password (tests pass the password separately).
    static func database(_ setup: String) async throws -> (server: PostgresServer, url: String, name: String) {
        let server = try await server.value
        let name = "src_\(UInt32.random(in: 0...UInt32.max))"
        _ = try await Subprocess.detached { try server.createDatabase(name) }
        if !setup.isEmpty {
            _ = try await Subprocess.detached { try server.psql(setup, database: name) }
            _ = try await Subprocess.detached { try server.psql("GRANT ALL ON ALL TABLES IN SCHEMA public TO lagoa", database: name) }
        }
        return (server, "postgresql://lagoa@127.0.0.1:\(server.port)/\(name)", name)
    }
}
