import LagoaColumnar
import LagoaFunctions

/// Aggregates over window frames. `count`, `sum` and `avg` of numbers use prefix sums restarted
/// at each partition (O(1) per row whatever the frame); `min` and `max` keep a running extremum
/// when frames grow from the partition start (or toward its end) and scan the frame otherwise;
/// every other aggregate (and DISTINCT) runs the function's ``GroupedAccumulator`` with one group
/// per partition (whole-partition frames) or per row.
struct WindowAggregates {
    let evaluator: WindowEvaluator
    var layout: WindowLayout { evaluator.layout }
    var call: WindowExec.Call { evaluator.call }

    func evaluate() throws -> Column {
        let frame = try WindowFrameBounds(layout: layout, units: call.units, start: call.start, end: call.end)
        if !call.distinct {
            switch call.function {
            case "count", "count_star":
                if call.arguments.isEmpty { return counts(frame, valid: nil) }
                let values = try evaluator.sortedArgument(0)
                return counts(frame, valid: values)
            case "sum", "avg", "mean":
                let values = try evaluator.sortedArgument(0)
                if let column = try sumOrAverage(values, frame, average: call.function != "sum") { return column }
            case "min", "max":
                return try extremum(try evaluator.sortedArgument(0), frame, max: call.function == "max")
            default:
                break
            }
        }
        return try accumulated(frame)
    }

    /// Position of `x` in the per-partition prefix arrays (one extra slot per partition).
    @inline(__always)
    private func slot(_ x: Int, _ k: Int) -> Int { x + layout.partitionIndex[k] }

    private func prefixCounts(_ valid: Column?) -> [Int] {
        let n = layout.count
        var p = [Int](repeating: 0, count: n + layout.partitionCount)
        var k = 0
        while k < n {
            let ps = layout.partitionStart[k]
            let pe = layout.partitionEnd[k]
            let off = layout.partitionIndex[k]
            p[ps + off] = 0
            for x in ps..<pe { p[x + 1 + off] = p[x + off] + ((valid?.isValid(x) ?? true) ? 1 : 0) }
            k = pe
        }
        return p
    }

    private func counts(_ frame: WindowFrameBounds, valid: Column?) -> Column {
        let p = prefixCounts(valid)
        let out = MutableBufferColumn<Int64>(count: layout.count)
        for k in 0..<layout.count { out.values[k] = Int64(p[slot(frame.end[k], k)] - p[slot(frame.start[k], k)]) }
        return out.finish(.int64)
    }

    /// `sum`/`avg` of integers, decimals and floats; `nil` for other input types.
    private func sumOrAverage(_ values: Column, _ frame: WindowFrameBounds, average: Bool) throws -> Column? {
        let n = layout.count
        let counts = prefixCounts(values)
        let returnType = evaluator.returnType
        var inputScale = 0
        let exact: [Int128]?
        let floating: [Double]?
        switch values.type {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64, .decimal128:
            if case .decimal128(_, let s) = values.type { inputScale = s }
            exact = prefix(n, values) { x in WindowAggregates.int128(values, x) }
            floating = nil
        case .float32, .float64:
            exact = nil
            floating = prefix(n, values) { x in values.type == .float64 ? values.values(as: Double.self)[x] : Double(values.values(as: Float.self)[x]) }
        default:
            return nil
        }
        var valid = [Bool](repeating: true, count: n)
        func rows(_ k: Int) -> Int { counts[slot(frame.end[k], k)] - counts[slot(frame.start[k], k)] }
        switch returnType {
        case .float64:
            let out = MutableBufferColumn<Double>(count: n)
            for k in 0..<n {
                let c = rows(k)
                guard c > 0 else {
                    valid[k] = false
                    continue
                }
                let a = slot(frame.start[k], k)
                let b = slot(frame.end[k], k)
                var total: Double
                if let exact {
                    total = Double(exact[b] - exact[a])
                    if inputScale > 0 { total /= WindowAggregates.power(inputScale) }
                } else {
                    total = floating![b] - floating![a]
                }
                out.values[k] = average ? total / Double(c) : total
            }
            return out.finish(.float64, validity: valid)
        case .int64, .decimal128:
            guard let exact else { return nil }
            var outputScale = 0
            if case .decimal128(_, let s) = returnType { outputScale = s }
            guard outputScale >= inputScale else { return nil }
            let factor = Int128(WindowAggregates.power(outputScale - inputScale))
            if returnType == .int64 {
                let out = MutableBufferColumn<Int64>(count: n)
                for k in 0..<n {
                    let c = rows(k)
                    guard c > 0 else {
                        valid[k] = false
                        continue
                    }
                    var total = exact[slot(frame.end[k], k)] - exact[slot(frame.start[k], k)]
                    if average { total = WindowAggregates.divideRounded(total, Int128(c)) }
                    guard let v = Int64(exactly: total) else {
                        throw ExecutionError(.invalidData, "\(call.function) overflows int64 in a window (value \(total)); cast the argument to a decimal")
                    }
                    out.values[k] = v
                }
                return out.finish(.int64, validity: valid)
            }
            let out = MutableBufferColumn<Int128>(count: n)
            for k in 0..<n {
                let c = rows(k)
                guard c > 0 else {
                    valid[k] = false
                    continue
                }
                let total = (exact[slot(frame.end[k], k)] - exact[slot(frame.start[k], k)]) * factor
                out.values[k] = average ? WindowAggregates.divideRounded(total, Int128(c)) : total
            }
            return out.finish(returnType, validity: valid)
        default:
            return nil
        }
    }

    /// Per-partition running totals of `value(x)` over non-NULL rows (NULL counts as 0).
    private func prefix<T: AdditiveArithmetic>(_ n: Int, _ values: Column, _ value: (Int) -> T) -> [T] {
        var p = [T](repeating: .zero, count: n + layout.partitionCount)
        var k = 0
        while k < n {
            let ps = layout.partitionStart[k]
            let pe = layout.partitionEnd[k]
            let off = layout.partitionIndex[k]
            for x in ps..<pe {
                let valid = values.isValid(x)
                p[x + 1 + off] = valid ? p[x + off] + value(x) : p[x + off]
            }
            k = pe
        }
        return p
    }

    static func int128(_ c: Column, _ x: Int) -> Int128 {
        switch c.type {
        case .int8: Int128(c.values(as: Int8.self)[x])
        case .int16: Int128(c.values(as: Int16.self)[x])
        case .int32: Int128(c.values(as: Int32.self)[x])
        case .int64: Int128(c.values(as: Int64.self)[x])
        case .uint8: Int128(c.values(as: UInt8.self)[x])
        case .uint16: Int128(c.values(as: UInt16.self)[x])
        case .uint32: Int128(c.values(as: UInt32.self)[x])
        case .uint64: Int128(c.values(as: UInt64.self)[x])
        case .decimal128: c.values(as: Int128.self)[x]
        default: 0
        }
    }

    static func power(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }

    /// `a / b` rounded half away from zero.
    static func divideRounded(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b
        let r = a % b
        if (r < 0 ? -r : r) * 2 >= b { return a < 0 ? q - 1 : q + 1 }
        return q
    }

    /// `min`/`max` by choosing a row per frame with the sort-key order.
    private func extremum(_ values: Column, _ frame: WindowFrameBounds, max: Bool) throws -> Column {
        let key = SortKeyColumn(values, ascending: !max, nullsFirst: false)
        var best = [Int](repeating: -1, count: layout.count)
        func better(_ a: Int, than b: Int) -> Bool {
            b < 0 || SortKeyColumn.compare(key, a, key, b) < 0
        }
        var k = 0
        while k < layout.count {
            let pe = layout.partitionEnd[k]
            if frame.startsAtPartition {
                // Frames grow with k from the partition start: extend a running best.
                var reached = layout.partitionStart[k]
                var current = -1
                for j in k..<pe {
                    while reached < frame.end[j] {
                        if values.isValid(reached) && better(reached, than: current) { current = reached }
                        reached += 1
                    }
                    best[j] = current
                }
            } else if frame.endsAtPartition {
                var reached = pe - 1
                var current = -1
                for j in stride(from: pe - 1, through: k, by: -1) {
                    while reached >= frame.start[j] {
                        if values.isValid(reached) && better(reached, than: current) { current = reached }
                        reached -= 1
                    }
                    best[j] = current
                }
            } else {
                for j in k..<pe {
                    var current = -1
                    for x in frame.start[j]..<frame.end[j] where values.isValid(x) && better(x, than: current) { current = x }
                    best[j] = current
                }
            }
            k = pe
        }
        return WindowGather.take(values, best)
    }

    /// Any aggregate through its accumulator: one group per partition when every frame is the
    /// whole partition, else one group per row fed with its frame's rows.
    private func accumulated(_ frame: WindowFrameBounds) throws -> Column {
        guard let function = evaluator.context.functions.aggregate(call.function) else {
            throw ExecutionError(.unsupported, "aggregate \(call.function) is not available as a window function")
        }
        let accumulator = try function.makeAccumulator(call.signature, distinct: call.distinct)
        let arguments = try call.arguments.indices.map { try evaluator.sortedArgument($0) }
        let n = layout.count
        if frame.startsAtPartition && frame.endsAtPartition {
            let groups = layout.partitionIndex.map { Int32($0) }
            try groups.withUnsafeBufferPointer { try accumulator.update(groups: $0, groupCount: layout.partitionCount, arguments: arguments) }
            return try accumulator.finish().take(layout.partitionIndex)
        }
        // Per row: feed frame rows in chunks to bound memory.
        var groups: [Int32] = []
        var rows: [Int] = []
        func flush() throws {
            guard !rows.isEmpty else { return }
            let chunk = arguments.map { $0.take(rows) }
            try groups.withUnsafeBufferPointer { try accumulator.update(groups: $0, groupCount: n, arguments: chunk) }
            groups.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
        }
        for k in 0..<n {
            for x in frame.start[k]..<frame.end[k] {
                groups.append(Int32(k))
                rows.append(x)
            }
            if rows.count >= 65_536 { try flush() }
        }
        try flush()
        if n > 0 {
            // Make sure every group exists even when the last frames were empty.
            let empty = arguments.map { $0.slice(0, 0) }
            try [Int32]().withUnsafeBufferPointer { try accumulator.update(groups: $0, groupCount: n, arguments: empty) }
        }
        return try accumulator.finish()
    }
}
