import LagoaColumnar
import LagoaFunctions

/// Writing a grouping set's groups to spill files and merging them back (see ``AggregateSpill``).
///
/// A *state row* is one group: its encoded key (binary, the ``EncodedKeys`` bytes), the key's hash
/// (uint64), then the ``GroupedAccumulator/state()`` columns of every aggregate without DISTINCT.
/// A DISTINCT aggregate's accumulator state cannot be merged (two tasks may both have counted one
/// value), so instead its `seen` table is spilled as *distinct rows* — the group key columns then
/// the argument columns, each (group, arguments) once — and fed through a fresh `seen` table when
/// merged back, so every distinct value reaches the accumulator exactly once.
extension GroupingSetState {
    /// Writes every group (state rows, and distinct rows per DISTINCT aggregate) to the buckets of
    /// its key hash.
    /// - Parameters:
    ///   - groupTypes: the types of all group expressions (this set uses `keyIndices` of them).
    ///   - widths: state columns per aggregate (0 for DISTINCT ones), checked against `state()`.
    /// - Throws: ``ExecutionError`` (`io`) when writing fails; accumulator errors.
    func spill(into buckets: AggregateSetBuckets, groupTypes: [DataType], widths: [Int], batchSize: Int) throws {
        let groupCount = table.groupCount
        guard groupCount > 0 else { return }
        try growAccumulators()
        let keys = table.keys(0..<groupCount)
        var columns = [Self.binaryColumn(keys), Column(type: .uint64, count: groupCount, values: Buffer(keys.hashes))]
        for (k, accumulator) in accumulators.enumerated() where seen[k] == nil {
            let state = try accumulator.state()
            guard state.count == widths[k], state.allSatisfy({ $0.count == groupCount }) else {
                throw ExecutionError(.invalidData, "aggregate \(k) gave \(state.count) state columns of \(state.map(\.count)) rows for \(groupCount) groups (expected \(widths[k])); this is a bug, please report it")
            }
            columns += state
        }
        let fields = columns.enumerated().map { Field("s\($0.offset)", $0.element.type) }
        try write(RecordBatch(schema: Schema(fields), columns: columns, rowCount: groupCount), hashes: keys.hashes, to: buckets.states, batchSize: batchSize)
        for (k, seenTable) in seen.enumerated() {
            guard let seenTable, seenTable.groupCount > 0, let target = buckets.distinct[k] else { continue }
            let keyTypes = keyIndices.map { groupTypes[$0] }
            let decoded = seenTable.decodeKeys(keyTypes + argumentColumnTypes[k])
            let n = seenTable.groupCount
            let groupKeys = try EncodedKeys(Array(decoded.prefix(keyTypes.count)), rowCount: n)
            let distinctFields = decoded.enumerated().map { Field("d\($0.offset)", $0.element.type) }
            try write(RecordBatch(schema: Schema(distinctFields), columns: decoded, rowCount: n), hashes: groupKeys.hashes, to: target, batchSize: batchSize)
        }
    }

    /// Merges state rows written by ``spill(into:groupTypes:widths:batchSize:)``.
    func mergeSpilledStates(_ batch: RecordBatch, widths: [Int]) throws {
        let n = batch.rowCount
        guard n > 0 else { return }
        let keys = Self.encodedKeys(batch.columns[0], hashes: batch.columns[1])
        var groups = [Int32](repeating: 0, count: n)
        groups.withUnsafeMutableBufferPointer { table.findOrInsert(keys, groups: $0.baseAddress!) }
        var at = 2
        for (k, accumulator) in accumulators.enumerated() where seen[k] == nil {
            let state = Array(batch.columns[at..<(at + widths[k])])
            at += widths[k]
            try groups.withUnsafeBufferPointer { try accumulator.merge(state: state, groups: $0, groupCount: table.groupCount) }
        }
    }

    /// Merges distinct rows of aggregate `k` written by ``spill(into:groupTypes:widths:batchSize:)``:
    /// rows not seen yet go to the accumulator.
    func mergeSpilledDistinct(_ batch: RecordBatch, aggregate k: Int) throws {
        let n = batch.rowCount
        guard n > 0, let seenTable = seen[k] else { return }
        let keyColumns = Array(batch.columns.prefix(keyIndices.count))
        let arguments = Array(batch.columns.dropFirst(keyIndices.count))
        let encoded = try EncodedKeys(keyColumns, rowCount: n)
        var groups = [Int32](repeating: 0, count: n)
        groups.withUnsafeMutableBufferPointer { table.findOrInsert(encoded, groups: $0.baseAddress!) }
        let rows = try firstOccurrences(seenTable, keyColumns: keyColumns, arguments: arguments, rows: nil, rowCount: n)
        guard !rows.isEmpty else { return }
        let subsetGroups = rows.map { groups[Int($0)] }
        let subsetArguments = arguments.map { Gather.column($0, rows) }
        try subsetGroups.withUnsafeBufferPointer {
            try accumulators[k].update(groups: $0, groupCount: table.groupCount, arguments: subsetArguments)
        }
    }

    /// Writes `batch` in slices of `batchSize` rows, each row to the bucket of its hash.
    private func write(_ batch: RecordBatch, hashes: [UInt64], to buckets: SpillBuckets, batchSize: Int) throws {
        var start = 0
        while start < batch.rowCount {
            let count = min(batchSize, batch.rowCount - start)
            try buckets.write(batch.slice(start, count), hashes: Array(hashes[start..<(start + count)]))
            start += count
        }
    }

    /// The encoded key rows as one binary column.
    private static func binaryColumn(_ keys: EncodedKeys) -> Column {
        let n = keys.rowCount
        let offsets = keys.offsets.map { Int64($0) }
        let data = keys.bytes.withUnsafeBytes { Buffer(copying: UnsafeRawBufferPointer(rebasing: $0[0..<keys.offsets[n]])) }
        return Column(type: .binary, count: n, values: Buffer(offsets), data: data)
    }

    /// Encoded keys back from the binary key column and the hash column of spilled state rows.
    private static func encodedKeys(_ column: Column, hashes: Column) -> EncodedKeys {
        let n = column.count
        let o = column.offsets
        let base = Int(o[0])
        let end = Int(o[n])
        var bytes = [UInt8](repeating: 0, count: end - base + 8)
        if end > base, let data = column.data {
            bytes.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: data.pointer + base, byteCount: end - base) }
        }
        return EncodedKeys(
            bytes: bytes,
            offsets: o.map { Int($0) - base },
            hashes: Array(hashes.values(as: UInt64.self)),
            hasNull: [Bool](repeating: false, count: n)
        )
    }
}
