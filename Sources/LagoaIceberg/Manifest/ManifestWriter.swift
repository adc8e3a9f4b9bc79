import LagoaAvro

/// Writes manifests and manifest lists (Avro, spec v2 layout).
enum ManifestWriter {
    /// Encodes a manifest of `entries`, all written with `spec`, and returns its bytes and the
    /// manifest-list row describing it (`length` filled in, `path` as given).
    static func manifest(
        entries: [ManifestEntry],
        spec: PartitionSpec,
        schema: IcebergSchema,
        content: ManifestFile.Content,
        snapshotID: Int64,
        sequenceNumber: Int64,
        path: String
    ) throws(IcebergError) -> (bytes: [UInt8], file: ManifestFile) {
        let partitionType = try spec.partitionType(schema)
        let avroSchema = try ManifestSchemas.manifestEntry(partitionType)
        let metadata = [
            "schema": schema.jsonText,
            "schema-id": String(schema.schemaID),
            "partition-spec": spec.fieldsJSONText,
            "partition-spec-id": String(spec.specID),
            "format-version": "2",
            "content": content == .data ? "data" : "deletes",
        ]
        var counts = (added: Int32(0), existing: Int32(0), deleted: Int32(0))
        var rows = (added: Int64(0), existing: Int64(0), deleted: Int64(0))
        var minSequence = Int64.max
        var summaries = partitionType.fields.map { _ in SummaryBuilder() }
        do {
            var writer = try AvroFileWriter(schema: avroSchema, codec: .deflate(level: nil), metadata: metadata, name: path)
            for entry in entries {
                try writer.append(encode(entry, partitionType))
                switch entry.status {
                case .added:
                    counts.added += 1
                    rows.added += entry.file.recordCount
                case .existing:
                    counts.existing += 1
                    rows.existing += entry.file.recordCount
                case .deleted:
                    counts.deleted += 1
                    rows.deleted += entry.file.recordCount
                }
                if entry.status != .deleted {
                    minSequence = min(minSequence, entry.sequenceNumber ?? sequenceNumber)
                }
                for (k, field) in partitionType.fields.enumerated() where k < entry.file.partition.count {
                    summaries[k].add(entry.file.partition[k], field.type)
                }
            }
            let bytes = try writer.finish()
            let file = ManifestFile(
                path: path,
                length: Int64(bytes.count),
                specID: spec.specID,
                content: content,
                sequenceNumber: sequenceNumber,
                minSequenceNumber: minSequence == .max ? sequenceNumber : minSequence,
                addedSnapshotID: snapshotID,
                addedFilesCount: counts.added,
                existingFilesCount: counts.existing,
                deletedFilesCount: counts.deleted,
                addedRowsCount: rows.added,
                existingRowsCount: rows.existing,
                deletedRowsCount: rows.deleted,
                partitions: summaries.map(\.summary)
            )
            return (bytes, file)
        } catch {
            throw IcebergError(.internal, "\(path): cannot encode manifest: \(error.message); this is a bug, please report it")
        }
    }

    /// Encodes a manifest list.
    static func manifestList(
        _ manifests: [ManifestFile],
        snapshotID: Int64,
        parentSnapshotID: Int64?,
        sequenceNumber: Int64,
        path: String
    ) throws(IcebergError) -> [UInt8] {
        var metadata = [
            "snapshot-id": String(snapshotID),
            "sequence-number": String(sequenceNumber),
            "format-version": "2",
        ]
        metadata["parent-snapshot-id"] = parentSnapshotID.map { String($0) } ?? "null"
        let schema = try ManifestSchemas.manifestFile()
        do {
            var writer = try AvroFileWriter(schema: schema, codec: .deflate(level: nil), metadata: metadata, name: path)
            for m in manifests { try writer.append(encode(m)) }
            return try writer.finish()
        } catch {
            throw IcebergError(.internal, "\(path): cannot encode manifest list: \(error.message); this is a bug, please report it")
        }
    }

    private static func encode(_ entry: ManifestEntry, _ partitionType: StructType) -> AvroValue {
        let f = entry.file
        func intMap(_ map: [Int32: Int64]) -> AvroValue {
            map.isEmpty ? .null : .array(map.keys.sorted().map { .record([.int($0), .long(map[$0]!)]) })
        }
        func bytesMap(_ map: [Int32: [UInt8]]) -> AvroValue {
            map.isEmpty ? .null : .array(map.keys.sorted().map { .record([.int($0), .bytes(map[$0]!)]) })
        }
        let partition: [AvroValue] = partitionType.fields.enumerated().map { k, field in
            (k < f.partition.count ? f.partition[k] : nil)?.avroValue(field.type) ?? .null
        }
        let dataFile: AvroValue = .record([
            .int(f.content.rawValue),
            .string(f.filePath),
            .string(f.fileFormat),
            .record(partition),
            .long(f.recordCount),
            .long(f.fileSizeInBytes),
            intMap(f.columnSizes),
            intMap(f.valueCounts),
            intMap(f.nullValueCounts),
            intMap(f.nanValueCounts),
            bytesMap(f.lowerBounds),
            bytesMap(f.upperBounds),
            f.keyMetadata.map { .bytes($0) } ?? .null,
            f.splitOffsets.map { .array($0.map { .long($0) }) } ?? .null,
            f.equalityIDs.map { .array($0.map { .int($0) }) } ?? .null,
            f.sortOrderID.map { .int($0) } ?? .null,
        ])
        return .record([
            .int(entry.status.rawValue),
            entry.snapshotID.map { .long($0) } ?? .null,
            entry.sequenceNumber.map { .long($0) } ?? .null,
            entry.fileSequenceNumber.map { .long($0) } ?? .null,
            dataFile,
        ])
    }

    private static func encode(_ m: ManifestFile) -> AvroValue {
        .record([
            .string(m.path),
            .long(m.length),
            .int(m.specID),
            .int(m.content.rawValue),
            .long(m.sequenceNumber),
            .long(m.minSequenceNumber),
            .long(m.addedSnapshotID),
            .int(m.addedFilesCount),
            .int(m.existingFilesCount),
            .int(m.deletedFilesCount),
            .long(m.addedRowsCount),
            .long(m.existingRowsCount),
            .long(m.deletedRowsCount),
            m.partitions.map { list in
                .array(list.map { s in
                    .record([
                        .boolean(s.containsNull),
                        s.containsNaN.map { .boolean($0) } ?? .null,
                        s.lowerBound.map { .bytes($0) } ?? .null,
                        s.upperBound.map { .bytes($0) } ?? .null,
                    ])
                })
            } ?? .null,
            m.keyMetadata.map { .bytes($0) } ?? .null,
        ])
    }
}

/// Accumulates one partition field's summary over a manifest's entries.
private struct SummaryBuilder {
    var containsNull = false
    var containsNaN = false
    var lower: IcebergValue?
    var upper: IcebergValue?
    var type: IcebergType?

    mutating func add(_ value: IcebergValue?, _ type: IcebergType) {
        self.type = type
        guard let value else {
            containsNull = true
            return
        }
        if case .double(let d) = value, d.isNaN { containsNaN = true; return }
        if case .float(let f) = value, f.isNaN { containsNaN = true; return }
        if lower.map({ (value.compare(to: $0) ?? 0) < 0 }) ?? true { lower = value }
        if upper.map({ (value.compare(to: $0) ?? 0) > 0 }) ?? true { upper = value }
    }

    var summary: ManifestFile.FieldSummary {
        let floating = type == .float || type == .double
        return ManifestFile.FieldSummary(
            containsNull: containsNull,
            containsNaN: floating ? containsNaN : nil,
            lowerBound: lower?.binary,
            upperBound: upper?.binary
        )
    }
}
