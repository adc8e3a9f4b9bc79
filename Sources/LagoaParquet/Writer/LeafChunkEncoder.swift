import LagoaColumnar

/// One top-level column of a buffered batch, with the file row of its first row.
struct ColumnPiece: Sendable {
    let column: Column
    let firstRow: Int
}

/// Turns one leaf of a row group into an encoded column chunk: shreds every buffered piece of its
/// top-level column, converts the present values to physical values (sharing the Arrow buffers
/// when a single piece needs no conversion) and hands both to ``ColumnChunkWriter``.
enum LeafChunkEncoder {
    /// Encodes the chunk of `plan`'s leaf over `pieces`.
    /// - Throws: ``ParquetError`` for a null in a non-nullable column, a decimal too wide for its
    ///   precision (naming the column, row and value), or a value too large for Parquet.
    /// - Complexity: O(level entries × nesting depth + value bytes), plus compression.
    static func encode(_ plan: LeafWritePlan, options: ParquetWriteOptions, pieces: [ColumnPiece]) throws(ParquetError) -> EncodedColumnChunk {
        let descriptor = plan.descriptor
        var levels = LevelBuffers()
        let rows = pieces.reduce(0) { $0 + $1.column.count }
        if descriptor.maxDefinitionLevel > 0 { levels.definition.reserveCapacity(rows) }
        if descriptor.maxRepetitionLevel > 0 { levels.repetition.reserveCapacity(rows) }
        var shredded: [(leaf: Column, selection: ValueSelection, entryStart: Int)] = []
        for piece in pieces {
            let entryStart = levels.definition.count
            let (leaf, selection) = try LevelShredder.shred(
                piece.column, steps: plan.steps, into: &levels, name: plan.name, firstRow: piece.firstRow)
            shredded.append((leaf, selection, entryStart))
        }
        let entryCount = descriptor.maxDefinitionLevel > 0 ? levels.definition.count : rows
        let values: PhysicalValues
        if shredded.count == 1, case .range(let range) = shredded[0].selection,
            let borrowed = PhysicalValues.borrowing(shredded[0].leaf, range, plan.conversion)
        {
            values = borrowed
        } else {
            let capacity = shredded.reduce(0) { $0 + $1.selection.count }
            var builder = PhysicalValuesBuilder(conversion: plan.conversion, capacity: capacity)
            for (k, part) in shredded.enumerated() {
                do {
                    try builder.append(part.leaf, part.selection)
                } catch {
                    throw overflowError(error, plan: plan, levels: levels, entryStart: part.entryStart, piece: pieces[k])
                }
            }
            values = builder.finish()
        }
        return try ColumnChunkWriter(plan: plan, options: options).write(levels: levels, entryCount: entryCount, values: values)
    }

    /// The error for a decimal that does not fit its precision, naming the column, row and value.
    private static func overflowError(
        _ overflow: DecimalOverflow,
        plan: LeafWritePlan,
        levels: LevelBuffers,
        entryStart: Int,
        piece: ColumnPiece
    ) -> ParquetError {
        let maxDefinition = UInt16(plan.descriptor.maxDefinitionLevel)
        var row = overflow.valueIndex
        if maxDefinition > 0 {
            var seen = -1
            var entry = entryStart
            while entry < levels.definition.count {
                if levels.definition[entry] == maxDefinition {
                    seen += 1
                    if seen == overflow.valueIndex { break }
                }
                entry += 1
            }
            row = entry - entryStart
            if plan.descriptor.maxRepetitionLevel > 0 {
                row = levels.repetition[entryStart...entry].reduce(-1) { $0 + ($1 == 0 ? 1 : 0) }
            }
        }
        var precision = 0
        var scale = 0
        if case .decimal(let p, _) = plan.conversion { precision = p }
        if case .decimal128(_, let s) = plan.descriptor.arrowType { scale = s }
        let value = DecimalBytes.format(overflow.value, scale: scale)
        return ParquetError(
            .invalidArgument,
            "column '\(plan.name)' row \(piece.firstRow + row) holds \(value), which has more than the \(precision) digits of decimal(\(precision), \(scale)); widen the column's precision"
        )
    }
}
