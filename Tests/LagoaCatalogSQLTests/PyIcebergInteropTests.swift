import Foundation
import LagoaCatalogSQL
import LagoaIceberg
import LagoaTesting
import Testing

/// Lagoa's SQL catalog and PyIceberg's `SqlCatalog` on one database, both ways, on SQLite and
/// PostgreSQL (`scripts/interop/sqlcatalog_peer.py`; LAGOA_INTEGRATION=1 only).
@Suite(.enabled(if: CatalogTestEnvironment.integration, CatalogTestEnvironment.integrationReason))
struct PyIcebergInteropTests {
    /// What `sqlcatalog_peer.py inspect` prints.
    struct Inspection: Decodable, Equatable {
        struct Entry: Decodable, Equatable {
            var properties: [String: String]
            var tables: [String]
        }
        var top: [String]
        var under_sales: [String]
        var namespaces: [String: Entry]
    }

    enum Database: String, CaseIterable, Sendable {
        case sqlite, postgres

        /// A fresh catalog database: Lagoa's store URL/path and PyIceberg's SQLAlchemy URI.
        func fresh() async throws -> (lagoa: String, pyiceberg: String) {
            switch self {
            case .sqlite:
                let path = CatalogTestEnvironment.freshSQLitePath()
                return (path, "sqlite:///" + path)
            case .postgres:
                let url = try await CatalogTestEnvironment.freshPostgresDatabase()
                return (url, "postgresql+psycopg2://" + url.dropFirst("postgresql://".count))
            }
        }

        func store(_ location: String) throws -> any CatalogStore {
            switch self {
            case .sqlite: try SQLiteCatalogStore(path: location)
            case .postgres: try PostgresCatalogStore(url: location)
            }
        }
    }

    private func peer(_ command: String, _ uri: String) async throws -> Data {
        let warehouse = TestPaths.temporaryDirectory(prefix: "lagoa-warehouse")
        defer { TestPaths.remove(warehouse) }
        let script = TestPaths.repositoryRoot() + "/scripts/interop/sqlcatalog_peer.py"
        let result = try await CatalogTestEnvironment.run(
            try CatalogTestEnvironment.python(),
            [script, command, uri, warehouse]
        )
        try #require(result.status == 0, "sqlcatalog_peer.py \(command) failed:\n\(result.output)")
        let lastLine = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return Data(lastLine.utf8)
    }

    @Test(arguments: Database.allCases)
    func pyIcebergSeesLagoaNamespacesAndTables(_ database: Database) async throws {
        let (location, uri) = try await database.fresh()
        let store = try database.store(location)
        try await store.createNamespace(ns("sales"), properties: ["owner": "ana", "tier": "gold"])
        try await store.createNamespace(ns("sales.eu"), properties: [:])
        try await store.createNamespace(ns("sales.eu.de"), properties: ["region": "de"])
        try await store.createNamespace(ns("hr"), properties: [:])
        try await store.createTable(table("sales.orders"), metadataLocation: "s3://lake/orders/v1.metadata.json")
        try await store.createTable(table("sales.eu.de.sales_2024"), metadataLocation: "s3://lake/de/v1.metadata.json")

        let seen = try JSONDecoder().decode(Inspection.self, from: try await peer("inspect", uri))
        let exists = ["exists": "true"]
        #expect(
            seen
                == Inspection(
                    top: ["hr", "sales"],
                    under_sales: ["sales.eu"],
                    namespaces: [
                        "hr": .init(properties: exists, tables: []),
                        "sales": .init(properties: ["owner": "ana", "tier": "gold"], tables: ["sales.orders"]),
                        "sales.eu": .init(properties: exists, tables: []),
                        "sales.eu.de": .init(properties: ["region": "de"], tables: ["sales.eu.de.sales_2024"]),
                    ]
                )
        )
    }

    @Test(arguments: Database.allCases)
    func lagoaSeesPyIcebergNamespacesAndTable(_ database: Database) async throws {
        let (location, uri) = try await database.fresh()
        // PyIceberg goes first: it creates the catalog tables, Lagoa opens them as they are.
        struct Created: Decodable { var metadata_location: String }
        let created = try JSONDecoder().decode(Created.self, from: try await peer("create", uri))
        let store = try database.store(location)

        #expect(try await store.listNamespaces(under: nil) == [ns("sales")])
        #expect(try await store.listNamespaces(under: ns("sales")) == [ns("sales.eu")])
        #expect(try await store.namespaceProperties(ns("sales")) == ["owner": "py"])
        #expect(try await store.namespaceProperties(ns("sales.eu")) == [:])
        #expect(try await store.listTables(in: ns("sales.eu")) == [table("sales.eu.orders")])
        #expect(try await store.listTables(in: ns("sales")) == [])
        let orders = try table("sales.eu.orders")
        #expect(try await store.metadataLocation(of: orders) == created.metadata_location)
        #expect(created.metadata_location.hasSuffix(".metadata.json"))

        // Lagoa's CAS works on PyIceberg's row, and PyIceberg's create sees Lagoa's duplicate check.
        try await store.commit([MetadataSwap(table: orders, expected: created.metadata_location, new: "moved")])
        #expect(try await store.metadataLocation(of: orders) == "moved")
        await expectIcebergError(.alreadyExists) { () throws(IcebergError) in
            try await store.createNamespace(ns("sales.eu"), properties: [:])
        }
    }
}
