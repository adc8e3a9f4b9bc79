import Foundation
import LagoaCatalogSQL
import LagoaIceberg
import LagoaTesting
import Testing

/// Eight writer processes (`lagoa-catalog-stress`) × 50 compare-and-swap commits each on one
/// table, from `v0`: every commit moves `v<N>` to `v<N+1>` and retries on a conflict, so the table
/// ends at `v400` exactly when no commit was lost or applied twice.
@Suite struct MultiProcessCommitTests {
    static let writers = 8
    static let commitsPerWriter = 50

    @Test func sqliteWritersLoseNoCommit() async throws {
        let path = CatalogTestEnvironment.freshSQLitePath()
        let store = try SQLiteCatalogStore(path: path)
        try await race(store: store, arguments: ["sqlite", path])
    }

    @Test(.enabled(if: CatalogTestEnvironment.integration, CatalogTestEnvironment.integrationReason))
    func postgresWritersLoseNoCommit() async throws {
        let url = try await CatalogTestEnvironment.freshPostgresDatabase()
        let store = try PostgresCatalogStore(url: url)
        try await race(store: store, arguments: ["postgres", url])
    }

    private func race(store: any CatalogStore, arguments: [String]) async throws {
        let orders = try table("sales.orders")
        try await store.createNamespace(ns("sales"), properties: [:])
        try await store.createTable(orders, metadataLocation: "v0")
        let executable = try Self.stressExecutable()

        let results = try await withThrowingTaskGroup(of: (status: Int32, output: String).self) { group in
            for _ in 0..<Self.writers {
                group.addTask {
                    try await CatalogTestEnvironment.run(
                        executable,
                        arguments + [orders.description, "\(Self.commitsPerWriter)"]
                    )
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var conflicts = 0
        for result in results {
            #expect(result.status == 0, "\(result.output)")
            let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
            #expect(line.hasPrefix("commits=\(Self.commitsPerWriter) "), "\(result.output)")
            conflicts += Int(line.split(separator: "=").last ?? "") ?? 0
        }
        let total = Self.writers * Self.commitsPerWriter
        #expect(try await store.metadataLocation(of: orders) == "v\(total)")
        // The writers really raced: some CAS attempts lost and were retried.
        #expect(conflicts > 0, "no conflicts among \(Self.writers) writers; the test did not race")
    }

    /// `lagoa-catalog-stress`, built beside the test binary by `swift build --build-tests`.
    static func stressExecutable() throws -> String {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("lagoa-catalog-stress").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw PostgresServerError(
            "lagoa-catalog-stress is not built next to \(testBinary); run `swift build --build-tests` first"
        )
    }
}
