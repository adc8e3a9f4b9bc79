import LagoaColumnar
import LagoaFunctions

/// The hash table and accumulators of one grouping set inside one aggregation task.
final class GroupingSetState {
    /// Indices into the operator's group expressions that this set groups by.
    let keyIndices: [Int]
    let table = KeyHashTable()
    let accumulators: [any GroupedAccumulator]
    /// Per DISTINCT aggregate: (group, arguments) seen so far.
    let seen: [KeyHashTable?]
    /// Argument types of each aggregate (to size accumulators that saw no rows).
    let argumentTypes: [[DataType]]
    /// Types of each aggregate's evaluated argument columns (what the `seen` tables encode).
    let argumentColumnTypes: [[DataType]]
    private var emptyKeyInserted = false

    init(keyIndices: [Int], aggregates: [AggregateSpec]) throws {
        self.keyIndices = keyIndices
        accumulators = try aggregates.map { try $0.makeAccumulator() }
        seen = aggregates.map { $0.distinct ? KeyHashTable() : nil }
        argumentTypes = aggregates.map(\.signature.argumentTypes)
        argumentColumnTypes = aggregates.map { $0.arguments.map(\.type) }
    }

    var memoryBytes: Int {
        table.memoryBytes + accumulators.reduce(0) { $0 + $1.memoryBytes } + seen.reduce(0) { $0 + ($1?.memoryBytes ?? 0) }
    }

    /// Adds one batch: `keys` are all group-expression columns, `arguments[k]` the argument columns
    /// of aggregate k, `filters[k]` its FILTER mask.
    func update(rowCount n: Int, keys: [Column], arguments: [[Column]], filters: [Column?]) throws {
        var groups = [Int32](repeating: 0, count: n)
        let keyColumns = keyIndices.map { keys[$0] }
        if keyColumns.isEmpty {
            ensureEmptyGroup()
        } else {
            let encoded = try EncodedKeys(keyColumns, rowCount: n)
            groups.withUnsafeMutableBufferPointer { table.findOrInsert(encoded, groups: $0.baseAddress!) }
        }
        for (k, accumulator) in accumulators.enumerated() {
            var rows: [Int32]? = filters[k].map { Selection.indices(of: $0) }
            if let seenTable = seen[k] {
                rows = try firstOccurrences(seenTable, keyColumns: keyColumns, arguments: arguments[k], rows: rows, rowCount: n)
            }
            if let rows {
                let subsetGroups = rows.map { groups[Int($0)] }
                let subsetArguments = arguments[k].map { Gather.column($0, rows) }
                try subsetGroups.withUnsafeBufferPointer {
                    try accumulator.update(groups: $0, groupCount: table.groupCount, arguments: subsetArguments)
                }
            } else {
                try groups.withUnsafeBufferPointer {
                    try accumulator.update(groups: $0, groupCount: table.groupCount, arguments: arguments[k])
                }
            }
        }
    }

    /// The rows (among `rows`, or all) whose (group key, arguments) were not seen before.
    func firstOccurrences(_ seenTable: KeyHashTable, keyColumns: [Column], arguments: [Column], rows: [Int32]?, rowCount n: Int) throws -> [Int32] {
        var columns = keyColumns + arguments
        var count = n
        if let rows {
            columns = columns.map { Gather.column($0, rows) }
            count = rows.count
        }
        let encoded = try EncodedKeys(columns, rowCount: count)
        var ids = [Int32](repeating: 0, count: count)
        var next = Int32(seenTable.groupCount)
        ids.withUnsafeMutableBufferPointer { seenTable.findOrInsert(encoded, groups: $0.baseAddress!) }
        var out: [Int32] = []
        for i in 0..<count where ids[i] == next {
            out.append(rows.map { $0[i] } ?? Int32(i))
            next += 1
        }
        return out
    }

    /// Makes sure the single group of a set without keys exists (a global aggregate has one row
    /// even over no input).
    func ensureEmptyGroup() {
        guard keyIndices.isEmpty, !emptyKeyInserted else { return }
        emptyKeyInserted = true
        let empty = EncodedKeys(bytes: [0, 0, 0, 0, 0, 0, 0, 0], offsets: [0, 0], hashes: [KeyHash.hash(UnsafeRawPointer(bitPattern: 8)!, count: 0)], hasNull: [false])
        var group: Int32 = 0
        table.findOrInsert(empty, groups: &group)
    }

    /// Merges another task's state for the same set into this one.
    func merge(_ other: GroupingSetState) throws {
        if keyIndices.isEmpty { ensureEmptyGroup() }
        let count = other.table.groupCount
        guard count > 0 else { return }
        let keys = other.table.keys(0..<count)
        var mapping = [Int32](repeating: 0, count: count)
        mapping.withUnsafeMutableBufferPointer { table.findOrInsert(keys, groups: $0.baseAddress!) }
        for (mine, theirs) in zip(accumulators, other.accumulators) {
            let state = try theirs.state()
            try mapping.withUnsafeBufferPointer { try mine.merge(state: state, groups: $0, groupCount: table.groupCount) }
        }
    }

    /// Lets every accumulator grow to every group, including groups that fed it no row (before
    /// ``finish(groupTypes:groupingIDType:)`` and before taking its state for a spill).
    func growAccumulators() throws {
        let groupCount = table.groupCount
        for (k, accumulator) in accumulators.enumerated() {
            let empty = argumentTypes[k].map { ColumnBuilder($0).finish() }
            try [Int32]().withUnsafeBufferPointer { try accumulator.update(groups: $0, groupCount: groupCount, arguments: empty) }
        }
    }

    /// Output columns: every group expression (NULL when not in this set), the aggregates, then
    /// the grouping id when `groupingIDType` is given.
    func finish(groupTypes: [DataType], groupingIDType: DataType?) throws -> [Column] {
        if keyIndices.isEmpty { ensureEmptyGroup() }
        let groupCount = table.groupCount
        let decoded = table.decodeKeys(keyIndices.map { groupTypes[$0] })
        var columns: [Column] = []
        var groupingID: Int64 = 0
        for (j, type) in groupTypes.enumerated() {
            if let position = keyIndices.firstIndex(of: j) {
                columns.append(decoded[position])
            } else {
                columns.append(ColumnExpansion.repeating(.null, type: type, count: groupCount))
                groupingID |= Int64(1) << Int64(j)
            }
        }
        try growAccumulators()
        for accumulator in accumulators {
            let column = try accumulator.finish()
            guard column.count == groupCount else {
                throw ExecutionError(.invalidData, "aggregate accumulator produced \(column.count) values for \(groupCount) groups; this is a bug, please report it")
            }
            columns.append(column)
        }
        if let groupingIDType {
            let value: Value
            switch groupingIDType {
            case .uint8, .uint16, .uint32, .uint64: value = .uint(UInt64(groupingID))
            default: value = .int(groupingID)
            }
            columns.append(ColumnExpansion.repeating(value, type: groupingIDType, count: groupCount))
        }
        return columns
    }
}
