public import LagoaJSON

extension TableRequirement {
    /// Parses a REST `TableRequirement` (`{"type": "assert-ref-snapshot-id", "ref": "main", …}`).
    /// - Throws: ``IcebergError/Code/invalidArgument`` naming the member at `path`.
    public init(json: JSONValue, path: String) throws(IcebergError) {
        let o = try JSONFields(json, path: path, file: "request")
        switch try o.string("type") {
        case "assert-create": self = .assertCreate
        case "assert-table-uuid": self = .assertTableUUID(try o.string("uuid"))
        case "assert-ref-snapshot-id": self = .assertRefSnapshotID(ref: try o.string("ref"), snapshotID: try o.optionalInt("snapshot-id"))
        case "assert-last-assigned-field-id": self = .assertLastAssignedFieldID(try o.int32("last-assigned-field-id"))
        case "assert-current-schema-id": self = .assertCurrentSchemaID(try o.int32("current-schema-id"))
        case "assert-last-assigned-partition-id": self = .assertLastAssignedPartitionID(try o.int32("last-assigned-partition-id"))
        case "assert-default-spec-id": self = .assertDefaultSpecID(try o.int32("default-spec-id"))
        case "assert-default-sort-order-id": self = .assertDefaultSortOrderID(try o.int32("default-sort-order-id"))
        case let other: throw IcebergError(.invalidArgument, "request: \(path).type '\(other)' is not a known requirement")
        }
    }
}

extension TableUpdate {
    /// Parses a REST `TableUpdate` (`{"action": "add-snapshot", "snapshot": {…}}`).
    /// - Throws: ``IcebergError/Code/invalidArgument`` (unknown action) or
    ///   ``IcebergError/Code/invalidMetadata`` naming the member at `path`.
    public init(json: JSONValue, path: String) throws(IcebergError) {
        let o = try JSONFields(json, path: path, file: "request")
        func child(_ key: String) throws(IcebergError) -> JSONFields {
            guard let found = try o.object(key) else { throw o.fail(key, "is missing") }
            return found
        }
        func strings(_ key: String) throws(IcebergError) -> [String] {
            guard let items = try o.optionalArray(key) else { throw o.fail(key, "is missing") }
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw o.fail(key, "must hold strings") }
                out.append(s)
            }
            return out
        }
        switch try o.string("action") {
        case "assign-uuid": self = .assignUUID(try o.string("uuid"))
        case "upgrade-format-version": self = .upgradeFormatVersion(Int(try o.int("format-version")))
        case "add-schema": self = .addSchema(try IcebergSchema(try child("schema")), lastColumnID: try o.optionalInt32("last-column-id"))
        case "set-current-schema": self = .setCurrentSchema(try o.int32("schema-id"))
        case "add-spec": self = .addSpec(try PartitionSpec(try child("spec")))
        case "set-default-spec": self = .setDefaultSpec(try o.int32("spec-id"))
        case "add-sort-order": self = .addSortOrder(try SortOrder(try child("sort-order")))
        case "set-default-sort-order": self = .setDefaultSortOrder(try o.int32("sort-order-id"))
        case "add-snapshot": self = .addSnapshot(try Snapshot(try child("snapshot")))
        case "set-snapshot-ref": self = .setSnapshotRef(try o.string("ref-name"), try SnapshotRef(o))
        case "remove-snapshots":
            guard let items = try o.optionalArray("snapshot-ids") else { throw o.fail("snapshot-ids", "is missing") }
            var ids: [Int64] = []
            for item in items {
                guard case .int(let id) = item else { throw o.fail("snapshot-ids", "must hold integers") }
                ids.append(id)
            }
            self = .removeSnapshots(ids)
        case "remove-snapshot-ref": self = .removeSnapshotRef(try o.string("ref-name"))
        case "set-location": self = .setLocation(try o.string("location"))
        case "set-properties": self = .setProperties(try o.stringMap("updates"))
        case "remove-properties": self = .removeProperties(try strings("removals"))
        case let other:
            throw IcebergError(.unsupported, "request: \(path).action '\(other)' is not supported by this catalog")
        }
    }
}
