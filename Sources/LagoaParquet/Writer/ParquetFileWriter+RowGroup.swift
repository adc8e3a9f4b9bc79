import LagoaColumnar
import LagoaCore

extension ParquetFileWriter {
    /// Encodes the buffered rows as one row group and appends it; does nothing when no rows are
    /// buffered.
    ///
    /// Leaf columns are encoded in a task group, at most ``ParquetWriteOptions/parallelism`` at a
    /// time, and written in schema order as soon as each one's predecessors are written, so that
    /// finished chunks do not wait for the whole row group.
    /// - Throws: ``ParquetError`` from encoding (naming the column), errors from the sink.
    func flushRowGroup() async throws {
        guard bufferedRows > 0 else { return }
        let batches = buffered
        let rows = bufferedRows
        let firstRow = rowsWritten
        buffered = []
        bufferedRows = 0
        bufferedBytes = 0
        try await writeMagicIfNeeded()

        var pieces: [[ColumnPiece]] = Array(repeating: [], count: schema.fields.count)
        var row = firstRow
        for batch in batches {
            for (k, column) in batch.columns.enumerated() {
                pieces[k].append(ColumnPiece(column: column, firstRow: row))
            }
            row += batch.rowCount
        }
        let plans = self.plans
        let options = self.options
        var chunks: [ColumnChunk] = []
        var indexes: [(columnIndex: ColumnIndex?, offsetIndex: OffsetIndex)] = []
        chunks.reserveCapacity(plans.count)
        try await withThrowingTaskGroup(of: (Int, EncodedColumnChunk).self) { tasks in
            var next = 0
            var finished: [Int: EncodedColumnChunk] = [:]
            func submit() {
                let plan = plans[next]
                let columnPieces = pieces[plan.topLevel]
                let position = next
                next += 1
                tasks.addTask {
                    try Task.checkCancellation()
                    return (position, try LeafChunkEncoder.encode(plan, options: options, pieces: columnPieces))
                }
            }
            while next < plans.count && next < options.parallelism { submit() }
            while let (position, chunk) = try await tasks.next() {
                finished[position] = chunk
                while let ready = finished.removeValue(forKey: chunks.count) {
                    let (placed, offsetIndex) = ready.placed(at: self.position)
                    try await append(ready.dictionaryPage)
                    try await append(ready.dataPages)
                    chunks.append(placed)
                    indexes.append((ready.columnIndex, offsetIndex))
                }
                if next < plans.count { submit() }
            }
        }
        rowsWritten += rows
        rowGroups.append(makeRowGroup(chunks, rows: rows))
        pageIndexes.append(indexes)
    }

    /// The row group's metadata: sizes summed over its chunks, its file offset and ordinal.
    private func makeRowGroup(_ chunks: [ColumnChunk], rows: Int) -> RowGroup {
        var uncompressed: Int64 = 0
        var compressed: Int64 = 0
        for chunk in chunks {
            uncompressed += chunk.metaData?.totalUncompressedSize ?? 0
            compressed += chunk.metaData?.totalCompressedSize ?? 0
        }
        let first = chunks.first?.metaData.map { $0.dictionaryPageOffset ?? $0.dataPageOffset }
        return RowGroup(
            columns: chunks,
            totalByteSize: uncompressed,
            numRows: Int64(rows),
            fileOffset: first,
            totalCompressedSize: compressed,
            ordinal: Int16(exactly: rowGroups.count)
        )
    }

    /// Appends every column index, then every offset index (as parquet-mr does), and records
    /// where each went in the row groups' column chunks.
    func writePageIndexes() async throws {
        guard options.pageIndex else { return }
        for g in pageIndexes.indices {
            for c in pageIndexes[g].indices {
                guard let index = pageIndexes[g][c].columnIndex else { continue }
                let bytes = index.encoded()
                rowGroups[g].columns[c].columnIndexOffset = position
                rowGroups[g].columns[c].columnIndexLength = Int32(bytes.count)
                try await append(bytes)
            }
        }
        for g in pageIndexes.indices {
            for c in pageIndexes[g].indices {
                let bytes = pageIndexes[g][c].offsetIndex.encoded()
                rowGroups[g].columns[c].offsetIndexOffset = position
                rowGroups[g].columns[c].offsetIndexLength = Int32(bytes.count)
                try await append(bytes)
            }
        }
    }

    /// The footer: schema, row groups, metadata (the schema's, overridden by the options'), and
    /// TYPE_ORDER for every leaf.
    func footerMetadata() -> FileMetaData {
        var metadata = schema.metadata
        for (key, value) in options.keyValueMetadata { metadata[key] = value }
        let keyValues = metadata.keys.sorted().map { KeyValue(key: $0, value: metadata[$0]) }
        return FileMetaData(
            version: 2,
            schema: parquetSchema.elements,
            numRows: Int64(rowsWritten),
            rowGroups: rowGroups,
            keyValueMetadata: keyValues.isEmpty ? nil : keyValues,
            createdBy: options.createdBy,
            columnOrders: Array(repeating: .typeOrder, count: parquetSchema.columns.count)
        )
    }
}
