extension Column {
    /// One column holding the values of `columns` (all of the same type) in order.
    /// - Complexity: O(total values); flat types copy buffers, nested types go value by value.
    public static func concatenate(_ columns: [Column]) -> Column {
        precondition(!columns.isEmpty, "Column.concatenate needs at least one column")
        if columns.count == 1 { return columns[0] }
        let type = columns[0].type
        let total = columns.reduce(0) { $0 + $1.count }
        let nulls = columns.reduce(0) { $0 + $1.nullCount }
        var validity: Buffer? = nil
        if nulls > 0 {
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(total))
            var at = 0
            for c in columns {
                for i in 0..<c.count where c.isValid(i) { Bitmap.set(bits.pointer, at + i) }
                at += c.count
            }
            validity = bits.finish()
        }
        switch type {
        case .boolean:
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(total))
            var at = 0
            for c in columns {
                for i in 0..<c.count where c.bool(at: i) { Bitmap.set(bits.pointer, at + i) }
                at += c.count
            }
            return Column(type: type, count: total, nullCount: nulls, validity: validity, values: bits.finish())
        case .string, .binary:
            var offsets = MutableBuffer(capacity: (total + 1) * 8)
            var data = MutableBuffer(capacity: 0)
            offsets.append(Int64(0))
            for c in columns {
                let o = c.offsets
                guard c.count > 0 else { continue }
                let start = Int(o[0])
                let end = Int(o[c.count])
                let base = Int64(data.count) - Int64(start)
                data.append(UnsafeRawBufferPointer(start: c.data!.pointer + start, count: end - start))
                for i in 1...c.count { offsets.append(o[i] + base) }
            }
            return Column(type: type, count: total, nullCount: nulls, validity: validity, values: offsets.finish(), data: data.finish())
        default:
            if let width = type.fixedWidth {
                var values = MutableBuffer(capacity: total * width)
                for c in columns where c.count > 0 {
                    values.append(UnsafeRawBufferPointer(start: c.values!.pointer + c.offset * width, count: c.count * width))
                }
                return Column(type: type, count: total, nullCount: nulls, validity: validity, values: values.finish())
            }
            let builder = ColumnBuilder(type, capacity: total)
            for c in columns {
                for i in 0..<c.count { builder.append(c.value(at: i)) }
            }
            return builder.finish()
        }
    }
}
