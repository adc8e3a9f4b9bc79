public import LagoaJSON

extension TableMetadata {
    /// Members this type reads and writes itself; anything else is kept in ``extra``.
    private static let known: Set<String> = [
        "format-version", "table-uuid", "location", "last-sequence-number", "last-updated-ms",
        "last-column-id", "schema", "schemas", "current-schema-id", "partition-spec", "partition-specs",
        "default-spec-id", "last-partition-id", "properties", "current-snapshot-id", "snapshots",
        "snapshot-log", "metadata-log", "sort-orders", "default-sort-order-id", "refs",
    ]

    /// The metadata as JSON, in the member order Java's `TableMetadataParser` writes.
    public var json: JSONValue {
        var o = JSONObject()
        o.set("format-version", formatVersion)
        o.set("table-uuid", tableUUID)
        o.set("location", location)
        o.set("last-sequence-number", lastSequenceNumber)
        o.set("last-updated-ms", lastUpdatedMillis)
        o.set("last-column-id", lastColumnID)
        o.set("current-schema-id", currentSchemaID)
        o.set("schemas", .array(schemas.map(\.json)))
        o.set("default-spec-id", defaultSpecID)
        o.set("partition-specs", .array(partitionSpecs.map(\.json)))
        o.set("last-partition-id", lastPartitionID)
        o.set("default-sort-order-id", defaultSortOrderID)
        o.set("sort-orders", .array(sortOrders.map(\.json)))
        o.set("properties", JSONObject.strings(properties))
        o.set("current-snapshot-id", currentSnapshotID ?? -1)
        var refsObject = JSONObject()
        for name in refs.keys.sorted() { refsObject.set(name, refs[name]!.json) }
        o.set("refs", refsObject.json)
        o.set("snapshots", .array(snapshots.map(\.json)))
        o.set("statistics", .array([]))
        o.set("partition-statistics", .array([]))
        o.set("snapshot-log", .array(snapshotLog.map { entry in
            var e = JSONObject()
            e.set("timestamp-ms", entry.timestampMillis)
            e.set("snapshot-id", entry.snapshotID)
            return e.json
        }))
        o.set("metadata-log", .array(metadataLog.map { entry in
            var e = JSONObject()
            e.set("timestamp-ms", entry.timestampMillis)
            e.set("metadata-file", entry.metadataFile)
            return e.json
        }))
        var result = o.json
        if case .object(var keys, var values) = result {
            for (key, value) in extra {
                if let index = keys.firstIndex(of: key) {
                    values[index] = value
                } else {
                    keys.append(key)
                    values.append(value)
                }
            }
            result = .object(keys: keys, values: values)
        }
        return result
    }

    /// The metadata file's bytes.
    public var jsonBytes: [UInt8] { Array(json.text.utf8) }

    /// Parses a metadata file (format versions 1 and 2).
    /// - Parameter file: the file's location, named in every error.
    /// - Throws: ``IcebergError/Code/invalidMetadata`` naming the member that is missing or wrong.
    public init(jsonBytes: [UInt8], file: String) throws(IcebergError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: jsonBytes)
        } catch {
            throw IcebergError(.invalidMetadata, "\(file): not valid JSON (\(error.message)); the metadata file is corrupt")
        }
        let o = try JSONFields(value, file: file)
        let version = Int(try o.int("format-version"))
        guard version == 1 || version == 2 else {
            throw IcebergError(.unsupported, "\(file): format-version \(version) is not supported; Lagoa reads versions 1 and 2")
        }
        var schemas: [IcebergSchema] = []
        for s in try o.objects("schemas", required: false) { schemas.append(try IcebergSchema(s)) }
        if schemas.isEmpty, let single = try o.object("schema") { schemas = [try IcebergSchema(single)] }
        guard !schemas.isEmpty else { throw o.fail("schemas", "is missing") }
        let currentSchemaID = try o.optionalInt32("current-schema-id") ?? schemas[schemas.count - 1].schemaID
        guard schemas.contains(where: { $0.schemaID == currentSchemaID }) else {
            throw o.fail("current-schema-id", "names schema \(currentSchemaID), which is not in 'schemas'")
        }

        var specs: [PartitionSpec] = []
        for s in try o.objects("partition-specs", required: false) { specs.append(try PartitionSpec(s)) }
        if specs.isEmpty, let fields = try o.optionalArray("partition-spec") {
            let wrapper = JSONValue.object(keys: ["spec-id", "fields"], values: [.int(0), .array(fields)])
            specs = [try PartitionSpec(JSONFields(wrapper, path: "partition-spec", file: file))]
        }
        if specs.isEmpty { specs = [.unpartitioned] }
        let defaultSpecID = try o.optionalInt32("default-spec-id") ?? specs[specs.count - 1].specID
        let lastPartitionID = try o.optionalInt32("last-partition-id")
            ?? max(PartitionSpec.firstFieldID - 1, specs.flatMap { $0.fields.map(\.fieldID) }.max() ?? 0)

        var sortOrders: [SortOrder] = []
        for s in try o.objects("sort-orders", required: false) { sortOrders.append(try SortOrder(s)) }
        if sortOrders.isEmpty { sortOrders = [.unsorted] }

        var snapshots: [Snapshot] = []
        for s in try o.objects("snapshots", required: false) { snapshots.append(try Snapshot(s)) }
        var currentSnapshotID = try o.optionalInt("current-snapshot-id")
        if currentSnapshotID == -1 { currentSnapshotID = nil }

        var refs: [String: SnapshotRef] = [:]
        if let refsObject = try o.object("refs") {
            for (name, _) in refsObject.members {
                guard let r = try refsObject.object(name) else { continue }
                refs[name] = try SnapshotRef(r)
            }
        }
        if refs[Self.mainBranch] == nil, let current = currentSnapshotID {
            refs[Self.mainBranch] = SnapshotRef(snapshotID: current, kind: .branch)
        }

        var snapshotLog: [SnapshotLogEntry] = []
        for e in try o.objects("snapshot-log", required: false) {
            snapshotLog.append(SnapshotLogEntry(timestampMillis: try e.int("timestamp-ms"), snapshotID: try e.int("snapshot-id")))
        }
        var metadataLog: [MetadataLogEntry] = []
        for e in try o.objects("metadata-log", required: false) {
            metadataLog.append(MetadataLogEntry(timestampMillis: try e.int("timestamp-ms"), metadataFile: try e.string("metadata-file")))
        }
        let highestID = schemas.map(\.highestFieldID).max() ?? 0
        self.init(
            formatVersion: version,
            tableUUID: try o.optionalString("table-uuid") ?? "",
            location: try o.string("location"),
            lastSequenceNumber: try o.optionalInt("last-sequence-number") ?? 0,
            lastUpdatedMillis: try o.int("last-updated-ms"),
            lastColumnID: try o.optionalInt32("last-column-id") ?? highestID,
            schemas: schemas,
            currentSchemaID: currentSchemaID,
            partitionSpecs: specs,
            defaultSpecID: defaultSpecID,
            lastPartitionID: lastPartitionID,
            properties: try o.stringMap("properties"),
            currentSnapshotID: currentSnapshotID,
            snapshots: snapshots,
            snapshotLog: snapshotLog,
            metadataLog: metadataLog,
            sortOrders: sortOrders,
            defaultSortOrderID: try o.optionalInt32("default-sort-order-id") ?? sortOrders[0].orderID,
            refs: refs,
            extra: o.members.filter { !Self.known.contains($0.0) && $0.0 != "statistics" && $0.0 != "partition-statistics" }
                + o.members.filter { ($0.0 == "statistics" || $0.0 == "partition-statistics") && $0.1 != .array([]) }
        )
        if currentSnapshotID != nil && currentSnapshot == nil {
            throw o.fail("current-snapshot-id", "names snapshot \(currentSnapshotID!), which is not in 'snapshots'")
        }
    }
}

extension PartitionSpec {
    var json: JSONValue {
        var o = JSONObject()
        o.set("spec-id", specID)
        o.set("fields", .array(fields.map { field in
            var f = JSONObject()
            f.set("name", field.name)
            f.set("transform", field.transform.description)
            f.set("source-id", field.sourceID)
            f.set("field-id", field.fieldID)
            return f.json
        }))
        return o.json
    }

    init(_ o: JSONFields) throws(IcebergError) {
        var fields: [Field] = []
        var nextID = PartitionSpec.firstFieldID
        for f in try o.objects("fields") {
            let transform: Transform
            do {
                transform = try Transform(parsing: try f.string("transform"))
            } catch {
                throw f.fail("transform", "is invalid: \(error.message)")
            }
            let id = try f.optionalInt32("field-id") ?? nextID
            nextID = id + 1
            fields.append(Field(sourceID: try f.int32("source-id"), fieldID: id, name: try f.string("name"), transform: transform))
        }
        self.init(specID: try o.optionalInt32("spec-id") ?? 0, fields: fields)
    }

    /// The spec as compact JSON text of its fields (a manifest's `partition-spec` metadata).
    public var fieldsJSONText: String {
        if case .object(_, let values) = json, values.count == 2 { return values[1].text }
        return "[]"
    }
}

extension SortOrder {
    var json: JSONValue {
        var o = JSONObject()
        o.set("order-id", orderID)
        o.set("fields", .array(fields.map { field in
            var f = JSONObject()
            f.set("transform", field.transform.description)
            f.set("source-id", field.sourceID)
            f.set("direction", field.direction.rawValue)
            f.set("null-order", field.nullOrder.rawValue)
            return f.json
        }))
        return o.json
    }

    init(_ o: JSONFields) throws(IcebergError) {
        var fields: [Field] = []
        for f in try o.objects("fields") {
            let transform: Transform
            do {
                transform = try Transform(parsing: try f.string("transform"))
            } catch {
                throw f.fail("transform", "is invalid: \(error.message)")
            }
            guard let direction = Direction(rawValue: try f.string("direction")) else {
                throw f.fail("direction", "must be 'asc' or 'desc'")
            }
            guard let nulls = NullOrder(rawValue: try f.string("null-order")) else {
                throw f.fail("null-order", "must be 'nulls-first' or 'nulls-last'")
            }
            fields.append(Field(sourceID: try f.int32("source-id"), transform: transform, direction: direction, nullOrder: nulls))
        }
        self.init(orderID: try o.int32("order-id"), fields: fields)
    }
}

extension Snapshot {
    var json: JSONValue {
        var o = JSONObject()
        o.set("snapshot-id", snapshotID)
        o.setIfPresent("parent-snapshot-id", parentSnapshotID)
        o.set("sequence-number", sequenceNumber)
        o.set("timestamp-ms", timestampMillis)
        o.setIfPresent("manifest-list", manifestList)
        if let v1Manifests { o.set("manifests", .array(v1Manifests.map { .string($0) })) }
        o.set("summary", JSONObject.strings(summary))
        if let schemaID { o.set("schema-id", schemaID) }
        return o.json
    }

    init(_ o: JSONFields) throws(IcebergError) {
        var manifests: [String]?
        if let items = try o.optionalArray("manifests") {
            manifests = []
            for item in items {
                guard case .string(let s) = item else { throw o.fail("manifests", "must hold strings") }
                manifests!.append(s)
            }
        }
        let list = try o.optionalString("manifest-list")
        guard list != nil || manifests != nil else { throw o.fail("manifest-list", "is missing") }
        self.init(
            snapshotID: try o.int("snapshot-id"),
            parentSnapshotID: try o.optionalInt("parent-snapshot-id"),
            sequenceNumber: try o.optionalInt("sequence-number") ?? 0,
            timestampMillis: try o.int("timestamp-ms"),
            manifestList: list,
            summary: try o.stringMap("summary"),
            schemaID: try o.optionalInt32("schema-id"),
            v1Manifests: manifests
        )
    }
}

extension SnapshotRef {
    var json: JSONValue {
        var o = JSONObject()
        o.set("snapshot-id", snapshotID)
        o.set("type", kind.rawValue)
        if let minSnapshotsToKeep { o.set("min-snapshots-to-keep", minSnapshotsToKeep) }
        o.setIfPresent("max-snapshot-age-ms", maxSnapshotAgeMillis)
        o.setIfPresent("max-ref-age-ms", maxRefAgeMillis)
        return o.json
    }

    init(_ o: JSONFields) throws(IcebergError) {
        guard let kind = Kind(rawValue: try o.string("type")) else {
            throw o.fail("type", "must be 'branch' or 'tag'")
        }
        self.init(
            snapshotID: try o.int("snapshot-id"),
            kind: kind,
            minSnapshotsToKeep: (try o.optionalInt("min-snapshots-to-keep")).map { Int($0) },
            maxSnapshotAgeMillis: try o.optionalInt("max-snapshot-age-ms"),
            maxRefAgeMillis: try o.optionalInt("max-ref-age-ms")
        )
    }
}
