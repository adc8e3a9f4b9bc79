import LagoaColumnar
import LagoaFunctions

/// Minimal `count`/`sum` aggregates over int64 so operator tests do not depend on the
/// functions target's progress; the registry also keeps every built-in.
enum TestFunctions {
    static let registry: FunctionRegistry = {
        var registry = FunctionRegistry.builtins
        if registry.aggregate("test_sum") == nil { registry.register(TestAggregate(name: "test_sum", isCount: false)) }
        if registry.aggregate("test_count") == nil { registry.register(TestAggregate(name: "test_count", isCount: true)) }
        return registry
    }()
}

struct TestAggregate: AggregateFunction {
    let name: String
    let isCount: Bool

    func bind(_ argumentTypes: [DataType], distinct: Bool) throws -> FunctionSignature {
        FunctionSignature(argumentTypes: argumentTypes, returnType: .int64)
    }

    func makeAccumulator(_ signature: FunctionSignature, distinct: Bool) throws -> any GroupedAccumulator {
        TestAccumulator(isCount: isCount)
    }
}

/// Sum (NULL when no value) or count of non-NULL values per group, int64.
final class TestAccumulator: GroupedAccumulator {
    let isCount: Bool
    var sums: [Int64] = []
    var counts: [Int64] = []

    init(isCount: Bool) { self.isCount = isCount }

    private func grow(_ groupCount: Int) {
        if sums.count < groupCount {
            sums += [Int64](repeating: 0, count: groupCount - sums.count)
            counts += [Int64](repeating: 0, count: groupCount - counts.count)
        }
    }

    func update(groups: UnsafeBufferPointer<Int32>, groupCount: Int, arguments: [Column]) throws {
        grow(groupCount)
        for (i, g) in groups.enumerated() {
            guard let column = arguments.first else {
                counts[Int(g)] += 1
                continue
            }
            guard column.isValid(i) else { continue }
            counts[Int(g)] += 1
            if case .int(let v) = column.value(at: i) { sums[Int(g)] += v }
        }
    }

    func state() throws -> [Column] {
        let s = ColumnBuilder(.int64)
        let c = ColumnBuilder(.int64)
        for g in sums.indices {
            s.append(.int(sums[g]))
            c.append(.int(counts[g]))
        }
        return [s.finish(), c.finish()]
    }

    func merge(state: [Column], groups: UnsafeBufferPointer<Int32>, groupCount: Int) throws {
        grow(groupCount)
        for (i, g) in groups.enumerated() {
            if case .int(let v) = state[0].value(at: i) { sums[Int(g)] += v }
            if case .int(let v) = state[1].value(at: i) { counts[Int(g)] += v }
        }
    }

    func finish() throws -> Column {
        let out = ColumnBuilder(.int64)
        for g in sums.indices {
            if isCount {
                out.append(.int(counts[g]))
            } else {
                out.append(counts[g] == 0 ? .null : .int(sums[g]))
            }
        }
        return out.finish()
    }

    var memoryBytes: Int { sums.count * 16 }
}
