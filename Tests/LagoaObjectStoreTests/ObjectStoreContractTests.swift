import LagoaCore
import LagoaObjectStore
import LagoaTesting
import Testing

/// The shared ``ObjectStoreContract`` against the stores of this target.
@Suite struct ObjectStoreContractTests {
    @Test(arguments: ObjectStoreContract.names)
    func inMemory(_ check: String) async throws {
        try await ObjectStoreContract.check(check).run(InMemoryObjectStore())
    }

    @Test(arguments: ObjectStoreContract.names)
    func localFileSystem(_ check: String) async throws {
        let folder = TestPaths.temporaryDirectory(prefix: "lagoa-store")
        defer { TestPaths.remove(folder) }
        let store = try LocalFileSystemStore(root: folder + "/root")
        try await ObjectStoreContract.check(check).run(store)
    }
}
