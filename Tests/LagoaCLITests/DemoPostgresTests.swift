import Foundation
import LagoaTesting
import Testing

/// `lagoa demo --source postgresql://…`: the same CornLake from PostgreSQL schemas.
@Suite(.enabled(if: TestPaths.environment("LAGOA_INTEGRATION") == "1", "needs PostgreSQL (make test sets LAGOA_INTEGRATION=1)"))
struct DemoPostgresTests {
    @Test func demoFromPostgreSQLPublishesEveryModel() async throws {
        let server = try await Subprocess.detached { try PostgresServer.start() }
        defer { server.stop() }
        let url = try await Subprocess.detached { try server.createDatabase("cornlake") }
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-demo-pg")
        defer { TestPaths.remove(folder) }
        let lagoa = try IngestKillTests.lagoaExecutable()
        let demo = try Subprocess.run(lagoa, ["demo", "--dir", folder + "/cornlake", "--scale", "0.01", "--source", url])
        #expect(demo.status == 0, "\(demo.output)")
        #expect(demo.output.contains("PostgreSQL schemas sales, agronomy, logistics, finance"))
        #expect(demo.output.contains("models: 14 of 14 published"))
        let source = try String(contentsOfFile: folder + "/cornlake/sources/sales_db.yaml", encoding: .utf8)
        #expect(source.contains("type: postgresql") && source.contains("password_env: CORNLAKE_PG_PASSWORD") && !source.contains(server.password))
    }
}
