public import LagoaJSON

/// Everything Iceberg knows about a table at one version: the content of a `*.metadata.json` file.
public struct TableMetadata: Sendable, Hashable {
    public var formatVersion: Int
    public var tableUUID: String
    public var location: String
    public var lastSequenceNumber: Int64
    public var lastUpdatedMillis: Int64
    public var lastColumnID: Int32
    public var schemas: [IcebergSchema]
    public var currentSchemaID: Int32
    public var partitionSpecs: [PartitionSpec]
    public var defaultSpecID: Int32
    public var lastPartitionID: Int32
    public var properties: [String: String]
    public var currentSnapshotID: Int64?
    public var snapshots: [Snapshot]
    public var snapshotLog: [SnapshotLogEntry]
    public var metadataLog: [MetadataLogEntry]
    public var sortOrders: [SortOrder]
    public var defaultSortOrderID: Int32
    public var refs: [String: SnapshotRef]
    /// Members Lagoa does not interpret (`statistics`, `partition-statistics`, …), written back as read.
    public var extra: [(String, JSONValue)]

    /// The name of the branch every engine reads by default.
    public static let mainBranch = "main"

    public init(
        formatVersion: Int = 2,
        tableUUID: String,
        location: String,
        lastSequenceNumber: Int64 = 0,
        lastUpdatedMillis: Int64,
        lastColumnID: Int32,
        schemas: [IcebergSchema],
        currentSchemaID: Int32,
        partitionSpecs: [PartitionSpec],
        defaultSpecID: Int32,
        lastPartitionID: Int32,
        properties: [String: String] = [:],
        currentSnapshotID: Int64? = nil,
        snapshots: [Snapshot] = [],
        snapshotLog: [SnapshotLogEntry] = [],
        metadataLog: [MetadataLogEntry] = [],
        sortOrders: [SortOrder] = [.unsorted],
        defaultSortOrderID: Int32 = 0,
        refs: [String: SnapshotRef] = [:],
        extra: [(String, JSONValue)] = []
    ) {
        self.formatVersion = formatVersion
        self.tableUUID = tableUUID
        self.location = location
        self.lastSequenceNumber = lastSequenceNumber
        self.lastUpdatedMillis = lastUpdatedMillis
        self.lastColumnID = lastColumnID
        self.schemas = schemas
        self.currentSchemaID = currentSchemaID
        self.partitionSpecs = partitionSpecs
        self.defaultSpecID = defaultSpecID
        self.lastPartitionID = lastPartitionID
        self.properties = properties
        self.currentSnapshotID = currentSnapshotID
        self.snapshots = snapshots
        self.snapshotLog = snapshotLog
        self.metadataLog = metadataLog
        self.sortOrders = sortOrders
        self.defaultSortOrderID = defaultSortOrderID
        self.refs = refs
        self.extra = extra
    }

    public static func == (lhs: TableMetadata, rhs: TableMetadata) -> Bool {
        lhs.json == rhs.json
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tableUUID)
        hasher.combine(lastUpdatedMillis)
    }

    /// The current schema.
    public var schema: IcebergSchema {
        schemas.first { $0.schemaID == currentSchemaID } ?? schemas[schemas.count - 1]
    }

    /// The schema with `id`.
    public func schema(id: Int32) -> IcebergSchema? {
        schemas.first { $0.schemaID == id }
    }

    /// The default partition spec (new data is written with it).
    public var defaultSpec: PartitionSpec {
        partitionSpecs.first { $0.specID == defaultSpecID } ?? .unpartitioned
    }

    /// The partition spec with `id`.
    public func spec(id: Int32) -> PartitionSpec? {
        partitionSpecs.first { $0.specID == id }
    }

    /// The snapshot with `id`.
    public func snapshot(id: Int64) -> Snapshot? {
        snapshots.first { $0.snapshotID == id }
    }

    /// The current snapshot of the main branch, nil for an empty table.
    public var currentSnapshot: Snapshot? {
        currentSnapshotID.flatMap { snapshot(id: $0) }
    }

    /// The snapshot at the head of branch or tag `name`.
    public func snapshot(ref name: String) -> Snapshot? {
        if let ref = refs[name] { return snapshot(id: ref.snapshotID) }
        return name == Self.mainBranch ? currentSnapshot : nil
    }

    /// The snapshot that was current at `millis` (the last snapshot-log entry at or before it).
    public func snapshot(asOf millis: Int64) -> Snapshot? {
        let entry = snapshotLog.last { $0.timestampMillis <= millis }
        return entry.flatMap { snapshot(id: $0.snapshotID) }
    }

    /// The ancestors of `snapshotID`, newest first, starting with itself, following parent ids that
    /// are still in the metadata.
    public func ancestors(of snapshotID: Int64?) -> [Snapshot] {
        var out: [Snapshot] = []
        var next = snapshotID
        var seen: Set<Int64> = []
        while let id = next, let found = snapshot(id: id), seen.insert(id).inserted {
            out.append(found)
            next = found.parentSnapshotID
        }
        return out
    }
}
