import LagoaColumnar

/// The collected build (right) side of a join: all rows in one batch, and for hash joins a table of
/// its distinct keys with the rows of each key chained (`head[group]`, `next[row]`, -1 ends).
final class JoinBuildSide: @unchecked Sendable {
    // Safe: fully built before it is shared, then only read.
    let batch: RecordBatch
    let table: KeyHashTable?
    let head: [Int32]
    let next: [Int32]
    /// Whether some build row has a NULL in its key (NOT IN semantics).
    let hasNullKey: Bool
    var rowCount: Int { batch.rowCount }

    init(batch: RecordBatch, keys: [Column]?) throws {
        self.batch = batch
        guard let keys else {
            table = nil
            head = []
            next = []
            hasNullKey = false
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
        self.hasNullKey = hasNull
    }

    var memoryBytes: Int {
        batch.columns.reduce(0) { $0 + ($1.values?.count ?? 0) + ($1.data?.count ?? 0) } + (table?.memoryBytes ?? 0) + next.count * 4 + head.count * 4
    }
}
