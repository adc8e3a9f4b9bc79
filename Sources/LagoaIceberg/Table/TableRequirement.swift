/// A precondition of a table commit (Iceberg REST `TableRequirement`): the commit applies only if
/// the table still looks as the writer saw it.
public enum TableRequirement: Sendable, Equatable {
    /// The table must not exist yet.
    case assertCreate
    case assertTableUUID(String)
    /// The ref points at this snapshot; `nil` means the ref must not exist.
    case assertRefSnapshotID(ref: String, snapshotID: Int64?)
    case assertLastAssignedFieldID(Int32)
    case assertCurrentSchemaID(Int32)
    case assertLastAssignedPartitionID(Int32)
    case assertDefaultSpecID(Int32)
    case assertDefaultSortOrderID(Int32)

    /// Checks the table's current metadata (`nil` when it does not exist).
    /// - Throws: ``IcebergError/Code/commitConflict`` naming what was expected and what the table has.
    public func check(_ metadata: TableMetadata?) throws(IcebergError) {
        guard let m = metadata else {
            if self == .assertCreate { return }
            throw IcebergError(.commitConflict, "requirement \(self) failed: the table does not exist")
        }
        func fail(_ found: String) -> IcebergError {
            IcebergError(.commitConflict, "requirement \(self) failed: the table has \(found); reload the table and retry")
        }
        switch self {
        case .assertCreate:
            throw IcebergError(.commitConflict, "requirement assert-create failed: the table already exists")
        case .assertTableUUID(let uuid):
            if m.tableUUID.lowercased() != uuid.lowercased() { throw fail("uuid \(m.tableUUID)") }
        case .assertRefSnapshotID(let ref, let id):
            let found = m.refs[ref]?.snapshotID
            if found != id { throw fail(found.map { "\(ref) at snapshot \($0)" } ?? "no ref \(ref)") }
        case .assertLastAssignedFieldID(let id):
            if m.lastColumnID != id { throw fail("last-column-id \(m.lastColumnID)") }
        case .assertCurrentSchemaID(let id):
            if m.currentSchemaID != id { throw fail("current-schema-id \(m.currentSchemaID)") }
        case .assertLastAssignedPartitionID(let id):
            if m.lastPartitionID != id { throw fail("last-partition-id \(m.lastPartitionID)") }
        case .assertDefaultSpecID(let id):
            if m.defaultSpecID != id { throw fail("default-spec-id \(m.defaultSpecID)") }
        case .assertDefaultSortOrderID(let id):
            if m.defaultSortOrderID != id { throw fail("default-sort-order-id \(m.defaultSortOrderID)") }
        }
    }
}

extension TableRequirement: CustomStringConvertible {
    /// The requirement as the REST spec names it, e.g. `assert-ref-snapshot-id(main, 3)`.
    public var description: String {
        switch self {
        case .assertCreate: "assert-create"
        case .assertTableUUID(let uuid): "assert-table-uuid(\(uuid))"
        case .assertRefSnapshotID(let ref, let id): "assert-ref-snapshot-id(\(ref), \(id.map(String.init) ?? "none"))"
        case .assertLastAssignedFieldID(let id): "assert-last-assigned-field-id(\(id))"
        case .assertCurrentSchemaID(let id): "assert-current-schema-id(\(id))"
        case .assertLastAssignedPartitionID(let id): "assert-last-assigned-partition-id(\(id))"
        case .assertDefaultSpecID(let id): "assert-default-spec-id(\(id))"
        case .assertDefaultSortOrderID(let id): "assert-default-sort-order-id(\(id))"
        }
    }
}
