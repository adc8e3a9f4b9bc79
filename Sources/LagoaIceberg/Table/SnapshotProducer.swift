/// Builds one new snapshot on a branch: writes a manifest for the added files, rewrites the
/// manifests whose files are removed, writes the manifest list, and returns the new metadata.
///
/// Used by every write operation (append, overwrite, delete, copy-on-write rewrites). Manifests that
/// lose no file are carried over untouched, so an append costs one manifest and one list however
/// big the table is.
struct SnapshotProducer {
    let table: Table
    var branch: String = TableMetadata.mainBranch
    var operation: String
    var added: [DataFile] = []
    /// Locations of live files this snapshot removes.
    var removed: Set<String> = []
    /// Extra summary properties (e.g. `lagoa.operation-id`).
    var extraSummary: [String: String] = [:]

    init(table: Table, operation: String) {
        self.table = table
        self.operation = operation
    }

    /// The live entries of the branch head, per manifest.
    static func liveEntries(_ table: Table, snapshot: Snapshot?) async throws(IcebergError) -> [(ManifestFile, [ManifestEntry])] {
        guard let snapshot else { return [] }
        var out: [(ManifestFile, [ManifestEntry])] = []
        for manifest in try await manifests(table, snapshot) {
            let bytes = try await table.io.read(manifest.path)
            let entries = try ManifestReader.entries(bytes, manifest: manifest, metadata: table.metadata)
            out.append((manifest, entries.filter { $0.status != .deleted }))
        }
        return out
    }

    /// The manifests of a snapshot.
    static func manifests(_ table: Table, _ snapshot: Snapshot) async throws(IcebergError) -> [ManifestFile] {
        guard let list = snapshot.manifestList else {
            throw IcebergError(.unsupported, "snapshot \(snapshot.snapshotID) of '\(table.identifier)' lists manifests inline (an old v1 layout), which Lagoa does not read")
        }
        return try ManifestReader.manifestList(try await table.io.read(list), path: list)
    }

    /// Writes the snapshot's files and returns the table metadata that includes it.
    func produce() async throws(IcebergError) -> TableMetadata {
        let metadata = table.metadata
        guard metadata.formatVersion == 2 else {
            throw IcebergError(.unsupported, "table '\(table.identifier)' is format version \(metadata.formatVersion); Lagoa writes only to version 2 tables")
        }
        let parent = metadata.snapshot(ref: branch)
        if branch != TableMetadata.mainBranch, let ref = metadata.refs[branch], ref.kind == .tag {
            throw IcebergError(.invalidArgument, "'\(branch)' is a tag of '\(table.identifier)'; tags cannot be written to, use a branch")
        }
        let snapshotID = Identifiers.snapshotID()
        let sequence = metadata.lastSequenceNumber + 1
        let manifestPrefix = "\(metadata.location)/metadata/\(Identifiers.uuid())"
        var manifestCount = 0
        func nextManifestPath() -> String {
            manifestCount += 1
            return "\(manifestPrefix)-m\(manifestCount - 1).avro"
        }

        var list: [ManifestFile] = []
        var stats = SnapshotStats()
        // New files, one manifest per (spec, content).
        let groups = Dictionary(grouping: added) { "\($0.specID)/\($0.content == .data ? 0 : 1)" }
        for key in groups.keys.sorted() {
            let files = groups[key]!
            guard let spec = metadata.spec(id: files[0].specID) else {
                throw IcebergError(.internal, "added file uses unknown spec \(files[0].specID); this is a bug, please report it")
            }
            let entries = files.map { ManifestEntry(status: .added, snapshotID: snapshotID, sequenceNumber: nil, fileSequenceNumber: nil, file: $0) }
            let content: ManifestFile.Content = files[0].content == .data ? .data : .deletes
            let path = nextManifestPath()
            let (bytes, file) = try ManifestWriter.manifest(
                entries: entries, spec: spec, schema: metadata.schema, content: content,
                snapshotID: snapshotID, sequenceNumber: sequence, path: path
            )
            try await table.io.writeNew(path, bytes)
            list.append(file)
            for f in files { stats.add(f, sign: 1) }
        }
        // Existing manifests: carried over, or rewritten when they lose files.
        var found: Set<String> = []
        if let parent {
            for manifest in try await Self.manifests(table, parent) {
                let mightLose = !removed.isEmpty && (manifest.addedFilesCount + manifest.existingFilesCount > 0)
                if !mightLose {
                    if manifest.addedFilesCount + manifest.existingFilesCount > 0 {
                        list.append(manifest)
                    }
                    continue
                }
                let bytes = try await table.io.read(manifest.path)
                let entries = try ManifestReader.entries(bytes, manifest: manifest, metadata: metadata)
                let live = entries.filter { $0.status != .deleted }
                guard live.contains(where: { removed.contains($0.file.filePath) }) else {
                    list.append(manifest)
                    continue
                }
                var rewritten: [ManifestEntry] = []
                for entry in live {
                    if removed.contains(entry.file.filePath) {
                        found.insert(entry.file.filePath)
                        stats.add(entry.file, sign: -1)
                        rewritten.append(ManifestEntry(status: .deleted, snapshotID: snapshotID, sequenceNumber: entry.sequenceNumber, fileSequenceNumber: entry.fileSequenceNumber, file: entry.file))
                    } else {
                        rewritten.append(ManifestEntry(status: .existing, snapshotID: entry.snapshotID, sequenceNumber: entry.sequenceNumber, fileSequenceNumber: entry.fileSequenceNumber, file: entry.file))
                    }
                }
                guard let spec = metadata.spec(id: manifest.specID) else {
                    throw IcebergError(.invalidMetadata, "\(manifest.path): partition spec \(manifest.specID) is not in the table metadata")
                }
                let path = nextManifestPath()
                let (out, file) = try ManifestWriter.manifest(
                    entries: rewritten, spec: spec, schema: metadata.schema, content: manifest.content,
                    snapshotID: snapshotID, sequenceNumber: sequence, path: path
                )
                try await table.io.writeNew(path, out)
                list.append(file)
            }
        }
        if let missing = removed.subtracting(found).first {
            throw IcebergError(.commitConflict, "file \(missing) of '\(table.identifier)' was removed by another writer")
        }

        let listPath = "\(metadata.location)/metadata/snap-\(snapshotID)-1-\(Identifiers.uuid()).avro"
        let listBytes = try ManifestWriter.manifestList(list, snapshotID: snapshotID, parentSnapshotID: parent?.snapshotID, sequenceNumber: sequence, path: listPath)
        try await table.io.writeNew(listPath, listBytes)

        let now = max(Identifiers.nowMillis(), metadata.lastUpdatedMillis + 1)
        var summary = stats.summary(operation: operation, parent: parent)
        for (k, v) in extraSummary { summary[k] = v }
        let snapshot = Snapshot(
            snapshotID: snapshotID,
            parentSnapshotID: parent?.snapshotID,
            sequenceNumber: sequence,
            timestampMillis: now,
            manifestList: listPath,
            summary: summary,
            schemaID: metadata.currentSchemaID
        )
        var next = metadata
        next.snapshots.append(snapshot)
        next.lastSequenceNumber = sequence
        var ref = next.refs[branch] ?? SnapshotRef(snapshotID: snapshotID, kind: .branch)
        ref.snapshotID = snapshotID
        next.refs[branch] = ref
        if branch == TableMetadata.mainBranch {
            next.currentSnapshotID = snapshotID
            next.snapshotLog.append(SnapshotLogEntry(timestampMillis: now, snapshotID: snapshotID))
        }
        return next
    }
}

/// Counters for a snapshot summary (the keys Java and PyIceberg write).
struct SnapshotStats {
    var addedFiles = 0, removedFiles = 0, addedRecords: Int64 = 0, removedRecords: Int64 = 0
    var addedSize: Int64 = 0, removedSize: Int64 = 0
    var addedDeleteFiles = 0, removedDeleteFiles = 0
    var partitions: Set<String> = []

    mutating func add(_ file: DataFile, sign: Int) {
        partitions.insert(file.partition.map { $0?.humanString ?? "null" }.joined(separator: "/"))
        if file.content != .data {
            if sign > 0 { addedDeleteFiles += 1 } else { removedDeleteFiles += 1 }
            return
        }
        if sign > 0 {
            addedFiles += 1
            addedRecords += file.recordCount
            addedSize += file.fileSizeInBytes
        } else {
            removedFiles += 1
            removedRecords += file.recordCount
            removedSize += file.fileSizeInBytes
        }
    }

    func summary(operation: String, parent: Snapshot?) -> [String: String] {
        func total(_ key: String) -> Int64 { Int64(parent?.summary[key] ?? "0") ?? 0 }
        var s: [String: String] = ["operation": operation]
        if addedFiles > 0 {
            s["added-data-files"] = String(addedFiles)
            s["added-records"] = String(addedRecords)
            s["added-files-size"] = String(addedSize)
        }
        if removedFiles > 0 {
            s["deleted-data-files"] = String(removedFiles)
            s["deleted-records"] = String(removedRecords)
            s["removed-files-size"] = String(removedSize)
        }
        if addedDeleteFiles > 0 { s["added-delete-files"] = String(addedDeleteFiles) }
        if removedDeleteFiles > 0 { s["removed-delete-files"] = String(removedDeleteFiles) }
        s["changed-partition-count"] = String(partitions.count)
        s["total-records"] = String(total("total-records") + addedRecords - removedRecords)
        s["total-data-files"] = String(total("total-data-files") + Int64(addedFiles - removedFiles))
        s["total-files-size"] = String(total("total-files-size") + addedSize - removedSize)
        s["total-delete-files"] = String(total("total-delete-files") + Int64(addedDeleteFiles - removedDeleteFiles))
        s["total-position-deletes"] = String(total("total-position-deletes"))
        s["total-equality-deletes"] = String(total("total-equality-deletes"))
        return s
    }
}
