import LagoaCatalogSQL
import LagoaIceberg
import Testing

/// ``CatalogStoreContract`` on ``PostgresCatalogStore``, each test on a new database of a
/// throwaway server (LAGOA_INTEGRATION=1 only).
@Suite(.enabled(if: CatalogTestEnvironment.integration, CatalogTestEnvironment.integrationReason))
struct PostgresContractTests {
    private func store() async throws -> PostgresCatalogStore {
        try PostgresCatalogStore(url: await CatalogTestEnvironment.freshPostgresDatabase())
    }

    @Test func namespacesAndNesting() async throws { try await CatalogStoreContract.namespacesAndNesting(store()) }
    @Test func namespaceProperties() async throws { try await CatalogStoreContract.namespaceProperties(store()) }
    @Test func dropNamespace() async throws { try await CatalogStoreContract.dropNamespace(store()) }
    @Test func tables() async throws { try await CatalogStoreContract.tables(store()) }
    @Test func commitCompareAndSwap() async throws { try await CatalogStoreContract.commitCompareAndSwap(store()) }
}
