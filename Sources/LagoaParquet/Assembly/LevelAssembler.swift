import LagoaColumnar

/// Rebuilds nested Arrow columns from Parquet leaves and their repetition/definition levels.
///
/// Works top-down over ``ColumnShape``: every node receives, for each leaf beneath it, the entry
/// index at which each of its instances ("slots") starts. A struct passes its slots to its
/// children; a list turns each slot into zero or more element slots by scanning repetition levels;
/// a leaf places its dense values into the slots whose definition level is the maximum. Flat
/// columns take a fast path with no slot arrays at all.
///
/// - Complexity: O(entries × nesting depth).
struct LevelAssembler {
    let leaves: [Int: LeafData]

    /// Assembles the column for `shape`, whose top-level rows are the entries with repetition 0.
    func assemble(_ shape: ColumnShape) throws(ParquetError) -> Column {
        if !shape.isRepeated {
            return try assembleFlat(shape)
        }
        var slots: [Int: [Int32]] = [:]
        for leaf in shape.leaves {
            let data = leaves[leaf]!
            if let rep = data.repetitionLevels {
                var starts: [Int32] = []
                starts.reserveCapacity(data.entryCount)
                for i in 0..<data.entryCount where rep[i] == 0 { starts.append(Int32(i)) }
                slots[leaf] = starts
            } else {
                slots[leaf] = (0..<data.entryCount).map { Int32($0) }
            }
        }
        return try build(shape, slots)
    }

    // MARK: Flat (no repetition): every entry is a row.

    private func assembleFlat(_ shape: ColumnShape) throws(ParquetError) -> Column {
        switch shape {
        case .leaf(_, let leaf, let maxDefinition):
            let data = leaves[leaf]!
            guard maxDefinition > 0, let def = data.definitionLevels, data.dense.count < data.entryCount else {
                return data.dense
            }
            let validity = Self.validity(def, count: data.entryCount) { $0 == UInt16(maxDefinition) }
            return ValueSpreader.spread(data.dense, validity: validity, count: data.entryCount)
        case .structure(let field, let definedAt, let children):
            var columns: [Column] = []
            for child in children { columns.append(try assembleFlat(child)) }
            let first = leaves[shape.leaves[0]]!
            try Self.checkChildren(columns, count: first.entryCount, field: field)
            var validity: Buffer? = nil
            if field.nullable, definedAt > 0, let def = first.definitionLevels {
                validity = Self.validity(def, count: first.entryCount) { $0 >= UInt16(definedAt) }
            }
            return Column(type: field.type, count: first.entryCount, validity: validity, children: columns)
        case .list:
            preconditionFailure("assembleFlat called on a repeated shape")
        }
    }

    /// Every child of a struct must hold one value per struct value; leaves whose levels disagree
    /// would otherwise produce a struct whose fields are shorter than itself.
    private static func checkChildren(_ columns: [Column], count: Int, field: Field) throws(ParquetError) {
        for (child, column) in zip(field.type.structFields, columns) where column.count != count {
            throw ParquetError.corrupt("struct '\(field.name)' has \(count) values but its field '\(child.name)' has \(column.count); the leaf columns disagree")
        }
    }

    static func validity(_ levels: [UInt16], count: Int, _ isValid: (UInt16) -> Bool) -> Buffer {
        let bits = MutableBuffer(zeroed: Bitmap.byteCount(count))
        let out = bits.typed(UInt8.self)
        levels.withUnsafeBufferPointer { l in
            for i in 0..<count where isValid(l[i]) {
                out[i >> 3] |= UInt8(1) << UInt8(i & 7)
            }
        }
        return bits.finish()
    }

    // MARK: General (slots)

    private func build(_ shape: ColumnShape, _ slots: [Int: [Int32]]) throws(ParquetError) -> Column {
        switch shape {
        case .leaf(_, let leaf, let maxDefinition):
            let data = leaves[leaf]!
            let starts = slots[leaf]!
            guard maxDefinition > 0, let def = data.definitionLevels else { return data.dense }
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(starts.count))
            let out = bits.typed(UInt8.self)
            var present = 0
            for (k, s) in starts.enumerated() where def[Int(s)] == UInt16(maxDefinition) {
                out[k >> 3] |= UInt8(1) << UInt8(k & 7)
                present += 1
            }
            guard present == data.dense.count else {
                throw ParquetError.corrupt("column '\(shape.field.name)' has \(data.dense.count) values but its levels place \(present); the repetition levels are inconsistent")
            }
            return ValueSpreader.spread(data.dense, validity: bits.finish(), count: starts.count)

        case .structure(let field, let definedAt, let children):
            let first = shape.leaves[0]
            let starts = slots[first]!
            var columns: [Column] = []
            for child in children {
                columns.append(try build(child, slots.filter { child.leaves.contains($0.key) }))
            }
            try Self.checkChildren(columns, count: starts.count, field: field)
            var validity: Buffer? = nil
            if field.nullable, let def = leaves[first]!.definitionLevels {
                let bits = MutableBuffer(zeroed: Bitmap.byteCount(starts.count))
                let out = bits.typed(UInt8.self)
                for (k, s) in starts.enumerated() where def[Int(s)] >= UInt16(definedAt) {
                    out[k >> 3] |= UInt8(1) << UInt8(k & 7)
                }
                validity = bits.finish()
            }
            return Column(type: field.type, count: starts.count, validity: validity, children: columns)

        case .list(let field, let definedAt, let elementDefinedAt, let repetition, let element):
            let first = shape.leaves[0]
            let count = slots[first]!.count
            var childSlots: [Int: [Int32]] = [:]
            var offsets = MutableBuffer(capacity: (count + 1) * 8)
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(count))
            var nulls = 0
            for leaf in shape.leaves {
                let data = leaves[leaf]!
                let def = data.definitionLevels!
                let rep = data.repetitionLevels!
                let isFirst = leaf == first
                var out: [Int32] = []
                out.reserveCapacity(data.entryCount)
                if isFirst { offsets.append(Int64(0)) }
                let validBits = bits.typed(UInt8.self)
                for (k, s) in slots[leaf]!.enumerated() {
                    let s = Int(s)
                    let d = Int(def[s])
                    if d >= elementDefinedAt {
                        out.append(Int32(s))
                        var j = s + 1
                        while j < data.entryCount && Int(rep[j]) >= repetition {
                            if Int(rep[j]) == repetition { out.append(Int32(j)) }
                            j += 1
                        }
                    }
                    if isFirst {
                        offsets.append(Int64(out.count))
                        if d >= definedAt {
                            validBits[k >> 3] |= UInt8(1) << UInt8(k & 7)
                        } else {
                            nulls += 1
                        }
                    }
                }
                childSlots[leaf] = out
            }
            let child = try build(element, childSlots)
            return Column(
                type: field.type,
                count: count,
                nullCount: nulls,
                validity: nulls > 0 ? bits.finish() : nil,
                values: offsets.finish(),
                children: [child]
            )
        }
    }
}
