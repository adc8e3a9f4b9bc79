extension Column {
    /// A new column holding the values at `indices` (relative to this slice), in that order.
    ///
    /// Fixed-width, boolean and string/binary columns are gathered with typed loops; nested columns
    /// go value by value through ``ColumnBuilder``.
    /// - Precondition: every index is in `0..<count`.
    /// - Complexity: O(indices.count) plus the bytes copied.
    public func take(_ indices: [Int]) -> Column {
        let n = indices.count
        var validityOut: Buffer?
        var nulls = 0
        if nullCount > 0 {
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(n))
            for (k, i) in indices.enumerated() {
                if isValid(i) {
                    Bitmap.set(bits.pointer, k)
                } else {
                    nulls += 1
                }
            }
            validityOut = bits.finish()
        }
        switch type {
        case .boolean:
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(n))
            for (k, i) in indices.enumerated() where bool(at: i) { Bitmap.set(bits.pointer, k) }
            return Column(type: type, count: n, nullCount: nulls, validity: validityOut, values: bits.finish())
        case .string, .binary:
            var offsetsOut = MutableBuffer(capacity: (n + 1) * 8)
            var dataOut = MutableBuffer(capacity: 0)
            offsetsOut.append(Int64(0))
            for i in indices {
                dataOut.append(bytes(at: i))
                offsetsOut.append(Int64(dataOut.count))
            }
            return Column(type: type, count: n, nullCount: nulls, validity: validityOut, values: offsetsOut.finish(), data: dataOut.finish())
        default:
            if let width = type.fixedWidth {
                var out = MutableBuffer(capacity: max(n * width, 1))
                let base = values!.pointer + offset * width
                for i in indices {
                    out.append(UnsafeRawBufferPointer(start: base + i * width, count: width))
                }
                return Column(type: type, count: n, nullCount: nulls, validity: validityOut, values: out.finish())
            }
            let builder = ColumnBuilder(type, capacity: n)
            for i in indices { builder.append(value(at: i)) }
            return builder.finish()
        }
    }
}

extension RecordBatch {
    /// A batch of the rows at `indices`, in that order.
    public func take(_ indices: [Int]) -> RecordBatch {
        RecordBatch(schema: schema, columns: columns.map { $0.take(indices) }, rowCount: indices.count)
    }
}
