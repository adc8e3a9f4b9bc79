/// An Iceberg table as loaded from a catalog: its name, its current metadata and where that
/// metadata is stored. A `Table` is a value: operations return the table after their commit.
public struct Table: Sendable {
    public let identifier: TableIdentifier
    public let metadataLocation: String
    public let metadata: TableMetadata
    public let catalog: Catalog

    public init(identifier: TableIdentifier, metadataLocation: String, metadata: TableMetadata, catalog: Catalog) {
        self.identifier = identifier
        self.metadataLocation = metadataLocation
        self.metadata = metadata
        self.catalog = catalog
    }

    public var schema: IcebergSchema { metadata.schema }
    public var spec: PartitionSpec { metadata.defaultSpec }
    public var location: String { metadata.location }
    public var io: FileIO { catalog.io }

    /// Reloads the table's current state from the catalog.
    public func refresh() async throws(IcebergError) -> Table {
        try await catalog.loadTable(identifier)
    }

    /// The snapshot selected by a time-travel choice (nil = the current snapshot of `main`).
    /// - Throws: ``IcebergError/Code/notFound`` for an unknown snapshot, ref or a time before the
    ///   first snapshot.
    public func snapshot(_ selector: SnapshotSelector) throws(IcebergError) -> Snapshot? {
        switch selector {
        case .current:
            return metadata.currentSnapshot
        case .id(let id):
            guard let found = metadata.snapshot(id: id) else {
                throw IcebergError(.notFound, "table '\(identifier)' has no snapshot \(id); see 'lagoa table history \(identifier)'")
            }
            return found
        case .ref(let name):
            guard metadata.refs[name] != nil || name == TableMetadata.mainBranch else {
                throw IcebergError(
                    .notFound,
                    "table '\(identifier)' has no branch or tag '\(name)' (refs: \(metadata.refs.keys.sorted().joined(separator: ", ")))"
                )
            }
            return metadata.snapshot(ref: name)
        case .asOf(let millis):
            guard let found = metadata.snapshot(asOf: millis) else {
                throw IcebergError(.notFound, "table '\(identifier)' had no snapshot at \(IcebergValue.timestampText(millis * 1000, perSecond: 1_000_000, zone: "Z"))")
            }
            return found
        }
    }
}

/// Which version of a table to read.
public enum SnapshotSelector: Sendable, Hashable {
    case current
    case id(Int64)
    /// A branch or tag.
    case ref(String)
    /// The snapshot current at this time (milliseconds since the epoch).
    case asOf(Int64)
}
