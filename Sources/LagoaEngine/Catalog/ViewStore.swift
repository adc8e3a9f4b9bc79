import LagoaIceberg
import LagoaJSON
import LagoaPlanner

/// Views live in their namespace's properties as `lagoa.view.<name>` = `{"sql": …, "columns": […]}`:
/// every catalog store (SQLite, PostgreSQL) keeps them without a schema change, and other engines
/// see them as plain properties. (Iceberg's view spec is the long-term home.)
struct ViewStore {
    let catalog: Catalog
    static let prefix = "lagoa.view."

    func view(_ name: [String], defaultNamespace: [String]) async throws -> ViewDefinition? {
        guard let identifier = try? TableNames.identifier(name, defaultNamespace: defaultNamespace),
            let properties = try? await catalog.namespaceProperties(identifier.namespace),
            let text = properties[Self.prefix + identifier.name]
        else { return nil }
        let json = try JSONValue(parsing: text)
        guard case .object(let keys, let values) = json, let sqlIndex = keys.firstIndex(of: "sql"), case .string(let sql) = values[sqlIndex] else {
            throw EngineError(.invalidInput, "view \(identifier) has a malformed definition in its namespace properties")
        }
        var columns: [String] = []
        if let k = keys.firstIndex(of: "columns"), case .array(let items) = values[k] {
            columns = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        return ViewDefinition(canonicalName: identifier.namespace.levels + [identifier.name], sql: sql, columnNames: columns)
    }

    func viewNames(in namespace: Namespace) async throws -> [String] {
        let properties = try await catalog.namespaceProperties(namespace)
        return properties.keys.filter { $0.hasPrefix(Self.prefix) }.map { String($0.dropFirst(Self.prefix.count)) }.sorted()
    }

    func save(_ identifier: TableIdentifier, sql: String, columns: [String]) async throws {
        let json = JSONValue.object(keys: ["sql", "columns"], values: [.string(sql), .array(columns.map { .string($0) })])
        try await catalog.store.updateNamespaceProperties(identifier.namespace, removals: [], updates: [Self.prefix + identifier.name: json.text])
    }

    func remove(_ identifier: TableIdentifier) async throws {
        try await catalog.store.updateNamespaceProperties(identifier.namespace, removals: [Self.prefix + identifier.name], updates: [:])
    }
}
