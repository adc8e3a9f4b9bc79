import LagoaCore
import LagoaIceberg
import LagoaTesting
import Testing

@testable import LagoaCatalogSQL

/// PostgreSQL specifics: table layout, errors without passwords, reconnecting (LAGOA_INTEGRATION=1 only).
@Suite(.enabled(if: CatalogTestEnvironment.integration, CatalogTestEnvironment.integrationReason))
struct PostgresCatalogStoreTests {
    @Test func createsPyIcebergsTableLayout() async throws {
        let url = try await CatalogTestEnvironment.freshPostgresDatabase()
        _ = try PostgresCatalogStore(url: url)
        let db = try PostgresConnection(url: PostgresURL(url))
        let columns = try db.rows(
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable "
                + "FROM information_schema.columns WHERE table_name LIKE 'iceberg%' ORDER BY table_name, ordinal_position",
            []
        ).map { $0.map { $0 ?? "-" }.joined(separator: " ") }
        #expect(
            columns == [
                "iceberg_namespace_properties catalog_name character varying 255 NO",
                "iceberg_namespace_properties namespace character varying 255 NO",
                "iceberg_namespace_properties property_key character varying 255 NO",
                "iceberg_namespace_properties property_value character varying 1000 NO",
                "iceberg_tables catalog_name character varying 255 NO",
                "iceberg_tables table_namespace character varying 255 NO",
                "iceberg_tables table_name character varying 255 NO",
                "iceberg_tables metadata_location character varying 1000 YES",
                "iceberg_tables previous_metadata_location character varying 1000 YES",
                "iceberg_tables iceberg_type character varying 5 YES",
            ]
        )
    }

    @Test func connectionErrorsNameTheServerButNeverThePassword() async throws {
        let server = try await CatalogTestEnvironment.postgres()
        let wrong = "wrong-Pa55word-xyz"
        let cases: [(url: String, start: String)] = [
            (
                server.url(database: "postgres", password: wrong),
                "cannot connect to PostgreSQL catalog 'postgresql://lagoa@127.0.0.1:\(server.port)/postgres': "
            ),
            (
                server.url(database: "no_such_db"),
                "cannot connect to PostgreSQL catalog 'postgresql://lagoa@127.0.0.1:\(server.port)/no_such_db': "
            ),
            (
                "postgresql://lagoa:\(wrong)@127.0.0.1:1/lake",
                "cannot connect to PostgreSQL catalog 'postgresql://lagoa@127.0.0.1:1/lake': "
            ),
        ]
        for (url, start) in cases {
            do {
                _ = try PostgresCatalogStore(url: url)
                Issue.record("connecting to \(start) succeeded")
            } catch {
                #expect(error.code == .io)
                #expect(error.message.hasPrefix(start), "\(error.message)")
                #expect(!error.rendered.contains(wrong) && !error.rendered.contains(server.password), "\(error.rendered)")
            }
        }
    }

    @Test func statementErrorsCarryTheSQLStateWithoutThePassword() async throws {
        let server = try await CatalogTestEnvironment.postgres()
        let url = try await CatalogTestEnvironment.freshPostgresDatabase()
        let db = try PostgresConnection(url: PostgresURL(url))
        let name = url.split(separator: "/").last.map(String.init) ?? ""
        #expect {
            try db.run("SELECT * FROM missing_table WHERE x = ?", ["1"])
        } throws: { error in
            (error as? IcebergError)?.message
                == "PostgreSQL catalog 'postgresql://lagoa@127.0.0.1:\(server.port)/\(name)': SELECT * failed: "
                + "relation \"missing_table\" does not exist (SQLSTATE 42P01)"
        }
    }

    @Test func reconnectsAfterTheServerEndsTheSession() async throws {
        let server = try await CatalogTestEnvironment.postgres()
        let url = try await CatalogTestEnvironment.freshPostgresDatabase()
        let name = url.split(separator: "/").last.map(String.init) ?? ""
        let store = try PostgresCatalogStore(url: url)
        try await store.createNamespace(ns("sales"), properties: [:])
        let killSessions =
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '\(name)'"

        #expect(try server.psql(killSessions) == "1")
        #expect(try await store.namespaceExists(ns("sales")), "a read reconnects and runs again")

        #expect(try server.psql(killSessions) == "1")
        try await store.createNamespace(ns("hr"), properties: [:])
        #expect(try await store.listNamespaces(under: nil) == [ns("hr"), ns("sales")], "a write reconnects at BEGIN")
    }
}
