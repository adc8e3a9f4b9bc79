public import LagoaColumnar

/// Gathers rows by `Int32` index vectors (selection vectors, join pairs) with typed loops.
/// A negative index produces a NULL (the unmatched side of an outer join).
public enum Gather {
    /// The values of `column` at `indices`, in that order; negative indices give NULL.
    /// - Complexity: O(indices.count) plus the bytes copied.
    public static func column(_ column: Column, _ indices: UnsafeBufferPointer<Int32>) -> Column {
        let n = indices.count
        var hasNegative = false
        for i in indices where i < 0 {
            hasNegative = true
            break
        }
        // Validity.
        var validity: Buffer? = nil
        var nulls = 0
        if column.nullCount > 0 || hasNegative {
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(n) + 8)
            for (k, i) in indices.enumerated() {
                if i >= 0 && column.isValid(Int(i)) {
                    Bitmap.set(bits.pointer, k)
                } else {
                    nulls += 1
                }
            }
            validity = bits.finish()
        }
        if nulls == 0 { validity = nil }
        switch column.type {
        case .boolean:
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(n) + 8)
            if let values = column.values {
                for (k, i) in indices.enumerated() where i >= 0 && Bitmap.get(values.pointer, column.offset + Int(i)) {
                    Bitmap.set(bits.pointer, k)
                }
            }
            return Column(type: .boolean, count: n, nullCount: nulls, validity: validity, values: bits.finish())
        case .string, .binary:
            var offsets = MutableBuffer(capacity: (n + 1) * 8)
            offsets.count = (n + 1) * 8
            let op = offsets.typed(Int64.self)
            let src = column.offsets
            var total = 0
            op[0] = 0
            for (k, i) in indices.enumerated() {
                if i >= 0 { total += Int(src[Int(i) + 1] - src[Int(i)]) }
                op[k + 1] = Int64(total)
            }
            var data = MutableBuffer(capacity: total)
            if let srcData = column.data {
                var at = 0
                for i in indices where i >= 0 {
                    let start = Int(src[Int(i)])
                    let len = Int(src[Int(i) + 1]) - start
                    (data.pointer + at).copyMemory(from: srcData.pointer + start, byteCount: len)
                    at += len
                }
            }
            data.count = total
            return Column(type: column.type, count: n, nullCount: nulls, validity: validity, values: offsets.finish(), data: data.finish())
        default:
            guard let width = column.type.fixedWidth else {
                let builder = ColumnBuilder(column.type, capacity: n)
                for i in indices { builder.append(i >= 0 ? column.value(at: Int(i)) : .null) }
                return builder.finish()
            }
            let values: Buffer
            switch width {
            case 1: values = gatherFixed(column, indices, UInt8.self)
            case 2: values = gatherFixed(column, indices, UInt16.self)
            case 4: values = gatherFixed(column, indices, UInt32.self)
            case 8: values = gatherFixed(column, indices, UInt64.self)
            case 16: values = gatherFixed(column, indices, Int128.self)
            default:
                var out = MutableBuffer(zeroed: max(n * width, 1))
                if let src = column.values {
                    for (k, i) in indices.enumerated() where i >= 0 {
                        (out.pointer + k * width).copyMemory(from: src.pointer + (column.offset + Int(i)) * width, byteCount: width)
                    }
                }
                out.count = n * width
                values = out.finish()
            }
            return Column(type: column.type, count: n, nullCount: nulls, validity: validity, values: values)
        }
    }

    private static func gatherFixed<T: BitwiseCopyable>(_ column: Column, _ indices: UnsafeBufferPointer<Int32>, _: T.Type) -> Buffer {
        let n = indices.count
        var out = MutableBuffer(zeroed: max(n, 1) * MemoryLayout<T>.stride)
        let dst = out.typed(T.self)
        let src = column.values(as: T.self)
        if let base = src.baseAddress {
            for k in 0..<n {
                // Negative indices read slot 0 (any valid memory) and are masked NULL by validity.
                let i = Int(indices[k])
                dst[k] = base[i < 0 ? 0 : i]
            }
        }
        out.count = n * MemoryLayout<T>.stride
        return out.finish()
    }

    /// The rows of `batch` at `indices`, in that order.
    public static func batch(_ batch: RecordBatch, _ indices: UnsafeBufferPointer<Int32>) -> RecordBatch {
        RecordBatch(schema: batch.schema, columns: batch.columns.map { column($0, indices) }, rowCount: indices.count)
    }

    /// The rows of `batch` at `indices`.
    public static func batch(_ batch: RecordBatch, _ indices: [Int32]) -> RecordBatch {
        indices.withUnsafeBufferPointer { Gather.batch(batch, $0) }
    }

    /// The values of `column` at `indices`.
    public static func column(_ column: Column, _ indices: [Int32]) -> Column {
        indices.withUnsafeBufferPointer { Gather.column(column, $0) }
    }
}
