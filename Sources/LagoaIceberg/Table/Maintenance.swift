import LagoaObjectStore

/// Table maintenance: expiring snapshots, removing orphan files, purging dropped tables.
enum Maintenance {
    /// Every file a set of snapshots reaches: manifest lists, manifests, data and delete files.
    static func reachableFiles(_ table: Table, snapshots: [Snapshot], includeDeleted: Bool = false) async throws(IcebergError) -> Set<String> {
        var out: Set<String> = []
        var seenManifests: Set<String> = []
        for snapshot in snapshots {
            guard let list = snapshot.manifestList else { continue }
            out.insert(FileIO.normalize(list))
            for manifest in try await SnapshotProducer.manifests(table, snapshot) where seenManifests.insert(manifest.path).inserted {
                out.insert(FileIO.normalize(manifest.path))
                let bytes = try await table.io.read(manifest.path)
                for entry in try ManifestReader.entries(bytes, manifest: manifest, metadata: table.metadata) where includeDeleted || entry.status != .deleted {
                    out.insert(FileIO.normalize(entry.file.filePath))
                }
            }
        }
        return out
    }

    /// Deletes every file of a dropped table that its metadata knows of.
    static func purge(_ table: Table) async throws(IcebergError) {
        let files = try await reachableFiles(table, snapshots: table.metadata.snapshots, includeDeleted: true)
        for location in files { try? await table.io.delete(location) }
        for entry in table.metadata.metadataLog { try? await table.io.delete(entry.metadataFile) }
        try? await table.io.delete(table.metadataLocation)
    }
}

/// What ``Table/expireSnapshots(olderThan:retainLast:)`` removed.
public struct ExpireResult: Sendable {
    public var expiredSnapshots: [Int64]
    public var deletedFiles: [String]
}

/// What ``Table/removeOrphanFiles(olderThan:dryRun:)`` found.
public struct OrphanResult: Sendable {
    public var orphans: [String]
    public var deleted: Bool
}

extension Table {
    /// Removes snapshots older than `olderThan` (milliseconds since the epoch), keeping at least the
    /// newest `retainLast` ancestors of `main`, every branch and tag head, and deletes the files only
    /// the expired snapshots reached.
    public func expireSnapshots(olderThan: Int64, retainLast: Int = 1) async throws(IcebergError) -> (Table, ExpireResult) {
        var expired: [Snapshot] = []
        let committed = try await catalog.commit(identifier) { base throws(IcebergError) in
            let m = base.metadata
            var keep = Set(m.refs.values.map(\.snapshotID))
            for s in m.ancestors(of: m.currentSnapshotID).prefix(max(retainLast, 1)) { keep.insert(s.snapshotID) }
            for (name, ref) in m.refs where ref.kind == .branch {
                let minimum = ref.minSnapshotsToKeep ?? (name == TableMetadata.mainBranch ? max(retainLast, 1) : 1)
                for s in m.ancestors(of: ref.snapshotID).prefix(minimum) { keep.insert(s.snapshotID) }
            }
            expired = m.snapshots.filter { !keep.contains($0.snapshotID) && $0.timestampMillis < olderThan }
            guard !expired.isEmpty else { return nil }
            let gone = Set(expired.map(\.snapshotID))
            var next = m
            next.snapshots.removeAll { gone.contains($0.snapshotID) }
            next.snapshotLog.removeAll { gone.contains($0.snapshotID) }
            return next
        }
        guard !expired.isEmpty else { return (committed, ExpireResult(expiredSnapshots: [], deletedFiles: [])) }
        let before = try await Maintenance.reachableFiles(self, snapshots: expired)
        let still = try await Maintenance.reachableFiles(committed, snapshots: committed.metadata.snapshots)
        let deletable = before.subtracting(still).sorted()
        for location in deletable { try? await io.delete(location) }
        return (committed, ExpireResult(expiredSnapshots: expired.map(\.snapshotID), deletedFiles: deletable))
    }

    /// Files under the table's `data/` and `metadata/` folders that no snapshot, metadata file or log references and that
    /// are older than `olderThan` (so files of commits in flight are left alone): leftovers of failed
    /// or killed writers. Deletes them unless `dryRun`.
    public func removeOrphanFiles(olderThan: Int64, dryRun: Bool = false) async throws(IcebergError) -> OrphanResult {
        var referenced = try await Maintenance.reachableFiles(self, snapshots: metadata.snapshots)
        referenced.insert(FileIO.normalize(metadataLocation))
        for entry in metadata.metadataLog { referenced.insert(FileIO.normalize(entry.metadataFile)) }
        var orphans: [String] = []
        // Only the folders Iceberg writers use: a nested table (sales.sor.orders.x lives in
        // …/orders/x) or anything else stored under the table's folder is never touched.
        for folder in ["data", "metadata"] {
            let listed: [(location: String, meta: ObjectMeta)]
            do {
                listed = try await io.list(location + "/" + folder)
            } catch where error.code == .notFound {
                continue
            }
            for (location, meta) in listed {
                guard !referenced.contains(FileIO.normalize(location)) else { continue }
                guard (meta.lastModifiedMillis ?? 0) < olderThan else { continue }
                orphans.append(location)
            }
        }
        if !dryRun {
            for location in orphans { try? await io.delete(location) }
        }
        return OrphanResult(orphans: orphans.sorted(), deleted: !dryRun)
    }
}
