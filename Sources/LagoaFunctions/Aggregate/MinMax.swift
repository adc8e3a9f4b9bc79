import LagoaColumnar

/// `min(x)` / `max(x)` over every orderable type; the result keeps the argument's type.
struct MinMaxFunction: AggregateFunction {
    let name: String
    let isMax: Bool

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count == 1, !argumentTypes[0].isNested else {
            throw FunctionError(.signature, "\(name) takes one argument of an orderable type, not (\(argumentTypes.map(\.description).joined(separator: ", ")))")
        }
        return FunctionSignature(argumentTypes: argumentTypes, returnType: argumentTypes[0])
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        let type = signature.argumentTypes[0]
        switch type {
        case .int8: return FixedMinMaxAccumulator<Int8>(type, isMax)
        case .int16: return FixedMinMaxAccumulator<Int16>(type, isMax)
        case .int32, .date32: return FixedMinMaxAccumulator<Int32>(type, isMax)
        case .int64, .timestamp, .time64: return FixedMinMaxAccumulator<Int64>(type, isMax)
        case .uint8: return FixedMinMaxAccumulator<UInt8>(type, isMax)
        case .uint16: return FixedMinMaxAccumulator<UInt16>(type, isMax)
        case .uint32: return FixedMinMaxAccumulator<UInt32>(type, isMax)
        case .uint64: return FixedMinMaxAccumulator<UInt64>(type, isMax)
        case .float32: return FixedMinMaxAccumulator<Float>(type, isMax)
        case .float64: return FixedMinMaxAccumulator<Double>(type, isMax)
        case .decimal128: return FixedMinMaxAccumulator<Int128>(type, isMax)
        default: return ValueMinMaxAccumulator(type, isMax)
        }
    }
}

/// Min or max of fixed-width values, with a per-group "seen" flag.
final class FixedMinMaxAccumulator<T: Comparable & BitwiseCopyable>: GroupedAccumulator {
    let type: DataType
    let isMax: Bool
    var best: [T] = []
    var seen: [Bool] = []

    init(_ type: DataType, _ isMax: Bool) {
        self.type = type
        self.isMax = isMax
    }

    private func grow(_ n: Int) {
        guard best.count < n else { return }
        let filler = best.first ?? unsafeBitCast(zeroOf: T.self)
        best.append(contentsOf: repeatElement(filler, count: n - best.count))
        seen.append(contentsOf: repeatElement(false, count: n - seen.count))
    }

    private func absorb(_ column: Column, _ groups: UnsafeBufferPointer<Int32>) {
        let values = column.values(as: T.self)
        let validity = Validity.of(column)
        let isMax = isMax
        withExtendedLifetime(validity) {
            best.withUnsafeMutableBufferPointer { b in
                seen.withUnsafeMutableBufferPointer { s in
                    for i in 0..<groups.count where Validity.get(validity, i) {
                        let g = Int(groups[i])
                        let v = values[i]
                        if !s[g] || (isMax ? v > b[g] : v < b[g]) {
                            b[g] = v
                            s[g] = true
                        }
                    }
                }
            }
        }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        absorb(arguments[0], groups)
    }

    func state() throws -> [Column] { [try finish()] }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        grow(groupCount)
        absorb(state[0], groups)
    }

    func finish() throws -> Column {
        let n = best.count
        let validity = Comparison.bits(n) { seen[$0] }
        return ColumnFactory.fixed(type, count: n, validity: validity, as: T.self) { p in p.update(from: best, count: n) }
    }

    var memoryBytes: Int { best.count * (MemoryLayout<T>.stride + 1) }
}

extension FixedMinMaxAccumulator {
    fileprivate func unsafeBitCast(zeroOf _: T.Type) -> T {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: MemoryLayout<T>.stride) { raw in
            raw.initialize(repeating: 0)
            return UnsafeRawPointer(raw.baseAddress!).loadUnaligned(as: T.self)
        }
    }
}

/// Min or max of strings (byte-wise), booleans and other types, value by value.
final class ValueMinMaxAccumulator: GroupedAccumulator {
    let type: DataType
    let isMax: Bool
    var best: [Value] = []

    init(_ type: DataType, _ isMax: Bool) {
        self.type = type
        self.isMax = isMax
    }

    private func absorb(_ column: Column, _ groups: UnsafeBufferPointer<Int32>) {
        let isString = column.type == .string || column.type == .binary
        for i in 0..<groups.count where column.isValid(i) {
            let g = Int(groups[i])
            if best[g].isNull {
                best[g] = column.value(at: i)
                continue
            }
            let better: Bool
            if isString {
                let current = best[g]
                let c: Int =
                    if case .string(var s) = current {
                        s.withUTF8 { Comparison.compareBytes(column.bytes(at: i), UnsafeRawBufferPointer($0)) }
                    } else if case .binary(let b) = current {
                        b.withUnsafeBytes { Comparison.compareBytes(column.bytes(at: i), $0) }
                    } else { 0 }
                better = isMax ? c > 0 : c < 0
            } else {
                better = ValueOrder.compare(column.value(at: i), best[g]).map { isMax ? $0 > 0 : $0 < 0 } ?? false
            }
            if better { best[g] = column.value(at: i) }
        }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        if best.count < groupCount { best.append(contentsOf: repeatElement(.null, count: groupCount - best.count)) }
        absorb(arguments[0], groups)
    }

    func state() throws -> [Column] { [try finish()] }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        if best.count < groupCount { best.append(contentsOf: repeatElement(.null, count: groupCount - best.count)) }
        absorb(state[0], groups)
    }

    func finish() throws -> Column { ColumnFactory.fromValues(best, type) }

    var memoryBytes: Int { best.count * 32 }
}
