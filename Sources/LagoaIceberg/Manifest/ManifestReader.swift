import LagoaAvro

/// Reads manifests and manifest lists written by any engine (spec v1 and v2 layouts).
enum ManifestReader {
    /// The rows of a manifest list.
    static func manifestList(_ bytes: [UInt8], path: String) throws(IcebergError) -> [ManifestFile] {
        let (reader, records) = try open(bytes, path, what: "manifest list")
        var out: [ManifestFile] = []
        for record in records {
            let r = try AvroRecordView(record, reader.writerSchema, file: path, what: "manifest list entry")
            func count(_ v2: String, _ v1: String) -> Int32 {
                Int32(truncatingIfNeeded: r.optionalLong(v2) ?? r.optionalLong(v1) ?? 0)
            }
            var partitions: [ManifestFile.FieldSummary]?
            if case .array(let items) = r.value("partitions") {
                partitions = []
                for item in items {
                    guard case .record(let s) = item, s.count >= 1 else { continue }
                    let summaryType = r.type("partitions").flatMap { t -> AvroSchema? in
                        if case .array(let element, _) = t { return AvroRecordView.unwrap(element) }
                        return nil
                    }
                    let view = try AvroRecordView(item, summaryType ?? .null, file: path, what: "partition summary")
                    partitions!.append(ManifestFile.FieldSummary(
                        containsNull: view.value("contains_null") == .boolean(true),
                        containsNaN: view.value("contains_nan").flatMap { if case .boolean(let b) = $0 { b } else { nil } },
                        lowerBound: view.value("lower_bound")?.bytesValue,
                        upperBound: view.value("upper_bound")?.bytesValue
                    ))
                }
            }
            let sequence = r.optionalLong("sequence_number") ?? 0
            out.append(ManifestFile(
                path: try r.string("manifest_path"),
                length: try r.long("manifest_length"),
                specID: Int32(truncatingIfNeeded: try r.long("partition_spec_id")),
                content: r.optionalLong("content") == 1 ? .deletes : .data,
                sequenceNumber: sequence,
                minSequenceNumber: r.optionalLong("min_sequence_number") ?? sequence,
                addedSnapshotID: r.optionalLong("added_snapshot_id") ?? 0,
                addedFilesCount: count("added_files_count", "added_data_files_count"),
                existingFilesCount: count("existing_files_count", "existing_data_files_count"),
                deletedFilesCount: count("deleted_files_count", "deleted_data_files_count"),
                addedRowsCount: r.optionalLong("added_rows_count") ?? 0,
                existingRowsCount: r.optionalLong("existing_rows_count") ?? 0,
                deletedRowsCount: r.optionalLong("deleted_rows_count") ?? 0,
                partitions: partitions,
                keyMetadata: r.value("key_metadata")?.bytesValue
            ))
        }
        return out
    }

    /// The entries of a manifest, with sequence numbers and snapshot ids inherited from `manifest`
    /// where the entry leaves them null (spec "Sequence Number Inheritance").
    static func entries(
        _ bytes: [UInt8],
        manifest: ManifestFile,
        metadata: TableMetadata
    ) throws(IcebergError) -> [ManifestEntry] {
        let path = manifest.path
        let (reader, records) = try open(bytes, path, what: "manifest")
        guard let spec = metadata.spec(id: manifest.specID) else {
            throw IcebergError(.invalidMetadata, "\(path): partition spec \(manifest.specID) is not in the table metadata")
        }
        let schema = reader.metadataString("schema").flatMap { try? IcebergSchema(jsonText: $0, file: path) } ?? metadata.schema
        let partitionTypes: [IcebergType]
        do {
            partitionTypes = try spec.partitionType(schema).fields.map(\.type)
        } catch {
            partitionTypes = try spec.partitionType(metadata.schema).fields.map(\.type)
        }
        var out: [ManifestEntry] = []
        out.reserveCapacity(records.count)
        for record in records {
            let r = try AvroRecordView(record, reader.writerSchema, file: path, what: "manifest entry")
            let d = try r.record("data_file")
            guard let status = ManifestEntry.Status(rawValue: Int32(truncatingIfNeeded: try r.long("status"))) else {
                throw IcebergError(.invalidMetadata, "\(path): manifest entry has an unknown status")
            }
            var partition: PartitionTuple = []
            if let p = try? d.record("partition") {
                for (k, type) in partitionTypes.enumerated() {
                    let value = k < spec.fields.count ? p.value(spec.fields[k].name) ?? (k < p.values.count ? p.values[k] : .null) : .null
                    partition.append(IcebergValue(avro: value, type: type))
                }
            } else {
                partition = partitionTypes.map { _ in nil }
            }
            func longs(_ name: String) -> [Int32: Int64] { d.intMap(name).compactMapValues(\.longValue) }
            func bytes(_ name: String) -> [Int32: [UInt8]] { d.intMap(name).compactMapValues(\.bytesValue) }
            let contentCode = Int32(truncatingIfNeeded: d.optionalLong("content") ?? 0)
            let file = DataFile(
                content: DataFile.Content(rawValue: contentCode) ?? .data,
                filePath: try d.string("file_path"),
                fileFormat: (try? d.string("file_format")) ?? "PARQUET",
                specID: manifest.specID,
                partition: partition,
                recordCount: try d.long("record_count"),
                fileSizeInBytes: try d.long("file_size_in_bytes"),
                columnSizes: longs("column_sizes"),
                valueCounts: longs("value_counts"),
                nullValueCounts: longs("null_value_counts"),
                nanValueCounts: longs("nan_value_counts"),
                lowerBounds: bytes("lower_bounds"),
                upperBounds: bytes("upper_bounds"),
                keyMetadata: d.value("key_metadata")?.bytesValue,
                splitOffsets: d.longArray("split_offsets"),
                equalityIDs: d.longArray("equality_ids").map { $0.map { Int32(truncatingIfNeeded: $0) } },
                sortOrderID: d.optionalLong("sort_order_id").map { Int32(truncatingIfNeeded: $0) }
            )
            // Inheritance: null (or, in v1, absent) sequence numbers of added files come from the manifest.
            var sequence = r.optionalLong("sequence_number")
            var fileSequence = r.optionalLong("file_sequence_number")
            if status == .added || metadata.formatVersion == 1 {
                sequence = sequence ?? manifest.sequenceNumber
                fileSequence = fileSequence ?? manifest.sequenceNumber
            }
            out.append(ManifestEntry(
                status: status,
                snapshotID: r.optionalLong("snapshot_id") ?? manifest.addedSnapshotID,
                sequenceNumber: sequence ?? manifest.sequenceNumber,
                fileSequenceNumber: fileSequence,
                file: file
            ))
        }
        return out
    }

    private static func open(_ bytes: [UInt8], _ path: String, what: String) throws(IcebergError) -> (AvroFileReader, [AvroValue]) {
        do {
            let reader = try AvroFileReader(bytes: bytes, name: path)
            return (reader, try reader.records())
        } catch {
            throw IcebergError(.invalidMetadata, "\(what) \(error.message)", cause: error)
        }
    }
}
