public import LagoaColumnar

/// The record batches of a Parquet file, decoded lazily: nothing is read until iteration starts,
/// and at most ``ParquetReadOptions/parallelism`` row groups are decoded at a time.
public struct ParquetBatchSequence: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    let reader: ParquetFileReader
    let options: ParquetReadOptions

    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: reader, options: options)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let reader: ParquetFileReader
        let options: ParquetReadOptions
        private var groups: [Int]?
        private var pending: [RecordBatch] = []
        private var decoder: RowGroupDecoder?

        init(reader: ParquetFileReader, options: ParquetReadOptions) {
            self.reader = reader
            self.options = options
        }

        public mutating func next() async throws -> RecordBatch? {
            if groups == nil {
                let fields = try reader.schema.topLevelIndices(options.columns)
                decoder = RowGroupDecoder(reader: reader, options: options, fields: fields)
                groups = try RowGroupPruner(reader: reader).selectedRowGroups(options)
            }
            while pending.isEmpty {
                guard let remaining = groups, !remaining.isEmpty, let decoder else { return nil }
                try Task.checkCancellation()
                let take = Array(remaining.prefix(Swift.max(1, options.parallelism)))
                groups = Array(remaining.dropFirst(take.count))
                let decoded = try await withThrowingTaskGroup(of: (Int, RecordBatch).self) { tasks in
                    for (k, group) in take.enumerated() {
                        tasks.addTask { (k, try await decoder.decode(group)) }
                    }
                    var result = [RecordBatch?](repeating: nil, count: take.count)
                    for try await (k, batch) in tasks { result[k] = batch }
                    return result.compactMap { $0 }
                }
                for batch in decoded {
                    var start = 0
                    while start < batch.rowCount {
                        let length = Swift.min(options.batchSize, batch.rowCount - start)
                        pending.append(batch.slice(start, length))
                        start += length
                    }
                }
                pending.reverse()
            }
            return pending.popLast()
        }
    }
}
