import LagoaIceberg

/// The catalog operations as SQL over ``SQLCatalogSchema``, shared by the SQLite and PostgreSQL
/// stores. Each function runs inside the transaction the store opened for it.
///
/// Namespaces follow PyIceberg's `SqlCatalog`: a namespace exists when a property row or a table row
/// names it or a namespace below it (so `sales` exists once `sales.eu` does). Prefix matches use
/// `substr(column, 1, n) = 'sales.'`, exact in both databases (a `LIKE` is case-insensitive in
/// SQLite and treats `_` as a wildcard).
struct SQLCatalogStatements: Sendable {
    let catalogName: String
    /// Whether `iceberg_tables` has the `iceberg_type` column (v1 schema).
    let hasTypeColumn: Bool

    /// Restricts `iceberg_tables` to tables (not views) on a v1 schema.
    private var tablesOnly: String {
        hasTypeColumn ? " AND (iceberg_type = '\(SQLCatalogSchema.tableType)' OR iceberg_type IS NULL)" : ""
    }

    // MARK: Namespaces

    func namespaceExists(_ s: any SQLSession, _ namespace: Namespace) throws(IcebergError) -> Bool {
        let prefix = namespace.dotted + "."
        let inTables = try s.rows(
            "SELECT 1 FROM iceberg_tables WHERE catalog_name = ? AND (table_namespace = ? OR "
                + "substr(table_namespace, 1, \(prefix.utf8.count)) = ?) LIMIT 1",
            [catalogName, namespace.dotted, prefix]
        )
        if !inTables.isEmpty { return true }
        let inProperties = try s.rows(
            "SELECT 1 FROM iceberg_namespace_properties WHERE catalog_name = ? AND (namespace = ? OR "
                + "substr(namespace, 1, \(prefix.utf8.count)) = ?) LIMIT 1",
            [catalogName, namespace.dotted, prefix]
        )
        return !inProperties.isEmpty
    }

    func requireNamespace(_ s: any SQLSession, _ namespace: Namespace) throws(IcebergError) {
        guard try namespaceExists(s, namespace) else {
            throw IcebergError(.notFound, "namespace '\(namespace)' does not exist in catalog '\(catalogName)'")
        }
    }

    func createNamespace(
        _ s: any SQLSession,
        _ namespace: Namespace,
        _ properties: [String: String]
    ) throws(IcebergError) {
        if try namespaceExists(s, namespace) {
            throw IcebergError(.alreadyExists, "namespace '\(namespace)' already exists in catalog '\(catalogName)'")
        }
        let rows = properties.isEmpty ? [SQLCatalogSchema.existsProperty: "true"] : properties
        for (key, value) in rows.sorted(by: { $0.key < $1.key }) {
            try insertProperty(s, namespace, key, value)
        }
    }

    /// Every namespace named in either table, as stored (dotted), optionally only those at or under `parent`.
    private func storedNamespaces(_ s: any SQLSession, under parent: Namespace?) throws(IcebergError) -> [String] {
        var tableFilter = ""
        var propertyFilter = ""
        var parameters = [catalogName]
        if let parent {
            let prefix = parent.dotted + "."
            tableFilter = " AND substr(table_namespace, 1, \(prefix.utf8.count)) = ?"
            propertyFilter = " AND substr(namespace, 1, \(prefix.utf8.count)) = ?"
            parameters = [catalogName, prefix, catalogName, prefix]
        } else {
            parameters = [catalogName, catalogName]
        }
        let rows = try s.rows(
            "SELECT table_namespace FROM iceberg_tables WHERE catalog_name = ?\(tableFilter) UNION "
                + "SELECT namespace FROM iceberg_namespace_properties WHERE catalog_name = ?\(propertyFilter)",
            parameters
        )
        return rows.compactMap { $0.first ?? nil }
    }

    /// Children of `parent` (top level when nil), including implicit ones; names Lagoa cannot
    /// represent (written by other engines with characters Lagoa rejects) are left out.
    func listNamespaces(_ s: any SQLSession, under parent: Namespace?) throws(IcebergError) -> [Namespace] {
        if let parent { try requireNamespace(s, parent) }
        let depth = (parent?.levels.count ?? 0) + 1
        var children = Set<Namespace>()
        for dotted in try storedNamespaces(s, under: parent) {
            let levels = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard levels.count >= depth else { continue }
            if let parent, Array(levels.prefix(depth - 1)) != parent.levels { continue }
            if let child = try? Namespace(Array(levels.prefix(depth))) { children.insert(child) }
        }
        return children.sorted()
    }

    func namespaceProperties(_ s: any SQLSession, _ namespace: Namespace) throws(IcebergError) -> [String: String] {
        try requireNamespace(s, namespace)
        var properties: [String: String] = [:]
        for row in try propertyRows(s, namespace) where row.key != SQLCatalogSchema.existsProperty {
            properties[row.key] = row.value
        }
        return properties
    }

    private func propertyRows(_ s: any SQLSession, _ namespace: Namespace) throws(IcebergError) -> [(key: String, value: String)] {
        try s.rows(
            "SELECT property_key, property_value FROM iceberg_namespace_properties WHERE catalog_name = ? AND namespace = ?",
            [catalogName, namespace.dotted]
        ).compactMap { row in
            guard let key = row[0] else { return nil }
            return (key, row[1] ?? "")
        }
    }

    func updateNamespaceProperties(
        _ s: any SQLSession,
        _ namespace: Namespace,
        removals: Set<String>,
        updates: [String: String]
    ) throws(IcebergError) {
        if let both = removals.intersection(updates.keys).sorted().first {
            throw IcebergError(
                .invalidArgument,
                "property '\(both)' of namespace '\(namespace)' is both removed and set; do one or the other"
            )
        }
        try requireNamespace(s, namespace)
        for key in removals.union(updates.keys).sorted() {
            try s.run(
                "DELETE FROM iceberg_namespace_properties WHERE catalog_name = ? AND namespace = ? AND property_key = ?",
                [catalogName, namespace.dotted, key]
            )
        }
        for (key, value) in updates.sorted(by: { $0.key < $1.key }) {
            try insertProperty(s, namespace, key, value)
        }
        // A namespace whose last property was removed would vanish; keep it with the marker row.
        if try propertyRows(s, namespace).isEmpty {
            try insertProperty(s, namespace, SQLCatalogSchema.existsProperty, "true")
        }
    }

    private func insertProperty(_ s: any SQLSession, _ namespace: Namespace, _ key: String, _ value: String) throws(IcebergError) {
        try s.run(
            "INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, property_value) "
                + "VALUES (?, ?, ?, ?)",
            [catalogName, namespace.dotted, key, value]
        )
    }

    func dropNamespace(_ s: any SQLSession, _ namespace: Namespace) throws(IcebergError) {
        try requireNamespace(s, namespace)
        let prefix = namespace.dotted + "."
        let tables = try s.rows(
            "SELECT table_namespace, table_name FROM iceberg_tables WHERE catalog_name = ? AND (table_namespace = ? OR "
                + "substr(table_namespace, 1, \(prefix.utf8.count)) = ?)",
            [catalogName, namespace.dotted, prefix]
        )
        let children = try s.rows(
            "SELECT DISTINCT namespace FROM iceberg_namespace_properties WHERE catalog_name = ? AND "
                + "substr(namespace, 1, \(prefix.utf8.count)) = ?",
            [catalogName, prefix]
        )
        guard tables.isEmpty && children.isEmpty else {
            var held: [String] = []
            if let first = tables.first {
                let name = "\(first[0] ?? "").\(first[1] ?? "")"
                held.append(tables.count == 1 ? "table '\(name)'" : "\(tables.count) tables ('\(name)', …)")
            }
            if let first = children.first {
                let name = first[0] ?? ""
                held.append(
                    children.count == 1 ? "namespace '\(name)'" : "\(children.count) namespaces ('\(name)', …)"
                )
            }
            throw IcebergError(
                .namespaceNotEmpty,
                "namespace '\(namespace)' is not empty: it holds \(held.joined(separator: " and ")); drop them first"
            )
        }
        try s.run(
            "DELETE FROM iceberg_namespace_properties WHERE catalog_name = ? AND namespace = ?",
            [catalogName, namespace.dotted]
        )
    }

    // MARK: Tables

    func listTables(_ s: any SQLSession, _ namespace: Namespace) throws(IcebergError) -> [TableIdentifier] {
        try requireNamespace(s, namespace)
        let rows = try s.rows(
            "SELECT table_name FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ?\(tablesOnly)",
            [catalogName, namespace.dotted]
        )
        return rows.compactMap { row in
            row[0].flatMap { try? TableIdentifier(namespace: namespace, name: $0) }
        }.sorted()
    }

    /// The row of `table`: nil when missing; `.some(nil)` when its metadata location is NULL.
    private func currentLocation(_ s: any SQLSession, _ table: TableIdentifier) throws(IcebergError) -> String?? {
        let rows = try s.rows(
            "SELECT metadata_location FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? "
                + "AND table_name = ?\(tablesOnly)",
            [catalogName, table.namespace.dotted, table.name]
        )
        return rows.first.map { $0[0] }
    }

    func metadataLocation(_ s: any SQLSession, _ table: TableIdentifier) throws(IcebergError) -> String {
        switch try currentLocation(s, table) {
        case .none:
            throw IcebergError(.notFound, "table '\(table)' does not exist in catalog '\(catalogName)'")
        case .some(.none):
            throw IcebergError(
                .invalidMetadata,
                "table '\(table)' has no metadata location in catalog '\(catalogName)'; drop and re-register it"
            )
        case .some(.some(let location)):
            return location
        }
    }

    func createTable(_ s: any SQLSession, _ table: TableIdentifier, _ location: String) throws(IcebergError) {
        try requireNamespace(s, table.namespace)
        let typeColumn = hasTypeColumn ? ", iceberg_type" : ""
        let typeValue = hasTypeColumn ? ", '\(SQLCatalogSchema.tableType)'" : ""
        do {
            try s.run(
                "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, "
                    + "previous_metadata_location\(typeColumn)) VALUES (?, ?, ?, ?, NULL\(typeValue))",
                [catalogName, table.namespace.dotted, table.name, location]
            )
        } catch where error.databaseFailureKind == .uniqueViolation {
            throw IcebergError(.alreadyExists, "table '\(table)' already exists in catalog '\(catalogName)'")
        }
    }

    /// Applies every swap or none: swaps run in table order (so two multi-table commits lock rows
    /// in the same order and cannot deadlock); the first that finds another location throws, and
    /// the caller's transaction rolls back the ones before it.
    func commit(_ s: any SQLSession, _ swaps: [MetadataSwap]) throws(IcebergError) {
        for swap in swaps.sorted(by: { $0.table < $1.table }) {
            let changed = try s.run(
                "UPDATE iceberg_tables SET metadata_location = ?, previous_metadata_location = ? "
                    + "WHERE catalog_name = ? AND table_namespace = ? AND table_name = ? AND metadata_location = ?",
                [swap.new, swap.expected, catalogName, swap.table.namespace.dotted, swap.table.name, swap.expected]
            )
            guard changed == 0 else { continue }
            let found: String
            switch try currentLocation(s, swap.table) {
            case .none: found = "the table was dropped"
            case .some(.none): found = "no metadata location"
            case .some(.some(let location)): found = location
            }
            throw IcebergError(
                .commitConflict,
                "table '\(swap.table)' was changed by another writer: expected metadata \(swap.expected), "
                    + "found \(found); retry on the new metadata"
            )
        }
    }

    func dropTable(_ s: any SQLSession, _ table: TableIdentifier) throws(IcebergError) -> String {
        guard let location = try currentLocation(s, table) else {
            throw IcebergError(.notFound, "table '\(table)' does not exist in catalog '\(catalogName)'")
        }
        try s.run(
            "DELETE FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?\(tablesOnly)",
            [catalogName, table.namespace.dotted, table.name]
        )
        return location ?? ""
    }

    func renameTable(_ s: any SQLSession, from: TableIdentifier, to: TableIdentifier) throws(IcebergError) {
        guard try currentLocation(s, from) != nil else {
            throw IcebergError(.notFound, "cannot rename table '\(from)' to '\(to)': it does not exist in catalog '\(catalogName)'")
        }
        guard try namespaceExists(s, to.namespace) else {
            throw IcebergError(
                .notFound,
                "cannot rename table '\(from)' to '\(to)': namespace '\(to.namespace)' does not exist; create it first"
            )
        }
        let taken = try s.rows(
            "SELECT 1 FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?",
            [catalogName, to.namespace.dotted, to.name]
        )
        let alreadyExists = IcebergError(
            .alreadyExists,
            "cannot rename table '\(from)' to '\(to)': a table or view with that name already exists"
        )
        guard taken.isEmpty else { throw alreadyExists }
        do {
            try s.run(
                "UPDATE iceberg_tables SET table_namespace = ?, table_name = ? "
                    + "WHERE catalog_name = ? AND table_namespace = ? AND table_name = ?\(tablesOnly)",
                [to.namespace.dotted, to.name, catalogName, from.namespace.dotted, from.name]
            )
        } catch where error.databaseFailureKind == .uniqueViolation {
            throw alreadyExists
        }
    }
}
