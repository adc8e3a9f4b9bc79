public import LagoaColumnar
import LagoaParquet

/// A read of one version of a table: which columns, which rows, which snapshot.
///
/// ``planFiles()`` prunes manifests by their partition summaries, then files by partition values
/// and column statistics, and pairs each data file with the delete files that apply to it.
/// ``batches()`` reads the planned files with projection, applies position and equality deletes
/// (merge-on-read, as other engines write them) and the row filter.
public struct TableScan: Sendable {
    public let table: Table
    public let snapshot: Snapshot?
    /// The schema rows are read with: the snapshot's schema when time travelling, else the current one.
    public let readSchema: IcebergSchema
    public let columns: [String]?
    public let filter: IcebergExpression

    public init(table: Table, selector: SnapshotSelector = .current, columns: [String]? = nil, filter: IcebergExpression = .alwaysTrue) throws(IcebergError) {
        self.table = table
        let snapshot = try table.snapshot(selector)
        self.snapshot = snapshot
        if selector != .current, let schemaID = snapshot?.schemaID, let schema = table.metadata.schema(id: schemaID) {
            self.readSchema = schema
        } else {
            self.readSchema = table.metadata.schema
        }
        self.columns = columns
        self.filter = filter
        if let columns {
            for name in columns where readSchema.field(named: name) == nil {
                throw IcebergError(
                    .invalidArgument,
                    "table '\(table.identifier)' has no column '\(name)' (columns: \(readSchema.fields.map(\.name).joined(separator: ", ")))"
                )
            }
        }
        _ = try filter.bind(readSchema)
    }

    /// The schema of the rows returned.
    public var schema: Schema {
        let fields = columns.map { names in names.compactMap { readSchema.field(named: $0) } } ?? readSchema.fields
        return Schema(fields.map(\.arrowField))
    }

    /// The data files to read, with their applicable delete files.
    public func planFiles() async throws(IcebergError) -> [FileScanTask] {
        guard let snapshot else { return [] }
        let metadata = table.metadata
        let bound = try filter.bind(readSchema)
        let metrics = MetricsEvaluator(bound)
        var evaluators: [Int32: PartitionEvaluator] = [:]
        func evaluator(_ specID: Int32) throws(IcebergError) -> PartitionEvaluator? {
            if let found = evaluators[specID] { return found }
            guard let spec = metadata.spec(id: specID) else { return nil }
            let made = try PartitionEvaluator(bound, spec: spec, schema: readSchema)
            evaluators[specID] = made
            return made
        }
        var dataEntries: [ManifestEntry] = []
        var deleteEntries: [ManifestEntry] = []
        for manifest in try await SnapshotProducer.manifests(table, snapshot) {
            if let summaries = manifest.partitions, let e = try? evaluator(manifest.specID), !e.mightMatch(summaries) {
                continue
            }
            let bytes = try await table.io.read(manifest.path)
            for entry in try ManifestReader.entries(bytes, manifest: manifest, metadata: metadata) where entry.status != .deleted {
                if entry.file.content == .data {
                    if let e = try? evaluator(entry.file.specID), !e.mightMatch(entry.file.partition) { continue }
                    if !metrics.mightMatch(entry.file) { continue }
                    dataEntries.append(entry)
                } else {
                    deleteEntries.append(entry)
                }
            }
        }
        let index = DeleteIndex(deleteEntries)
        return dataEntries.map { entry in
            let sequence = entry.sequenceNumber ?? 0
            return FileScanTask(file: entry.file, dataSequenceNumber: sequence, deletes: index.applicable(to: entry.file, sequence: sequence))
        }
    }

    /// Every matching row, batch by batch.
    public func batches() -> AsyncThrowingStream<RecordBatch, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let reader = try ScanReader(scan: self)
                    for task in try await planFiles() {
                        try Task.checkCancellation()
                        for batch in try await reader.read(task) where batch.rowCount > 0 {
                            continuation.yield(batch)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Every matching row in memory.
    public func readAll() async throws -> [RecordBatch] {
        var out: [RecordBatch] = []
        for try await batch in batches() { out.append(batch) }
        return out
    }
}

/// One data file to read and the delete files that apply to it.
public struct FileScanTask: Sendable {
    public var file: DataFile
    public var dataSequenceNumber: Int64
    public var deletes: [DataFile]
}

/// The delete files of a snapshot and the rule for which data files each applies to (spec "Scan
/// Planning"): position deletes to files with a data sequence number at or below theirs (in the
/// same partition), equality deletes to files with a lower one.
struct DeleteIndex {
    let entries: [ManifestEntry]

    init(_ entries: [ManifestEntry]) {
        self.entries = entries
    }

    func applicable(to file: DataFile, sequence: Int64) -> [DataFile] {
        entries.filter { d in
            let ds = d.sequenceNumber ?? 0
            switch d.file.content {
            case .positionDeletes:
                return ds >= sequence && (d.file.specID != file.specID || d.file.partition == file.partition || d.file.partition.isEmpty)
            case .equalityDeletes: return ds > sequence
            case .data: return false
            }
        }.map(\.file)
    }
}
