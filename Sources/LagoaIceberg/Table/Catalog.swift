import LagoaCore

/// An Iceberg catalog: namespaces and tables kept in a ``CatalogStore``, metadata and data in
/// object stores reached through ``FileIO``.
///
/// New tables live under the warehouse at `<warehouse>/<namespace levels…>/<table>`. Every change
/// writes a new metadata file and swaps the table's pointer in one compare-and-swap; a writer that
/// loses the race re-applies its change on the new metadata (see ``commit(_:maxAttempts:_:)``).
public final class Catalog: Sendable {
    public let store: any CatalogStore
    public let io: FileIO
    /// The warehouse root as a location (`file:///…/warehouse`, `s3://bucket/prefix`).
    public let warehouse: String

    public init(store: any CatalogStore, io: FileIO, warehouse: String) {
        self.store = store
        self.io = io
        var root = FileIO.normalize(warehouse)
        while root.hasSuffix("/") { root.removeLast() }
        self.warehouse = root
    }

    public var name: String { store.catalogName }

    // MARK: Namespaces

    public func createNamespace(_ namespace: Namespace, properties: [String: String] = [:]) async throws(IcebergError) {
        try await store.createNamespace(namespace, properties: properties)
    }

    public func listNamespaces(under parent: Namespace? = nil) async throws(IcebergError) -> [Namespace] {
        try await store.listNamespaces(under: parent)
    }

    public func dropNamespace(_ namespace: Namespace) async throws(IcebergError) {
        try await store.dropNamespace(namespace)
    }

    public func namespaceProperties(_ namespace: Namespace) async throws(IcebergError) -> [String: String] {
        try await store.namespaceProperties(namespace)
    }

    // MARK: Tables

    public func listTables(in namespace: Namespace) async throws(IcebergError) -> [TableIdentifier] {
        try await store.listTables(in: namespace)
    }

    /// The default location of a new table.
    public func defaultLocation(_ identifier: TableIdentifier) -> String {
        ([warehouse] + identifier.namespace.levels + [identifier.name]).joined(separator: "/")
    }

    /// Creates an empty table.
    /// - Parameters:
    ///   - partitionBy: partition fields as `(column, transform)`; names follow ``Transform/defaultFieldName(column:)``.
    ///   - sortBy: sort fields as `(column, direction)`.
    /// - Throws: ``IcebergError/Code/alreadyExists``, ``IcebergError/Code/notFound`` for a missing
    ///   namespace, ``IcebergError/Code/invalidArgument`` for unknown columns or bad transforms.
    public func createTable(
        _ identifier: TableIdentifier,
        schema: IcebergSchema,
        partitionBy: [(column: String, transform: Transform)] = [],
        sortBy: [(column: String, direction: SortOrder.Direction)] = [],
        properties: [String: String] = [:],
        location: String? = nil
    ) async throws(IcebergError) -> Table {
        guard try await store.namespaceExists(identifier.namespace) else {
            throw IcebergError(
                .notFound,
                "namespace '\(identifier.namespace)' does not exist; create it with 'lagoa namespace create \(identifier.namespace)'"
            )
        }
        var fields: [PartitionSpec.Field] = []
        for (k, (column, transform)) in partitionBy.enumerated() {
            guard let source = schema.field(path: column) else {
                throw IcebergError(.invalidArgument, "cannot partition by unknown column '\(column)'")
            }
            _ = try transform.resultType(source.type)
            fields.append(.init(sourceID: source.id, fieldID: PartitionSpec.firstFieldID + Int32(k), name: transform.defaultFieldName(column: column), transform: transform))
        }
        var sortFields: [SortOrder.Field] = []
        for (column, direction) in sortBy {
            guard let source = schema.field(path: column) else {
                throw IcebergError(.invalidArgument, "cannot sort by unknown column '\(column)'")
            }
            sortFields.append(.init(sourceID: source.id, direction: direction, nullOrder: direction == .ascending ? .nullsFirst : .nullsLast))
        }
        let tableLocation = location.map { FileIO.normalize($0) } ?? defaultLocation(identifier)
        var props = properties
        if props["write.parquet.compression-codec"] == nil { props["write.parquet.compression-codec"] = "zstd" }
        let metadata = TableMetadata(
            tableUUID: Identifiers.uuid(),
            location: tableLocation,
            lastUpdatedMillis: Identifiers.nowMillis(),
            lastColumnID: schema.highestFieldID,
            schemas: [IcebergSchema(schemaID: 0, fields: schema.fields, identifierFieldIDs: schema.identifierFieldIDs)],
            currentSchemaID: 0,
            partitionSpecs: [PartitionSpec(specID: 0, fields: fields)],
            defaultSpecID: 0,
            lastPartitionID: fields.last?.fieldID ?? PartitionSpec.firstFieldID - 1,
            properties: props,
            sortOrders: sortFields.isEmpty ? [.unsorted] : [SortOrder(orderID: 1, fields: sortFields)],
            defaultSortOrderID: sortFields.isEmpty ? 0 : 1
        )
        let metadataLocation = Self.metadataFileLocation(tableLocation, version: 0)
        try await io.writeNew(metadataLocation, metadata.jsonBytes)
        do {
            try await store.createTable(identifier, metadataLocation: metadataLocation)
        } catch {
            try? await io.delete(metadataLocation)
            throw error
        }
        return Table(identifier: identifier, metadataLocation: metadataLocation, metadata: metadata, catalog: self)
    }

    /// Loads a table's current metadata.
    public func loadTable(_ identifier: TableIdentifier) async throws(IcebergError) -> Table {
        let location = try await store.metadataLocation(of: identifier)
        let metadata = try await readMetadata(location)
        return Table(identifier: identifier, metadataLocation: location, metadata: metadata, catalog: self)
    }

    /// Reads and parses a metadata file.
    public func readMetadata(_ location: String) async throws(IcebergError) -> TableMetadata {
        let bytes: [UInt8]
        do {
            bytes = try await io.read(location)
        } catch where error.code == .notFound {
            throw IcebergError(.invalidMetadata, "metadata file \(location) is missing; the table's storage was changed outside the catalog", cause: error)
        }
        return try TableMetadata(jsonBytes: bytes, file: location)
    }

    /// Unregisters a table; with `purge`, also deletes every file it references and its metadata.
    public func dropTable(_ identifier: TableIdentifier, purge: Bool = false) async throws(IcebergError) {
        let table = purge ? try await loadTable(identifier) : nil
        _ = try await store.dropTable(identifier)
        if let table {
            try await Maintenance.purge(table)
        }
    }

    /// Renames a table (its files stay where they are).
    public func renameTable(_ from: TableIdentifier, to: TableIdentifier) async throws(IcebergError) {
        try await store.renameTable(from: from, to: to)
    }

    // MARK: Commits

    /// Applies `change` to the table's current metadata and publishes the result, retrying on the
    /// newest metadata when another writer committed first.
    ///
    /// `change` gets the table as it is now and returns the new metadata (it may write manifests;
    /// it is called again on each retry) or nil when nothing changed. It throws to give up, e.g. on
    /// a real conflict.
    /// - Throws: ``IcebergError/Code/commitConflict`` after `maxAttempts` lost races.
    public func commit(
        _ identifier: TableIdentifier,
        maxAttempts: Int = 60,
        _ change: (Table) async throws(IcebergError) -> TableMetadata?
    ) async throws(IcebergError) -> Table {
        var attempt = 0
        while true {
            attempt += 1
            let base = try await loadTable(identifier)
            guard let updated = try await change(base) else { return base }
            let next = Self.nextMetadata(updated, base: base)
            let location = Self.metadataFileLocation(base.metadata.location, version: Self.version(of: base.metadataLocation) + 1)
            try await io.writeNew(location, next.jsonBytes)
            do {
                try await store.commit([MetadataSwap(table: identifier, expected: base.metadataLocation, new: location)])
                return Table(identifier: identifier, metadataLocation: location, metadata: next, catalog: self)
            } catch where error.code == .commitConflict && attempt < maxAttempts {
                try? await io.delete(location)
                await discardNewSnapshots(next, base: base)
                // Exponential backoff with full jitter: 5 ms doubling up to 1 s, so many writers
                // spread out instead of colliding in lockstep.
                let ceiling: UInt64 = min(1_000_000_000, UInt64(5_000_000) << UInt64(min(attempt, 8)))
                try? await Task.sleep(nanoseconds: UInt64.random(in: UInt64(1_000_000)...ceiling))
                continue
            } catch {
                try? await io.delete(location)
                await discardNewSnapshots(next, base: base)
                throw error
            }
        }
    }

    /// Deletes the manifest lists and manifests written for snapshots that did not get committed
    /// (best effort: anything left is an orphan that orphan removal deletes).
    private func discardNewSnapshots(_ next: TableMetadata, base: Table) async {
        let known = Set(base.metadata.snapshots.map(\.snapshotID))
        for snapshot in next.snapshots where !known.contains(snapshot.snapshotID) {
            guard let list = snapshot.manifestList else { continue }
            if let manifests = try? await SnapshotProducer.manifests(base, snapshot) {
                for manifest in manifests where manifest.addedSnapshotID == snapshot.snapshotID {
                    try? await io.delete(manifest.path)
                }
            }
            try? await io.delete(list)
        }
    }

    /// Commits changes to several tables atomically: all of them are published or none.
    /// - Throws: ``IcebergError/Code/commitConflict`` when any table moved since it was loaded
    ///   (multi-table commits are not retried; reload and try again).
    public func commit(_ changes: [(table: Table, metadata: TableMetadata)]) async throws(IcebergError) -> [Table] {
        var swaps: [MetadataSwap] = []
        var written: [String] = []
        var tables: [Table] = []
        for (table, updated) in changes {
            let next = Self.nextMetadata(updated, base: table)
            let location = Self.metadataFileLocation(table.metadata.location, version: Self.version(of: table.metadataLocation) + 1)
            try await io.writeNew(location, next.jsonBytes)
            written.append(location)
            swaps.append(MetadataSwap(table: table.identifier, expected: table.metadataLocation, new: location))
            tables.append(Table(identifier: table.identifier, metadataLocation: location, metadata: next, catalog: self))
        }
        do {
            try await store.commit(swaps)
        } catch {
            for location in written { try? await io.delete(location) }
            throw error
        }
        return tables
    }

    /// The metadata to write: `updated` with a fresh timestamp and the base file in the metadata log.
    private static func nextMetadata(_ updated: TableMetadata, base: Table) -> TableMetadata {
        var next = updated
        next.lastUpdatedMillis = max(Identifiers.nowMillis(), base.metadata.lastUpdatedMillis + 1)
        next.metadataLog.append(MetadataLogEntry(timestampMillis: base.metadata.lastUpdatedMillis, metadataFile: base.metadataLocation))
        let keep = Int(next.properties["write.metadata.previous-versions-max"] ?? "") ?? 100
        if next.metadataLog.count > keep { next.metadataLog.removeFirst(next.metadataLog.count - keep) }
        return next
    }

    /// `<table>/metadata/00003-<uuid>.metadata.json`.
    static func metadataFileLocation(_ tableLocation: String, version: Int) -> String {
        let digits = String(version)
        let padded = digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
        return "\(tableLocation)/metadata/\(padded)-\(Identifiers.uuid()).metadata.json"
    }

    /// The version number at the start of a metadata file name (0 when it has none).
    static func version(of location: String) -> Int {
        let name = location.split(separator: "/").last ?? ""
        return Int(name.prefix { $0.isNumber }) ?? 0
    }
}
