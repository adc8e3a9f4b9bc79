/// One change of a table's metadata (Iceberg REST `TableUpdate`), applied in order by
/// ``apply(_:to:)`` inside a catalog commit.
public enum TableUpdate: Sendable {
    case assignUUID(String)
    case upgradeFormatVersion(Int)
    case addSchema(IcebergSchema, lastColumnID: Int32?)
    /// `-1` selects the schema added last in the same commit.
    case setCurrentSchema(Int32)
    case addSpec(PartitionSpec)
    case setDefaultSpec(Int32)
    case addSortOrder(SortOrder)
    case setDefaultSortOrder(Int32)
    case addSnapshot(Snapshot)
    case setSnapshotRef(String, SnapshotRef)
    case removeSnapshots([Int64])
    case removeSnapshotRef(String)
    case setLocation(String)
    case setProperties([String: String])
    case removeProperties([String])

    /// `metadata` with `updates` applied in order.
    /// - Throws: ``IcebergError/Code/invalidArgument`` for an update that cannot apply (an unknown
    ///   schema id, a snapshot id used twice, an older sequence number, a downgrade), naming it.
    public static func apply(_ updates: [TableUpdate], to metadata: TableMetadata) throws(IcebergError) -> TableMetadata {
        var m = metadata
        var lastSchema: Int32?, lastSpec: Int32?, lastOrder: Int32?
        for update in updates {
            switch update {
            case .assignUUID(let uuid):
                guard m.tableUUID.lowercased() == uuid.lowercased() || metadata.snapshots.isEmpty && metadata.schemas.count <= 1 else {
                    throw IcebergError(.invalidArgument, "cannot assign uuid \(uuid): the table's uuid is \(m.tableUUID)")
                }
                m.tableUUID = uuid
            case .upgradeFormatVersion(let version):
                guard version >= m.formatVersion else { throw IcebergError(.invalidArgument, "cannot downgrade format version \(m.formatVersion) to \(version)") }
                guard version <= 2 else { throw IcebergError(.unsupported, "format version \(version) is not supported; Lagoa writes Iceberg v2") }
                m.formatVersion = version
            case .addSchema(let schema, let lastColumnID):
                if let same = m.schemas.first(where: { $0.fields == schema.fields && $0.identifierFieldIDs == schema.identifierFieldIDs }) {
                    lastSchema = same.schemaID
                    continue
                }
                let id = (m.schemas.map(\.schemaID).max() ?? -1) + 1
                m.schemas.append(IcebergSchema(schemaID: id, fields: schema.fields, identifierFieldIDs: schema.identifierFieldIDs))
                m.lastColumnID = max(m.lastColumnID, lastColumnID ?? 0, schema.highestFieldID)
                lastSchema = id
            case .setCurrentSchema(let requested):
                let id = requested == -1 ? lastSchema : requested
                guard let id, m.schemas.contains(where: { $0.schemaID == id }) else {
                    throw IcebergError(.invalidArgument, "set-current-schema \(requested): no such schema\(requested == -1 ? " was added in this commit" : "")")
                }
                m.currentSchemaID = id
            case .addSpec(let spec):
                if let same = m.partitionSpecs.first(where: { $0.fields == spec.fields }) {
                    lastSpec = same.specID
                    continue
                }
                let id = (m.partitionSpecs.map(\.specID).max() ?? -1) + 1
                m.partitionSpecs.append(PartitionSpec(specID: id, fields: spec.fields))
                m.lastPartitionID = max(m.lastPartitionID, spec.fields.map(\.fieldID).max() ?? m.lastPartitionID)
                lastSpec = id
            case .setDefaultSpec(let requested):
                let id = requested == -1 ? lastSpec : requested
                guard let id, m.partitionSpecs.contains(where: { $0.specID == id }) else {
                    throw IcebergError(.invalidArgument, "set-default-spec \(requested): no such partition spec")
                }
                m.defaultSpecID = id
            case .addSortOrder(let order):
                if let same = m.sortOrders.first(where: { $0.fields == order.fields }) {
                    lastOrder = same.orderID
                    continue
                }
                let id = order.fields.isEmpty ? 0 : max(1, (m.sortOrders.map(\.orderID).max() ?? 0) + 1)
                m.sortOrders.append(SortOrder(orderID: id, fields: order.fields))
                lastOrder = id
            case .setDefaultSortOrder(let requested):
                let id = requested == -1 ? lastOrder : requested
                guard let id, m.sortOrders.contains(where: { $0.orderID == id }) else {
                    throw IcebergError(.invalidArgument, "set-default-sort-order \(requested): no such sort order")
                }
                m.defaultSortOrderID = id
            case .addSnapshot(let snapshot):
                guard m.snapshot(id: snapshot.snapshotID) == nil else {
                    throw IcebergError(.invalidArgument, "add-snapshot: snapshot \(snapshot.snapshotID) already exists")
                }
                guard m.formatVersion == 1 || snapshot.sequenceNumber > m.lastSequenceNumber else {
                    throw IcebergError(
                        .invalidArgument,
                        "add-snapshot: sequence number \(snapshot.sequenceNumber) is not after the table's last sequence number \(m.lastSequenceNumber)"
                    )
                }
                m.snapshots.append(snapshot)
                m.lastSequenceNumber = max(m.lastSequenceNumber, snapshot.sequenceNumber)
                m.lastUpdatedMillis = max(m.lastUpdatedMillis, snapshot.timestampMillis)
            case .setSnapshotRef(let name, let ref):
                guard m.snapshot(id: ref.snapshotID) != nil else {
                    throw IcebergError(.invalidArgument, "set-snapshot-ref \(name): snapshot \(ref.snapshotID) does not exist")
                }
                if name == TableMetadata.mainBranch && ref.kind != .branch {
                    throw IcebergError(.invalidArgument, "set-snapshot-ref: main must be a branch")
                }
                let previous = m.refs[name]?.snapshotID
                m = m.settingRef(name, to: ref.snapshotID, kind: ref.kind)
                m.refs[name] = ref
                if name == TableMetadata.mainBranch && previous == ref.snapshotID { m.snapshotLog.removeLast() }
            case .removeSnapshots(let ids):
                let removed = Set(ids)
                m.snapshots.removeAll { removed.contains($0.snapshotID) }
                for (name, ref) in m.refs where removed.contains(ref.snapshotID) { m.refs[name] = nil }
                if let current = m.currentSnapshotID, removed.contains(current) { m.currentSnapshotID = nil }
            case .removeSnapshotRef(let name):
                m.refs[name] = nil
                if name == TableMetadata.mainBranch { m.currentSnapshotID = nil }
            case .setLocation(let location):
                m.location = FileIO.normalize(location)
            case .setProperties(let properties):
                for (k, v) in properties { m.properties[k] = v }
            case .removeProperties(let keys):
                for k in keys { m.properties[k] = nil }
            }
        }
        return m
    }
}
