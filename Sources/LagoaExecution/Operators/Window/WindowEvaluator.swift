import LagoaColumnar
import LagoaFunctions

/// Computes one window call over a ``WindowLayout``; the result is in sorted order.
struct WindowEvaluator {
    let layout: WindowLayout
    let call: WindowExec.Call
    let batch: RecordBatch
    let context: TaskContext

    var returnType: DataType { call.output.type }

    func evaluate() throws -> Column {
        let column = try compute()
        guard column.type != returnType else { return column }
        // The bound return type differs from what the kernel made (e.g. int32 ranks): convert.
        let builder = ColumnBuilder(returnType, capacity: column.count)
        for i in 0..<column.count { builder.append(column.value(at: i)) }
        return builder.finish()
    }

    private func compute() throws -> Column {
        if call.isAggregate { return try WindowAggregates(evaluator: self).evaluate() }
        let n = layout.count
        switch call.function {
        case "row_number":
            return int64 { k in Int64(k - layout.partitionStart[k] + 1) }
        case "rank":
            return int64 { k in Int64(layout.peerStart[k] - layout.partitionStart[k] + 1) }
        case "dense_rank":
            return int64 { k in Int64(layout.peerGroup[k] + 1) }
        case "percent_rank":
            return double { k in
                let size = layout.partitionEnd[k] - layout.partitionStart[k]
                return size <= 1 ? 0 : Double(layout.peerStart[k] - layout.partitionStart[k]) / Double(size - 1)
            }
        case "cume_dist":
            return double { k in
                Double(layout.peerEnd[k] - layout.partitionStart[k]) / Double(layout.partitionEnd[k] - layout.partitionStart[k])
            }
        case "ntile":
            let buckets = try constantInt(argument: 0, name: "ntile")
            guard buckets > 0 else { throw ExecutionError(.invalidData, "ntile needs a positive number of buckets, got \(buckets)") }
            return int64 { k in
                let size = layout.partitionEnd[k] - layout.partitionStart[k]
                let i = k - layout.partitionStart[k]
                let q = size / buckets
                let r = size % buckets
                let bucket = i < r * (q + 1) ? i / (q + 1) : r + (q == 0 ? 0 : (i - r * (q + 1)) / q)
                return Int64(bucket + 1)
            }
        case "lag", "lead":
            return try offsetValue(lead: call.function == "lead")
        case "first_value", "last_value", "nth_value":
            return try frameValue()
        default:
            _ = n
            throw ExecutionError(.unsupported, "window function \(call.function) is not supported; use row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value, last_value, nth_value or an aggregate")
        }
    }

    // MARK: Helpers

    /// Argument `i` evaluated over the input, in sorted order.
    func sortedArgument(_ i: Int) throws -> Column {
        try call.arguments[i].evaluateColumn(batch).take(layout.permutation)
    }

    /// Argument `i` as a constant integer (ntile buckets, lag offset, nth_value index).
    func constantInt(argument i: Int, name: String) throws -> Int {
        let column = try call.arguments[i].evaluateColumn(RecordBatch(schema: batch.schema, columns: batch.columns.map { $0.slice(0, min(1, $0.count)) }, rowCount: min(1, batch.rowCount)))
        guard column.count > 0 else { return 1 }
        switch column.value(at: 0) {
        case .int(let v): return Int(clamping: v)
        case .uint(let v): return Int(clamping: v)
        case .decimal(let v, 0): return Int(clamping: v)
        default: throw ExecutionError(.invalidData, "\(name) needs a constant integer argument \(i + 1)")
        }
    }

    private func int64(_ f: (Int) -> Int64) -> Column {
        let builder = MutableBufferColumn<Int64>(count: layout.count)
        for k in 0..<layout.count { builder.values[k] = f(k) }
        return builder.finish(.int64)
    }

    private func double(_ f: (Int) -> Double) -> Column {
        let builder = MutableBufferColumn<Double>(count: layout.count)
        for k in 0..<layout.count { builder.values[k] = f(k) }
        return builder.finish(.float64)
    }

    /// `lag(x, offset, default)` / `lead(…)`.
    private func offsetValue(lead: Bool) throws -> Column {
        let values = try sortedArgument(0)
        let offset = call.arguments.count > 1 ? try constantInt(argument: 1, name: call.function) : 1
        let step = lead ? offset : -offset
        var indices = [Int](repeating: -1, count: layout.count)
        for k in 0..<layout.count {
            if call.ignoreNulls && offset != 0 {
                var j = k
                var left = offset
                while left > 0 {
                    j += lead ? 1 : -1
                    if j < layout.partitionStart[k] || j >= layout.partitionEnd[k] { break }
                    if values.isValid(j) { left -= 1 }
                }
                if left == 0 { indices[k] = j }
            } else {
                let j = k + step
                if j >= layout.partitionStart[k] && j < layout.partitionEnd[k] { indices[k] = j }
            }
        }
        if call.arguments.count > 2 {
            // A default: rows without a target take the default of their own row.
            let defaults = try sortedArgument(2)
            let both = Column.concatenate([values, defaults])
            return both.take(indices.enumerated().map { $1 >= 0 ? $1 : layout.count + $0 })
        }
        return WindowGather.take(values, indices)
    }

    /// `first_value`, `last_value`, `nth_value` over the frame.
    private func frameValue() throws -> Column {
        let values = try sortedArgument(0)
        let frame = try WindowFrameBounds(layout: layout, units: call.units, start: call.start, end: call.end)
        let nth = call.function == "nth_value" ? try constantInt(argument: 1, name: "nth_value") : 1
        guard nth >= 1 else { throw ExecutionError(.invalidData, "nth_value needs a position of at least 1, got \(nth)") }
        var indices = [Int](repeating: -1, count: layout.count)
        for k in 0..<layout.count {
            let s = frame.start[k]
            let e = frame.end[k]
            guard s < e else { continue }
            if call.ignoreNulls {
                if call.function == "last_value" {
                    var j = e - 1
                    while j >= s && !values.isValid(j) { j -= 1 }
                    if j >= s { indices[k] = j }
                } else {
                    var seen = 0
                    for j in s..<e where values.isValid(j) {
                        seen += 1
                        if seen == nth {
                            indices[k] = j
                            break
                        }
                    }
                }
            } else {
                switch call.function {
                case "last_value": indices[k] = e - 1
                default: if s + nth - 1 < e { indices[k] = s + nth - 1 }
                }
            }
        }
        return WindowGather.take(values, indices)
    }
}

/// Gathers with "no row" indices (-1) becoming NULL.
enum WindowGather {
    static func take(_ column: Column, _ indices: [Int]) -> Column {
        guard indices.contains(where: { $0 < 0 }) else { return column.take(indices) }
        let taken = column.take(indices.map { max($0, 0) })
        guard column.count > 0 else { return ColumnExpansion.repeating(.null, type: column.type, count: indices.count) }
        let bits = MutableBuffer(zeroed: Bitmap.byteCount(indices.count))
        var nulls = 0
        for (k, i) in indices.enumerated() {
            if i >= 0 && taken.isValid(k) {
                Bitmap.set(bits.pointer, k)
            } else {
                nulls += 1
            }
        }
        if column.type.isNested {
            let builder = ColumnBuilder(column.type, capacity: indices.count)
            for (k, i) in indices.enumerated() { builder.append(i >= 0 ? taken.value(at: k) : .null) }
            return builder.finish()
        }
        return Column(type: taken.type, count: taken.count, offset: taken.offset, nullCount: nulls, validity: bits.finish(), values: taken.values, data: taken.data, children: taken.children)
    }
}

/// A fixed-width column written in place.
final class MutableBufferColumn<T: BitwiseCopyable> {
    let values: UnsafeMutableBufferPointer<T>
    private var storage: MutableBuffer

    init(count: Int) {
        storage = MutableBuffer(zeroed: max(count, 1) * MemoryLayout<T>.stride)
        storage.count = count * MemoryLayout<T>.stride
        values = UnsafeMutableBufferPointer(start: storage.typed(T.self), count: count)
    }

    /// The column, all valid (or with `validity` when given).
    func finish(_ type: DataType, validity: [Bool]? = nil) -> Column {
        var other = MutableBuffer(capacity: 0)
        swap(&other, &storage)
        let count = values.count
        var validityBuffer: Buffer?
        var nulls = 0
        if let validity, validity.contains(false) {
            let bits = MutableBuffer(zeroed: Bitmap.byteCount(count))
            for (i, v) in validity.enumerated() {
                if v { Bitmap.set(bits.pointer, i) } else { nulls += 1 }
            }
            validityBuffer = bits.finish()
        }
        return Column(type: type, count: count, nullCount: nulls, validity: validityBuffer, values: other.finish(), data: nil)
    }
}
