import LagoaColumnar

/// Converts columns to the exact columnar type a table (or a read schema) expects: relabelling
/// nested fields with the target's names and ids, widening integers and floats, and rescaling time
/// units. Buffers are shared whenever the bytes do not change.
enum ColumnConversion {
    /// Converts `column` to `target`, or explains why it cannot.
    /// - Parameter name: the column's dotted name, for messages.
    static func convert(_ column: Column, to target: DataType, name: String) throws(IcebergError) -> Column {
        if column.type == target { return column }
        switch (column.type, target) {
        case (.struct(let from), .struct(let to)) where from.count == to.count:
            var children: [Column] = []
            for (k, (child, field)) in zip(column.children, to).enumerated() {
                children.append(try convert(child, to: field.type, name: name + "." + (k < from.count ? from[k].name : field.name)))
            }
            return rebuilt(column, type: target, children: children)
        case (.list(let from), .list(let to)):
            let child = try convert(column.children[0], to: to.type, name: name + "." + from.name)
            return rebuilt(column, type: target, children: [child])
        case (.map(let fk, let fv, _), .map(let tk, let tv, _)):
            let entries = column.children[0]
            let keys = try convert(entries.children[0], to: tk.type, name: name + "." + fk.name)
            let values = try convert(entries.children[1], to: tv.type, name: name + "." + fv.name)
            let entryType = DataType.struct([tk, tv])
            return rebuilt(column, type: target, children: [rebuilt(entries, type: entryType, children: [keys, values])])
        case (.decimal128(let p1, let s1), .decimal128(let p2, let s2)) where s1 == s2 && p2 >= p1:
            return rebuilt(column, type: target, children: [])
        case (.timestamp(let u1, let z1), .timestamp(let u2, let z2)) where z1 == nil || z2 != nil:
            return rescaled(column, from: u1, to: u2, target: target)
        case (.time64(let u1), .time64(let u2)):
            return rescaled(column, from: u1, to: u2, target: target)
        case (.fixedSizeBinary(let a), .fixedSizeBinary(let b)) where a == b:
            return rebuilt(column, type: target, children: [])
        case (.float32, .float64):
            return mapped(column, Float.self, target) { Double($0) as Double }
        case (.int8, .float64), (.int16, .float64), (.int32, .float64), (.int64, .float64),
            (.uint8, .float64), (.uint16, .float64), (.uint32, .float64):
            // Whole numbers inferred from text files into a double column (exact below 2^53).
            return try integersAsDoubles(column, target, name: name)
        case (.int8, .decimal128(_, let scale)), (.int16, .decimal128(_, let scale)), (.int32, .decimal128(_, let scale)),
            (.int64, .decimal128(_, let scale)):
            return try integersAsDecimals(column, target, scale: scale, name: name)
        case (_, .int32), (_, .int64):
            if let widened = widenedInteger(column, target) { return widened }
        default:
            break
        }
        throw IcebergError(
            .validation,
            "column '\(name)' has type \(column.type), which cannot be written to a \(target) column"
        )
    }

    private static func integer(_ column: Column, _ i: Int) -> Int64 {
        switch column.type {
        case .int8: Int64(column.values(as: Int8.self)[i])
        case .int16: Int64(column.values(as: Int16.self)[i])
        case .int32: Int64(column.values(as: Int32.self)[i])
        case .uint8: Int64(column.values(as: UInt8.self)[i])
        case .uint16: Int64(column.values(as: UInt16.self)[i])
        case .uint32: Int64(column.values(as: UInt32.self)[i])
        default: column.values(as: Int64.self)[i]
        }
    }

    private static func integersAsDoubles(_ column: Column, _ target: DataType, name: String) throws(IcebergError) -> Column {
        var out = [Double](repeating: 0, count: column.count)
        for i in 0..<column.count where column.isValid(i) {
            let v = integer(column, i)
            guard v.magnitude <= 1 << 53 else {
                throw IcebergError(.validation, "column '\(name)': \(v) cannot be stored exactly in a double column")
            }
            out[i] = Double(v)
        }
        return Column(type: target, count: column.count, nullCount: column.nullCount, validity: rebasedValidity(column), values: Buffer(out))
    }

    private static func integersAsDecimals(_ column: Column, _ target: DataType, scale: Int, name: String) throws(IcebergError) -> Column {
        guard case .decimal128(let precision, _) = target else { return column }
        var factor: Int128 = 1
        for _ in 0..<scale { factor *= 10 }
        var limit: Int128 = 1
        for _ in 0..<precision { limit *= 10 }
        var out = [Int128](repeating: 0, count: column.count)
        for i in 0..<column.count where column.isValid(i) {
            let v = Int128(integer(column, i)) * factor
            guard v.magnitude < limit.magnitude else {
                throw IcebergError(.validation, "column '\(name)': \(integer(column, i)) does not fit \(target)")
            }
            out[i] = v
        }
        return Column(type: target, count: column.count, nullCount: column.nullCount, validity: rebasedValidity(column), values: Buffer(out))
    }

    /// The validity bitmap of `column`'s slice, starting at bit 0.
    static func rebasedValidity(_ column: Column) -> Buffer? {
        guard column.nullCount > 0, let validity = column.validity else { return nil }
        if column.offset == 0 { return validity }
        let bits = MutableBuffer(zeroed: Bitmap.byteCount(column.count))
        for i in 0..<column.count where Bitmap.get(validity.pointer, column.offset + i) {
            Bitmap.set(bits.pointer, i)
        }
        return bits.finish()
    }

    /// A column of `count` nulls of any type.
    static func nulls(_ type: DataType, count: Int) -> Column {
        let validity = Buffer([UInt8](repeating: 0, count: (count + 7) / 8))
        switch type {
        case .string, .binary, .list, .map:
            let offsets = Buffer([Int64](repeating: 0, count: count + 1))
            var children: [Column] = []
            if case .list(let element) = type { children = [nulls(element.type, count: 0)] }
            if case .map(let k, let v, _) = type {
                children = [Column(type: .struct([k, v]), count: 0, children: [nulls(k.type, count: 0), nulls(v.type, count: 0)])]
            }
            return Column(type: type, count: count, nullCount: count, validity: validity, values: offsets, data: type == .string || type == .binary ? .empty : nil, children: children)
        case .struct(let fields):
            return Column(type: type, count: count, nullCount: count, validity: validity, children: fields.map { nulls($0.type, count: count) })
        case .boolean:
            return Column(type: type, count: count, nullCount: count, validity: validity, values: validity)
        default:
            let width = type.fixedWidth ?? 8
            return Column(type: type, count: count, nullCount: count, validity: validity, values: Buffer([UInt8](repeating: 0, count: max(width * count, 1))))
        }
    }

    private static func rebuilt(_ column: Column, type: DataType, children: [Column]) -> Column {
        Column(
            type: type,
            count: column.count,
            offset: column.offset,
            nullCount: column.nullCount,
            validity: column.validity,
            values: column.values,
            data: column.data,
            children: children
        )
    }

    private static func mapped<S: BitwiseCopyable, T: BitwiseCopyable>(
        _ column: Column, _: S.Type, _ target: DataType, _ transform: (S) -> T
    ) -> Column {
        let total = column.offset + column.count
        let source = column.values!.pointer.assumingMemoryBound(to: S.self)
        var out = [T]()
        out.reserveCapacity(total)
        for i in 0..<total { out.append(transform(source[i])) }
        return Column(
            type: target,
            count: column.count,
            offset: column.offset,
            nullCount: column.nullCount,
            validity: column.validity,
            values: Buffer(out)
        )
    }

    private static func widenedInteger(_ column: Column, _ target: DataType) -> Column? {
        func to<S: BinaryInteger & BitwiseCopyable>(_ s: S.Type) -> Column {
            target == .int32
                ? mapped(column, S.self, target) { Int32(truncatingIfNeeded: $0) }
                : mapped(column, S.self, target) { Int64(truncatingIfNeeded: $0) }
        }
        switch (column.type, target) {
        case (.int8, _): return to(Int8.self)
        case (.int16, _): return to(Int16.self)
        case (.uint8, _): return to(UInt8.self)
        case (.uint16, _): return to(UInt16.self)
        case (.int32, .int64): return to(Int32.self)
        case (.uint32, .int64): return to(UInt32.self)
        default: return nil
        }
    }

    private static func rescaled(_ column: Column, from: TimeUnit, to: TimeUnit, target: DataType) -> Column {
        if from == to { return rebuilt(column, type: target, children: []) }
        if from.perSecond < to.perSecond {
            let factor = to.perSecond / from.perSecond
            return mapped(column, Int64.self, target) { $0 &* factor }
        }
        let divisor = from.perSecond / to.perSecond
        return mapped(column, Int64.self, target) { floorDiv($0, divisor) }
    }
}
