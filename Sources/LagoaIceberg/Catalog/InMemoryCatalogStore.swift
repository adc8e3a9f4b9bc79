import Synchronization

/// A ``CatalogStore`` in memory, for tests and throwaway sessions; same contract as the SQL stores.
public final class InMemoryCatalogStore: CatalogStore {
    private struct State {
        var namespaces: [Namespace: [String: String]] = [:]
        var tables: [TableIdentifier: String] = [:]
    }

    private let state = Mutex(State())
    public let catalogName: String

    public init(catalogName: String = "lagoa") {
        self.catalogName = catalogName
    }

    public func createNamespace(_ namespace: Namespace, properties: [String: String]) async throws(IcebergError) {
        try state.withLock { (s: inout State) throws(IcebergError) in
            guard s.namespaces[namespace] == nil else {
                throw IcebergError(.alreadyExists, "namespace '\(namespace)' already exists")
            }
            s.namespaces[namespace] = properties
        }
    }

    public func namespaceExists(_ namespace: Namespace) async throws(IcebergError) -> Bool {
        state.withLock { s in
            s.namespaces.keys.contains { $0.isWithin(namespace) } || s.tables.keys.contains { $0.namespace.isWithin(namespace) }
        }
    }

    public func listNamespaces(under parent: Namespace?) async throws(IcebergError) -> [Namespace] {
        state.withLock { s in
            let all = Array(s.namespaces.keys) + s.tables.keys.map(\.namespace)
            let depth = (parent?.levels.count ?? 0) + 1
            var out: Set<Namespace> = []
            for ns in all where ns.levels.count >= depth && (parent.map { ns.isWithin($0) } ?? true) {
                if let child = try? Namespace(Array(ns.levels.prefix(depth))) { out.insert(child) }
            }
            return out.sorted()
        }
    }

    public func namespaceProperties(_ namespace: Namespace) async throws(IcebergError) -> [String: String] {
        guard try await namespaceExists(namespace) else {
            throw IcebergError(.notFound, "namespace '\(namespace)' does not exist")
        }
        return state.withLock { $0.namespaces[namespace] ?? [:] }
    }

    public func updateNamespaceProperties(_ namespace: Namespace, removals: Set<String>, updates: [String: String]) async throws(IcebergError) {
        guard try await namespaceExists(namespace) else {
            throw IcebergError(.notFound, "namespace '\(namespace)' does not exist")
        }
        state.withLock { s in
            var props = s.namespaces[namespace] ?? [:]
            for key in removals { props[key] = nil }
            for (k, v) in updates { props[k] = v }
            s.namespaces[namespace] = props
        }
    }

    public func dropNamespace(_ namespace: Namespace) async throws(IcebergError) {
        try state.withLock { (s: inout State) throws(IcebergError) in
            guard s.namespaces[namespace] != nil || s.tables.keys.contains(where: { $0.namespace.isWithin(namespace) }) else {
                throw IcebergError(.notFound, "namespace '\(namespace)' does not exist")
            }
            let nonEmpty = s.tables.keys.contains { $0.namespace.isWithin(namespace) }
                || s.namespaces.keys.contains { $0 != namespace && $0.isWithin(namespace) }
            guard !nonEmpty else {
                throw IcebergError(.namespaceNotEmpty, "namespace '\(namespace)' is not empty; drop its tables and namespaces first")
            }
            s.namespaces[namespace] = nil
        }
    }

    public func listTables(in namespace: Namespace) async throws(IcebergError) -> [TableIdentifier] {
        guard try await namespaceExists(namespace) else {
            throw IcebergError(.notFound, "namespace '\(namespace)' does not exist")
        }
        return state.withLock { s in s.tables.keys.filter { $0.namespace == namespace }.sorted() }
    }

    public func metadataLocation(of table: TableIdentifier) async throws(IcebergError) -> String {
        guard let location = state.withLock({ $0.tables[table] }) else {
            throw IcebergError(.notFound, "table '\(table)' does not exist")
        }
        return location
    }

    public func createTable(_ table: TableIdentifier, metadataLocation: String) async throws(IcebergError) {
        guard try await namespaceExists(table.namespace) else {
            throw IcebergError(.notFound, "namespace '\(table.namespace)' does not exist")
        }
        try state.withLock { (s: inout State) throws(IcebergError) in
            guard s.tables[table] == nil else { throw IcebergError(.alreadyExists, "table '\(table)' already exists") }
            s.tables[table] = metadataLocation
        }
    }

    public func commit(_ swaps: [MetadataSwap]) async throws(IcebergError) {
        try state.withLock { (s: inout State) throws(IcebergError) in
            for swap in swaps where s.tables[swap.table] != swap.expected {
                throw IcebergError(
                    .commitConflict,
                    "table '\(swap.table)' was changed by another writer: expected metadata \(swap.expected), found \(s.tables[swap.table] ?? "no table"); retry on the new metadata"
                )
            }
            for swap in swaps { s.tables[swap.table] = swap.new }
        }
    }

    public func dropTable(_ table: TableIdentifier) async throws(IcebergError) -> String {
        try state.withLock { (s: inout State) throws(IcebergError) -> String in
            guard let location = s.tables.removeValue(forKey: table) else {
                throw IcebergError(.notFound, "table '\(table)' does not exist")
            }
            return location
        }
    }

    public func renameTable(from: TableIdentifier, to: TableIdentifier) async throws(IcebergError) {
        try state.withLock { (s: inout State) throws(IcebergError) in
            guard let location = s.tables[from] else { throw IcebergError(.notFound, "table '\(from)' does not exist") }
            guard s.tables[to] == nil else { throw IcebergError(.alreadyExists, "table '\(to)' already exists") }
            s.tables[from] = nil
            s.tables[to] = location
        }
    }
}
