import LagoaColumnar

/// The rows of a window's input in (PARTITION BY, ORDER BY) order, with partition and peer-group
/// boundaries per sorted position. Every array is indexed by sorted position `k`.
struct WindowLayout {
    let count: Int
    /// `permutation[k]`: the input row at sorted position `k`.
    let permutation: [Int]
    /// `inverse[row]`: the sorted position of input row `row` (to scatter results back).
    let inverse: [Int]
    let partitionStart: [Int]
    let partitionEnd: [Int]
    /// Index of the partition (0, 1, …) at each position.
    let partitionIndex: [Int]
    /// First position of the position's peer group (rows equal on ORDER BY) and one past its last.
    let peerStart: [Int]
    let peerEnd: [Int]
    /// Peer groups counted from the start of the partition (0-based).
    let peerGroup: [Int]
    /// Start positions of every peer group, in order (indexed by global peer group number).
    let peerGroupStarts: [Int]
    /// Global peer group number of the first peer group of each position's partition.
    let partitionFirstGroup: [Int]
    /// The first ORDER BY key in sorted order (for RANGE offsets), if any.
    let orderKey: Column?
    let orderAscending: Bool

    init(batch: RecordBatch, call: WindowExec.Call, tasks: Int) async throws {
        let n = batch.rowCount
        count = n
        let partitionColumns = try call.partitionBy.map { try $0.evaluateColumn(batch) }
        let orderColumns = try call.orderBy.map { try $0.expr.evaluateColumn(batch) }
        let partitionKeys = partitionColumns.map { SortKeyColumn($0, ascending: true, nullsFirst: true) }
        let orderKeys = zip(orderColumns, call.orderBy).map { SortKeyColumn($0, ascending: $1.ascending, nullsFirst: $1.nullsFirst) }
        let perm = await SortPermutation.sort(partitionKeys + orderKeys, count: n, tasks: tasks)
        permutation = perm
        var inv = [Int](repeating: 0, count: n)
        for (k, row) in perm.enumerated() { inv[row] = k }
        inverse = inv

        func equal(_ keys: [SortKeyColumn], _ a: Int, _ b: Int) -> Bool {
            keys.allSatisfy { SortKeyColumn.compare($0, a, $0, b) == 0 }
        }
        var pStart = [Int](repeating: 0, count: n)
        var pEnd = [Int](repeating: 0, count: n)
        var pIndex = [Int](repeating: 0, count: n)
        var gStart = [Int](repeating: 0, count: n)
        var gEnd = [Int](repeating: 0, count: n)
        var gIndex = [Int](repeating: 0, count: n)
        var groupStarts: [Int] = []
        var firstGroup = [Int](repeating: 0, count: n)
        var k = 0
        var partition = 0
        while k < n {
            var e = k + 1
            while e < n && equal(partitionKeys, perm[k], perm[e]) { e += 1 }
            let first = groupStarts.count
            var g = k
            var local = 0
            while g < e {
                var ge = g + 1
                while ge < e && equal(orderKeys, perm[g], perm[ge]) { ge += 1 }
                groupStarts.append(g)
                for j in g..<ge {
                    gStart[j] = g
                    gEnd[j] = ge
                    gIndex[j] = local
                }
                local += 1
                g = ge
            }
            for j in k..<e {
                pStart[j] = k
                pEnd[j] = e
                pIndex[j] = partition
                firstGroup[j] = first
            }
            partition += 1
            k = e
        }
        partitionStart = pStart
        partitionEnd = pEnd
        partitionIndex = pIndex
        peerStart = gStart
        peerEnd = gEnd
        peerGroup = gIndex
        peerGroupStarts = groupStarts
        partitionFirstGroup = firstGroup
        orderKey = orderColumns.first?.take(perm)
        orderAscending = call.orderBy.first?.ascending ?? true
    }

    /// Number of partitions.
    var partitionCount: Int { count == 0 ? 0 : partitionIndex[count - 1] + 1 }
}
