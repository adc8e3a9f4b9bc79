import LagoaColumnar

/// `count(*)` (no arguments) and `count(x)` (non-NULL values): int64, 0 for empty groups.
struct CountFunction: AggregateFunction {
    let name = "count"

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        guard argumentTypes.count <= 1 else {
            throw FunctionError(.signature, "count takes zero arguments (count(*)) or one, not \(argumentTypes.count)")
        }
        return FunctionSignature(argumentTypes: argumentTypes, returnType: .int64)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        if distinct && !signature.argumentTypes.isEmpty {
            return DistinctAccumulator(inner: CountAccumulator(), signature: signature)
        }
        return CountAccumulator()
    }
}

/// Counts rows (no argument) or non-NULL values per group.
final class CountAccumulator: GroupedAccumulator {
    var counts = GroupedArray<Int64>(0)

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        counts.grow(to: groupCount)
        let validity = arguments.first.flatMap { Validity.of($0) }
        let bits = Validity.bytes(validity)
        withExtendedLifetime(validity) {
            counts.withPointer { c in
                for i in 0..<groups.count { c[Int(groups[i])] &+= validBit(bits, i) }
            }
        }
    }

    func state() throws -> [Column] {
        [ColumnFactory.fixed(.int64, count: counts.count, validity: nil) { p in p.update(from: counts.values, count: counts.count) }]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        counts.grow(to: groupCount)
        let other = state[0].values(as: Int64.self)
        counts.withPointer { c in
            for i in 0..<groups.count { c[Int(groups[i])] &+= other[i] }
        }
    }

    func finish() throws -> Column { try state()[0] }

    var memoryBytes: Int { counts.count * 8 }
}
