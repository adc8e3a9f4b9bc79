import LagoaColumnar

/// Which values of a leaf's Arrow column are present, as logical indices into that column.
enum ValueSelection {
    /// Every index in the range.
    case range(Range<Int>)
    /// These indices, increasing.
    case indices([Int])

    var count: Int {
        switch self {
        case .range(let range): range.count
        case .indices(let indices): indices.count
        }
    }
}

/// The definition and repetition levels of one leaf column chunk, appended batch by batch.
struct LevelBuffers {
    /// Definition levels; stays empty when the leaf's maximum definition level is 0.
    var definition: [UInt16] = []
    /// Repetition levels; stays empty when the leaf's maximum repetition level is 0.
    var repetition: [UInt16] = []
}

/// Shreds an Arrow column into the levels and present values of one of its leaves (Dremel
/// encoding), producing exactly what the reader's ``LevelAssembler`` reassembles.
///
/// The shredder walks the path from the top-level column to the leaf (``ShredStep``s), keeping one
/// entry per level slot: an entry is either *open* (it points at a value of the current node) or
/// *closed* (a null or an empty list above the leaf ended it, and its definition level says where).
/// A null struct, a null list, an empty list and a null element therefore all end at different
/// definition levels. Flat leaves take a fast path straight from the validity bitmap.
enum LevelShredder {
    /// Appends the levels of the leaf at the end of `steps` for every row of `column`.
    /// - Parameters:
    ///   - column: the top-level column (any slice).
    ///   - steps: the path to the leaf, from ``LeafWritePlan``.
    ///   - levels: where the levels go (only those whose maximum level is above 0).
    ///   - name: the leaf's name, for errors.
    ///   - firstRow: the file row of `column`'s first row, for errors.
    /// - Returns: the leaf's Arrow column and which of its values are present, in order.
    /// - Throws: ``ParquetError`` (schema mismatch) when a non-nullable node holds a null.
    /// - Complexity: O(level entries × path length).
    static func shred(
        _ column: Column,
        steps: [ShredStep],
        into levels: inout LevelBuffers,
        name: String,
        firstRow: Int
    ) throws(ParquetError) -> (leaf: Column, selection: ValueSelection) {
        if steps.count == 1, case .leaf(let maxDefinition, let nullable) = steps[0] {
            return try shredFlat(column, maxDefinition: maxDefinition, nullable: nullable, into: &levels, name: name, firstRow: firstRow)
        }
        var walk = EntryWalk(rows: column.count)
        var current = column
        for step in steps {
            switch step {
            case .structure(let child, let definedAt, let nullable):
                try walk.enterStruct(current, definedAt: definedAt, nullable: nullable, name: name, firstRow: firstRow)
                current = current.children[child]
            case .list(let definedAt, let elementDefinedAt, let repetition, let nullable):
                try walk.enterList(
                    current, definedAt: definedAt, elementDefinedAt: elementDefinedAt, repetition: repetition,
                    nullable: nullable, name: name, firstRow: firstRow)
                current = current.children[0]
            case .leaf(let maxDefinition, let nullable):
                let selected = try walk.enterLeaf(
                    current, maxDefinition: maxDefinition, nullable: nullable, name: name, firstRow: firstRow)
                if maxDefinition > 0 { levels.definition.append(contentsOf: walk.definition) }
                if walk.isRepeated { levels.repetition.append(contentsOf: walk.repetition) }
                return (current, selected)
            }
        }
        preconditionFailure("a shred path ends with a leaf step")
    }

    /// The fast path for a top-level primitive column: one entry per row.
    private static func shredFlat(
        _ column: Column,
        maxDefinition: Int,
        nullable: Bool,
        into levels: inout LevelBuffers,
        name: String,
        firstRow: Int
    ) throws(ParquetError) -> (leaf: Column, selection: ValueSelection) {
        let n = column.count
        if column.nullCount == 0 {
            if maxDefinition > 0 { levels.definition.append(contentsOf: repeatElement(UInt16(maxDefinition), count: n)) }
            return (column, .range(0..<n))
        }
        guard nullable, maxDefinition > 0, let validity = column.validity else {
            let row = (0..<n).first { column.isNull($0) } ?? 0
            throw nullInRequired(name, row: firstRow + row)
        }
        var indices: [Int] = []
        indices.reserveCapacity(n - column.nullCount)
        let start = levels.definition.count
        levels.definition.append(contentsOf: repeatElement(0, count: n))
        let bits = validity.pointer
        let offset = column.offset
        let present = UInt16(maxDefinition)
        levels.definition.withUnsafeMutableBufferPointer { def in
            for i in 0..<n where Bitmap.get(bits, offset + i) {
                def[start + i] = present
                indices.append(i)
            }
        }
        return (column, .indices(indices))
    }

    /// The error for a null in a column whose schema says it cannot be null.
    static func nullInRequired(_ name: String, row: Int) -> ParquetError {
        ParquetError(
            .schemaMismatch,
            "column '\(name)' is not nullable but row \(row) holds a null there; declare the field nullable or remove the null"
        )
    }
}
