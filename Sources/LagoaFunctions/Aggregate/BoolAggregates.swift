#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LagoaColumnar

/// `bool_and(x)` / `bool_or(x)`: NULL for groups without a non-NULL value.
struct BoolAggregateFunction: AggregateFunction {
    let name: String
    let isAnd: Bool

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes == [.boolean] else {
            throw FunctionError(.signature, "\(name) takes one boolean argument, not (\(argumentTypes.map(\.description).joined(separator: ", ")))")
        }
        return FunctionSignature(argumentTypes: [.boolean], returnType: .boolean)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        BoolAccumulator(isAnd: isAnd)
    }
}

final class BoolAccumulator: GroupedAccumulator {
    let isAnd: Bool
    var results: [Bool] = []
    var seen: [Bool] = []

    init(isAnd: Bool) { self.isAnd = isAnd }

    private func absorb(_ column: Column, _ groups: UnsafeBufferPointer<Int32>, _ groupCount: Int) {
        if results.count < groupCount {
            results.append(contentsOf: repeatElement(isAnd, count: groupCount - results.count))
            seen.append(contentsOf: repeatElement(false, count: groupCount - seen.count))
        }
        for i in 0..<groups.count where column.isValid(i) {
            let g = Int(groups[i])
            let b = column.bool(at: i)
            results[g] = isAnd ? results[g] && b : results[g] || b
            seen[g] = true
        }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        absorb(arguments[0], groups, groupCount)
    }

    func state() throws -> [Column] { [try finish()] }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        absorb(state[0], groups, groupCount)
    }

    func finish() throws -> Column {
        let n = results.count
        return ColumnFactory.boolean(values: Comparison.bits(n) { results[$0] }, validity: Comparison.bits(n) { seen[$0] }, count: n)
    }

    var memoryBytes: Int { results.count * 2 }
}

/// `approx_count_distinct(x)`: HyperLogLog with 2^12 one-byte registers per group (standard error
/// about 1.6%), hashing each value's bytes.
struct ApproxCountDistinctFunction: AggregateFunction {
    let name = "approx_count_distinct"

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count == 1 else { throw FunctionError(.signature, "approx_count_distinct takes one argument, not \(argumentTypes.count)") }
        return FunctionSignature(argumentTypes: argumentTypes, returnType: .int64)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        HyperLogLogAccumulator()
    }
}

final class HyperLogLogAccumulator: GroupedAccumulator {
    static let bits = 12
    static let registerCount = 1 << bits
    var registers: [UInt8] = []
    var groupCount = 0

    private func grow(_ n: Int) {
        if n > groupCount {
            registers.append(contentsOf: repeatElement(0, count: (n - groupCount) * Self.registerCount))
            groupCount = n
        }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        let column = arguments[0]
        let width = column.type.fixedWidth
        for i in 0..<groups.count where column.isValid(i) {
            let hash: UInt64
            if let width, column.type != .boolean, let values = column.values {
                hash = Hashing.hash(UnsafeRawBufferPointer(start: values.pointer + (column.offset + i) * width, count: width))
            } else if column.type.isVariableBinary {
                hash = Hashing.hash(column.bytes(at: i))
            } else {
                var text = column.value(at: i).description
                hash = text.withUTF8 { Hashing.hash(UnsafeRawBufferPointer($0)) }
            }
            let index = Int(hash >> UInt64(64 - Self.bits))
            let rank = UInt8(min((hash << UInt64(Self.bits)).leadingZeroBitCount, 64 - Self.bits) + 1)
            let slot = Int(groups[i]) * Self.registerCount + index
            if rank > registers[slot] { registers[slot] = rank }
        }
    }

    func state() throws -> [Column] {
        let builder = ColumnBuilder(.binary, capacity: groupCount)
        registers.withUnsafeBytes { raw in
            for g in 0..<groupCount {
                builder.appendBytes(UnsafeRawBufferPointer(rebasing: raw[(g * Self.registerCount)..<((g + 1) * Self.registerCount)]))
            }
        }
        return [builder.finish()]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        grow(groupCount)
        for i in 0..<groups.count {
            let other = state[0].bytes(at: i)
            let base = Int(groups[i]) * Self.registerCount
            for r in 0..<min(other.count, Self.registerCount) where other[r] > registers[base + r] {
                registers[base + r] = other[r]
            }
        }
    }

    func finish() throws -> Column {
        let m = Double(Self.registerCount)
        let alpha = 0.7213 / (1 + 1.079 / m)
        var estimates: [Int64] = []
        for g in 0..<groupCount {
            var sum = 0.0
            var zeros = 0
            for r in 0..<Self.registerCount {
                let v = registers[g * Self.registerCount + r]
                sum += 1 / Double(UInt64(1) << UInt64(v))
                if v == 0 { zeros += 1 }
            }
            var estimate = alpha * m * m / sum
            if estimate <= 2.5 * m && zeros > 0 { estimate = m * log(m / Double(zeros)) }
            estimates.append(Int64(estimate.rounded()))
        }
        return ColumnFactory.fixed(.int64, count: groupCount, validity: nil) { p in p.update(from: estimates, count: groupCount) }
    }

    var memoryBytes: Int { registers.count }
}

/// A fast 64-bit hash of bytes (FNV-1a over 8-byte words, then a murmur finaliser).
enum Hashing {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3
            i += 1
        }
        h ^= UInt64(bytes.count)
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
