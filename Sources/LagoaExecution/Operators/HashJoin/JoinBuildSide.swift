import LagoaColumnar

/// The collected build (right) side of a join: all rows in one batch, and for hash joins a table of
/// its distinct keys with the rows of each key chained (`head[group]`, `next[row]`, -1 ends).
///
/// A spilled hash join builds one of these per bucket (see ``GraceHashJoin``); ``hasNullKey`` and
/// ``isEmpty`` then describe the whole build side, which NULL-aware anti and mark joins look at.
final class JoinBuildSide: @unchecked Sendable {
    // Safe: fully built before it is shared, then only read.
    let batch: RecordBatch
    let table: KeyHashTable?
    let head: [Int32]
    let next: [Int32]
    /// Whether some build row has a NULL in its key (NOT IN semantics).
    let hasNullKey: Bool
    /// Whether the whole build side has no rows.
    let isEmpty: Bool
    var rowCount: Int { batch.rowCount }

    /// - Parameters:
    ///   - keys: the key columns of `batch`; `nil` for nested loop joins.
    ///   - wholeSide: for one bucket of a spilled build side, the NULL-key flag and emptiness of
    ///     the whole side (the bucket's own are used otherwise).
    init(batch: RecordBatch, keys: [Column]?, wholeSide: (hasNullKey: Bool, isEmpty: Bool)? = nil) throws {
        self.batch = batch
        isEmpty = wholeSide?.isEmpty ?? (batch.rowCount == 0)
        guard let keys else {
            table = nil
            head = []
            next = []
            hasNullKey = wholeSide?.hasNullKey ?? false
            return
        }
        let n = batch.rowCount
        let encoded = try EncodedKeys(keys, rowCount: n)
        let table = KeyHashTable(expectedGroups: max(16, n))
        var groups = [Int32](repeating: 0, count: n)
        groups.withUnsafeMutableBufferPointer { table.findOrInsert(encoded, groups: $0.baseAddress!) }
        var head = [Int32](repeating: -1, count: table.groupCount)
        var next = [Int32](repeating: -1, count: n)
        var hasNull = false
        for r in stride(from: n - 1, through: 0, by: -1) {
            if encoded.hasNull[r] {
                hasNull = true
                continue
            }
            let g = Int(groups[r])
            next[r] = head[g]
            head[g] = Int32(r)
        }
        self.table = table
        self.head = head
        self.next = next
        self.hasNullKey = wholeSide?.hasNullKey ?? hasNull
    }

    var memoryBytes: Int {
        batch.columns.reduce(0) { $0 + ($1.values?.count ?? 0) + ($1.data?.count ?? 0) } + (table?.memoryBytes ?? 0) + next.count * 4 + head.count * 4
    }
}
