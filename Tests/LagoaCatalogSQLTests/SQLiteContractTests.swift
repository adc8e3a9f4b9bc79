import LagoaCatalogSQL
import LagoaIceberg
import Testing

/// ``CatalogStoreContract`` on ``SQLiteCatalogStore``, each test on a new database file.
@Suite struct SQLiteContractTests {
    private func store() throws -> SQLiteCatalogStore {
        try SQLiteCatalogStore(path: CatalogTestEnvironment.freshSQLitePath())
    }

    @Test func namespacesAndNesting() async throws { try await CatalogStoreContract.namespacesAndNesting(store()) }
    @Test func namespaceProperties() async throws { try await CatalogStoreContract.namespaceProperties(store()) }
    @Test func dropNamespace() async throws { try await CatalogStoreContract.dropNamespace(store()) }
    @Test func tables() async throws { try await CatalogStoreContract.tables(store()) }
    @Test func commitCompareAndSwap() async throws { try await CatalogStoreContract.commitCompareAndSwap(store()) }
}
