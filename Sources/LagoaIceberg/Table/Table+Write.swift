public import LagoaColumnar

extension Table {
    /// Writes `batches` as new data files and commits them in one `append` snapshot (fast append:
    /// one new manifest; existing manifests are reused).
    /// - Parameter branch: the branch to commit to (`main` unless writing to a staging branch).
    /// - Returns: the table after the commit.
    public func append<S: AsyncSequence & Sendable>(_ batches: S, branch: String = TableMetadata.mainBranch) async throws(IcebergError) -> Table
    where S.Element == RecordBatch {
        let files = try await writeDataFiles(batches)
        return try await append(files: files, branch: branch)
    }

    /// Commits already written data files in one `append` snapshot.
    public func append(files: [DataFile], branch: String = TableMetadata.mainBranch) async throws(IcebergError) -> Table {
        guard !files.isEmpty else { return self }
        return try await catalog.commit(identifier) { base throws(IcebergError) in
            var producer = SnapshotProducer(table: base, operation: "append")
            producer.branch = branch
            producer.added = files
            return try await producer.produce()
        }
    }

    /// Replaces whole partitions: every file of the partitions given by identity values
    /// (`["ingestion_date": "2026-11-20"]`) is removed and `batches` are added, in one `overwrite`
    /// snapshot. Rows outside those partitions are refused. Re-running it is idempotent.
    ///
    /// - Throws: ``IcebergError/Code/validation`` for rows outside the partition,
    ///   ``IcebergError/Code/commitConflict`` when another writer changed the same partition
    ///   concurrently (a concurrent append to *other* partitions is merged by retrying).
    /// - Parameter summary: extra snapshot summary properties committed with the data (e.g. an
    ///   ingestion cursor), so state and data can never disagree; called once every batch is
    ///   written, just before the commit.
    public func overwrite<S: AsyncSequence & Sendable>(
        _ batches: S,
        partition values: [String: String],
        branch: String = TableMetadata.mainBranch,
        summary: @escaping @Sendable () -> [String: String] = { [:] }
    ) async throws(IcebergError) -> Table where S.Element == RecordBatch {
        let filter = try partitionFilter(values)
        return try await overwrite(batches, filter: filter, branch: branch, requireFilterMatch: true, summary: summary)
    }

    /// Replaces the rows matching `filter` with `batches` in one `overwrite` snapshot (copy-on-write:
    /// files that only partly match are rewritten without the matching rows).
    /// - Parameter requireFilterMatch: refuse new rows that do not match `filter` themselves.
    public func overwrite<S: AsyncSequence & Sendable>(
        _ batches: S,
        filter: IcebergExpression,
        branch: String = TableMetadata.mainBranch,
        requireFilterMatch: Bool = true,
        summary: @escaping @Sendable () -> [String: String] = { [:] }
    ) async throws(IcebergError) -> Table where S.Element == RecordBatch {
        let bound = try filter.bind(schema)
        let check: RowFilter? = requireFilterMatch && bound != .alwaysTrue ? RowFilter(bound) : nil
        let files = try await writeDataFiles(batches) { batch throws(IcebergError) in
            guard let check else { return }
            let matches = try check.matches(batch)
            if let row = matches.firstIndex(of: false) {
                throw IcebergError(
                    .validation,
                    "row \(row + 1) of the new data is outside the replaced range (\(filter)): \(batch.row(row).map(\.description).joined(separator: ", "))"
                )
            }
        }
        return try await replace(filter: filter, adding: files, operation: "overwrite", branch: branch, summary: summary())
    }

    /// Deletes the rows matching `filter` (copy-on-write) in one `delete` (or `overwrite`, when files
    /// had to be rewritten) snapshot.
    public func delete(filter: IcebergExpression, branch: String = TableMetadata.mainBranch) async throws(IcebergError) -> Table {
        try await replace(filter: filter, adding: [], operation: "delete", branch: branch)
    }

    /// Writes batches into new data files of this table (nothing is committed).
    func writeDataFiles<S: AsyncSequence & Sendable>(
        _ batches: S,
        check: ((RecordBatch) throws(IcebergError) -> Void)? = nil
    ) async throws(IcebergError) -> [DataFile] where S.Element == RecordBatch {
        let writer = try DataFileWriter(io: io, metadata: metadata, operationID: Identifiers.uuid())
        do {
            for try await batch in batches {
                try Task.checkCancellation()
                let conformed = try BatchConformer.conform(batch, to: schema)
                if let check { try check(conformed) }
                try await writer.write(conformed)
            }
            return try await writer.finish()
        } catch {
            await writer.abort()
            if let iceberg = error as? IcebergError { throw iceberg }
            throw IcebergError.wrap(error, "reading the rows to write")
        }
    }

    /// Removes the rows matching `filter` and adds `files`, retrying on concurrent commits unless
    /// one of them touched the same files.
    private func replace(
        filter: IcebergExpression,
        adding files: [DataFile],
        operation: String,
        branch: String,
        summary: [String: String] = [:]
    ) async throws(IcebergError) -> Table {
        var firstMatched: Set<String>?
        var rewrites: [String: [DataFile]] = [:]
        let start = metadata.snapshot(ref: branch)?.snapshotID
        do {
            return try await catalog.commit(identifier) { base throws(IcebergError) in
                let plan = try await base.planReplacement(filter, branch: branch, reuse: rewrites)
                if let firstMatched, firstMatched != plan.matched {
                    throw IcebergError(
                        .commitConflict,
                        "another writer changed the rows of '\(identifier)' matching \(filter) since snapshot \(start.map(String.init) ?? "none") while this \(operation) ran; nothing was committed, run it again"
                    )
                }
                firstMatched = plan.matched
                rewrites = plan.rewrites
                if plan.removed.isEmpty && files.isEmpty && summary.isEmpty { return nil }
                let kind = files.isEmpty && plan.rewrites.isEmpty ? "delete" : "overwrite"
                var producer = SnapshotProducer(table: base, operation: kind)
                producer.branch = branch
                producer.removed = plan.removed
                producer.added = files + plan.rewrites.values.flatMap { $0 }
                producer.extraSummary = summary
                return try await producer.produce()
            }
        } catch {
            for file in files + rewrites.values.flatMap({ $0 }) { try? await io.delete(file.filePath) }
            throw error
        }
    }

    /// Which files a filter removes, and the rewritten remainders of files it only partly covers.
    private func planReplacement(
        _ filter: IcebergExpression,
        branch: String,
        reuse: [String: [DataFile]]
    ) async throws(IcebergError) -> (matched: Set<String>, removed: Set<String>, rewrites: [String: [DataFile]]) {
        let bound = try filter.bind(schema)
        let metrics = MetricsEvaluator(bound)
        var matched: Set<String> = []
        var removed: Set<String> = []
        var rewrites: [String: [DataFile]] = [:]
        let manifests = try await SnapshotProducer.liveEntries(self, snapshot: metadata.snapshot(ref: branch))
        let deletes = DeleteIndex(manifests.flatMap { $0.1 }.filter { $0.file.content != .data })
        for (_, entries) in manifests {
            for entry in entries where entry.file.content == .data {
                let file = entry.file
                var partitions: PartitionEvaluator?
                if let spec = metadata.spec(id: file.specID) {
                    partitions = try PartitionEvaluator(bound, spec: spec, schema: schema)
                }
                if let partitions, !partitions.mightMatch(file.partition) { continue }
                if !metrics.mightMatch(file) { continue }
                if partitions?.allMatch(file.partition) == true || metrics.allMatch(file) {
                    matched.insert(file.filePath)
                    removed.insert(file.filePath)
                    continue
                }
                // Partly matching: keep the other rows in a new file.
                if let done = reuse[file.filePath] {
                    matched.insert(file.filePath)
                    removed.insert(file.filePath)
                    rewrites[file.filePath] = done
                    continue
                }
                // Read the file as scans see it (its delete files applied, so no deleted row comes
                // back), then keep the rows the filter does not select (SQL: unknown is kept).
                let scan = try TableScan(table: self, selector: .current)
                let sequence = entry.sequenceNumber ?? 0
                let task = FileScanTask(file: file, dataSequenceNumber: sequence, deletes: deletes.applicable(to: file, sequence: sequence))
                var keep: [RecordBatch] = []
                var live = 0
                do {
                    for batch in try await ScanReader(scan: scan).read(task) {
                        live += batch.rowCount
                        let selected = try RowFilter(bound).matches(batch)
                        keep.append(batch.take(selected.indices.filter { !selected[$0] }))
                    }
                } catch {
                    throw IcebergError.wrap(error, "rewriting \(file.filePath)")
                }
                let kept = keep.reduce(0) { $0 + $1.rowCount }
                if kept == live { continue }  // no row of this file matches: it stays, with its delete files
                matched.insert(file.filePath)
                removed.insert(file.filePath)
                rewrites[file.filePath] = try await writeDataFiles(BatchList(keep))
            }
        }
        return (matched, removed, rewrites)
    }

    /// `col = value AND …` over identity partition columns.
    func partitionFilter(_ values: [String: String]) throws(IcebergError) -> IcebergExpression {
        guard !values.isEmpty else {
            throw IcebergError(.invalidArgument, "name at least one partition value, e.g. --partition ingestion_date=2026-11-20")
        }
        var parts: [IcebergExpression] = []
        for (column, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let field = schema.field(named: column) else {
                throw IcebergError(.invalidArgument, "table '\(identifier)' has no column '\(column)'")
            }
            guard spec.fields.contains(where: { $0.sourceID == field.id && $0.transform == .identity }) else {
                throw IcebergError(
                    .invalidArgument,
                    "'\(column)' is not an identity partition column of '\(identifier)' (partitioned by \(spec.fields.map { "\($0.transform)(\(schema.columnName(id: $0.sourceID) ?? "?"))" }.joined(separator: ", ")))"
                )
            }
            parts.append(.compare(column, .equal, .string(value)))
        }
        return .all(parts)
    }
}

/// An in-memory sequence of batches, for APIs that take an `AsyncSequence`.
public struct BatchList: AsyncSequence, Sendable {
    public typealias Element = RecordBatch
    let batches: [RecordBatch]

    public init(_ batches: [RecordBatch]) {
        self.batches = batches
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var index = 0
        let batches: [RecordBatch]

        public mutating func next() async -> RecordBatch? {
            guard index < batches.count else { return nil }
            index += 1
            return batches[index - 1]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(batches: batches)
    }
}
