import LagoaColumnar

/// The level entries of one leaf while ``LevelShredder`` walks down its path: per entry a
/// definition level, a repetition level and the index of the value it points at in the current
/// node's column (`-1` once a null or an empty list closed it).
struct EntryWalk {
    var definition: [UInt16]
    var repetition: [UInt16]
    var index: [Int]
    /// Whether a list was entered, i.e. whether repetition levels matter.
    private(set) var isRepeated = false

    /// One open entry per row, all at level 0.
    init(rows: Int) {
        definition = [UInt16](repeating: 0, count: rows)
        repetition = [UInt16](repeating: 0, count: rows)
        index = Array(0..<rows)
    }

    /// Passes every open entry into a struct: valid structs raise the definition level to
    /// `definedAt` and point into the children, null structs close the entry.
    /// - Throws: ``ParquetError`` when a non-nullable struct is null.
    /// - Complexity: O(entries).
    mutating func enterStruct(_ column: Column, definedAt: Int, nullable: Bool, name: String, firstRow: Int) throws(ParquetError) {
        let offset = column.offset
        let level = UInt16(definedAt)
        let hasNulls = column.nullCount > 0
        for e in index.indices where index[e] >= 0 {
            let i = index[e]
            if !hasNulls || column.isValid(i) {
                definition[e] = level
                index[e] = offset + i
            } else {
                guard nullable else { throw LevelShredder.nullInRequired(name, row: firstRow + row(ofEntry: e)) }
                index[e] = -1
            }
        }
    }

    /// Expands every open entry into the elements of its list (or map): a null list closes the
    /// entry at its current level, an empty list at `definedAt`; elements are defined at
    /// `elementDefinedAt`, and all but the first repeat at `repetition`.
    /// - Throws: ``ParquetError`` when a non-nullable list is null.
    /// - Complexity: O(entries + elements).
    mutating func enterList(
        _ column: Column,
        definedAt: Int,
        elementDefinedAt: Int,
        repetition level: Int,
        nullable: Bool,
        name: String,
        firstRow: Int
    ) throws(ParquetError) {
        let offsets = column.offsets
        let elements = column.count > 0 ? Int(offsets[column.count] - offsets[0]) : 0
        var def: [UInt16] = []
        var rep: [UInt16] = []
        var idx: [Int] = []
        def.reserveCapacity(index.count + elements)
        rep.reserveCapacity(index.count + elements)
        idx.reserveCapacity(index.count + elements)
        let listLevel = UInt16(definedAt)
        let elementLevel = UInt16(elementDefinedAt)
        let repeatLevel = UInt16(level)
        for e in index.indices {
            let i = index[e]
            guard i >= 0 else {
                def.append(definition[e])
                rep.append(repetition[e])
                idx.append(-1)
                continue
            }
            guard column.isValid(i) else {
                guard nullable else { throw LevelShredder.nullInRequired(name, row: firstRow + row(ofEntry: e)) }
                def.append(definition[e])
                rep.append(repetition[e])
                idx.append(-1)
                continue
            }
            let start = Int(offsets[i])
            let end = Int(offsets[i + 1])
            guard start < end else {
                def.append(listLevel)
                rep.append(repetition[e])
                idx.append(-1)
                continue
            }
            def.append(elementLevel)
            rep.append(repetition[e])
            idx.append(start)
            for j in (start + 1)..<end {
                def.append(elementLevel)
                rep.append(repeatLevel)
                idx.append(j)
            }
        }
        definition = def
        repetition = rep
        index = idx
        isRepeated = true
    }

    /// Ends the walk at the leaf: valid values get `maxDefinition`, nulls close their entry.
    /// - Returns: the present values' indices in the leaf column, in entry order.
    /// - Throws: ``ParquetError`` when a non-nullable leaf is null.
    /// - Complexity: O(entries).
    mutating func enterLeaf(_ column: Column, maxDefinition: Int, nullable: Bool, name: String, firstRow: Int) throws(ParquetError) -> ValueSelection {
        var selected: [Int] = []
        selected.reserveCapacity(index.count)
        let level = UInt16(maxDefinition)
        let hasNulls = column.nullCount > 0
        for e in index.indices where index[e] >= 0 {
            let i = index[e]
            if !hasNulls || column.isValid(i) {
                definition[e] = level
                selected.append(i)
            } else {
                guard nullable else { throw LevelShredder.nullInRequired(name, row: firstRow + row(ofEntry: e)) }
            }
        }
        if let first = selected.first, let last = selected.last, last - first + 1 == selected.count {
            return .range(first..<(last + 1))
        }
        return .indices(selected)
    }

    /// The row (relative to the walk's column) that entry `e` belongs to.
    /// - Complexity: O(e).
    func row(ofEntry e: Int) -> Int {
        guard isRepeated else { return e }
        var row = -1
        for k in 0...e where repetition[k] == 0 { row += 1 }
        return row
    }
}
