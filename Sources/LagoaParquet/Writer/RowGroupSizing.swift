import LagoaColumnar

/// How much of a batch fits in the current row group, by rows and by estimated bytes.
enum RowGroupSizing {
    /// The estimated encoded size of `batch`: the PLAIN size of its physical values (4 bytes of
    /// length per byte array, one bit per boolean); levels are not counted.
    /// - Complexity: O(columns × nesting), independent of the row count.
    static func estimatedBytes(_ batch: RecordBatch) -> Int {
        batch.columns.reduce(0) { $0 + estimatedBytes($1) }
    }

    /// The estimated encoded size of one column.
    static func estimatedBytes(_ column: Column) -> Int {
        let n = column.count
        guard n > 0 else { return 0 }
        switch column.type {
        case .boolean:
            return (n + 7) / 8
        case .string, .binary:
            let offsets = column.offsets
            return 4 * n + Int(offsets[n] - offsets[0])
        case .list, .map:
            let offsets = column.offsets
            let start = Int(offsets[0])
            return estimatedBytes(column.children[0].slice(start, Int(offsets[n]) - start))
        case .struct:
            return column.children.indices.reduce(0) { $0 + estimatedBytes(column.field($1)) }
        case .decimal128(let precision, _):
            return n * ArrowSchemaConverter.decimalByteWidth(precision: precision)
        case .int8, .int16, .uint8, .uint16:
            return n * 4
        default:
            return n * (column.type.fixedWidth ?? 8)
        }
    }

    /// The number of rows of a batch of `available` rows and `estimatedBytes` to buffer now.
    /// - Parameters:
    ///   - available: rows left in the batch.
    ///   - estimatedBytes: their estimated size.
    ///   - roomRows: rows the row group can still take (at least 1).
    ///   - roomBytes: bytes the row group can still take (at least 1).
    /// - Returns: at least 1, at most `available`.
    static func rowsToTake(available: Int, estimatedBytes: Int, roomRows: Int, roomBytes: Int) -> Int {
        var take = min(available, max(1, roomRows))
        if estimatedBytes > roomBytes {
            let perRow = max(1, Double(estimatedBytes) / Double(available))
            take = min(take, max(1, Int(Double(roomBytes) / perRow)))
        }
        return take
    }
}
