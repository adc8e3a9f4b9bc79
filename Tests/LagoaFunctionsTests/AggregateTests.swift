import LagoaColumnar
import Testing
@testable import LagoaFunctions

@Suite struct AggregateTests {
    let groups: [Int32] = [0, 1, 0, 1, 0]

    @Test func countStarAndCountValue() throws {
        let values = T.column([.int(1), .null, .int(3), .null, .null], .int64)
        #expect(try T.aggregate("count", [], groups: groups, groupCount: 3) == [.int(3), .int(2), .int(0)])
        #expect(try T.aggregate("count", [values], groups: groups, groupCount: 2) == [.int(2), .int(0)])
    }

    @Test func sumAndAvgTypes() throws {
        let sum = try require(FunctionRegistry.builtins.aggregate("sum"))
        #expect(try sum.bind([.int32], distinct: false).returnType == .int64)
        #expect(try sum.bind([.decimal128(precision: 15, scale: 2)], distinct: false).returnType == .decimal128(precision: 38, scale: 2))
        #expect(try sum.bind([.float64], distinct: false).returnType == .float64)
        let avg = try require(FunctionRegistry.builtins.aggregate("avg"))
        #expect(try avg.bind([.decimal128(precision: 15, scale: 2)], distinct: false).returnType == .float64)
    }

    @Test func sumIsExactForDecimalsAndNullForEmptyGroups() throws {
        let values = T.column([.decimal(10, scale: 2), .null, .decimal(20, scale: 2), .null, .decimal(-5, scale: 2)], .decimal128(precision: 15, scale: 2))
        #expect(try T.aggregate("sum", [values], groups: groups, groupCount: 2) == [.decimal(25, scale: 2), .null])
        #expect(try T.aggregate("avg", [values], groups: groups, groupCount: 2) == [.double(0.25 / 3), .null])
    }

    @Test func integerSumOverflowIsAnError() {
        let values = T.column([.int(Int64.max), .int(1)], .int64)
        let error = #expect(throws: FunctionError.self) { try T.aggregate("sum", [values], groups: [0, 0], groupCount: 1) }
        #expect(error?.code == .overflow)
    }

    @Test func minMaxKeepTheType() throws {
        let strings = T.column([.string("pear"), .string("apple"), .string("fig"), .null, .null], .string)
        #expect(try T.aggregate("min", [strings], groups: groups, groupCount: 2) == [.string("fig"), .string("apple")])
        #expect(try T.aggregate("max", [strings], groups: groups, groupCount: 2) == [.string("pear"), .string("apple")])
        let dates = T.column([.date(5), .date(1), .date(9), .null, .date(-3)], .date32)
        #expect(try T.aggregate("max", [dates], groups: groups, groupCount: 3) == [.date(9), .date(1), .null])
    }

    @Test func varianceMatchesDuckDB() throws {
        let values = T.column([.int(1), .int(2), .int(3), .int(4)], .int64)
        let g: [Int32] = [0, 0, 0, 0]
        let sample = try T.aggregate("var_samp", [values], groups: g, groupCount: 1)
        guard case .double(let v) = sample[0] else { Issue.record("not a double"); return }
        #expect(abs(v - 1.6666666666666667) < 1e-12)
        let pop = try T.aggregate("stddev_pop", [values], groups: g, groupCount: 1)
        guard case .double(let d) = pop[0] else { Issue.record("not a double"); return }
        #expect(abs(d - 1.118033988749895) < 1e-12)
        #expect(try T.aggregate("stddev", [T.column([.int(1)], .int64)], groups: [0], groupCount: 1) == [.null])
    }

    @Test func mergeCombinesPartialStates() throws {
        let sum = try require(FunctionRegistry.builtins.aggregate("avg"))
        let signature = try sum.bind([.float64], distinct: false)
        let a = try sum.makeAccumulator(signature, distinct: false)
        let b = try sum.makeAccumulator(signature, distinct: false)
        try [Int32(0), 1].withUnsafeBufferPointer { try a.update(groups: $0, groupCount: 2, arguments: [T.column([.double(1), .double(10)], .float64)]) }
        try [Int32(0)].withUnsafeBufferPointer { try b.update(groups: $0, groupCount: 1, arguments: [T.column([.double(3)], .float64)]) }
        try [Int32(0)].withUnsafeBufferPointer { try a.merge(state: try b.state(), groups: $0, groupCount: 2) }
        #expect(try a.finish().allValues == [.double(2), .double(10)])
    }

    @Test func distinctAndStringAgg() throws {
        let values = T.column([.int(1), .int(1), .int(2), .null], .int64)
        #expect(try T.aggregate("count", [values], groups: [0, 0, 0, 0], groupCount: 1, distinct: true) == [.int(2)])
        #expect(try T.aggregate("sum", [values], groups: [0, 0, 0, 0], groupCount: 1, distinct: true) == [.int(3)])
        let strings = T.column([.string("a"), .null, .string("b")], .string)
        let seps = T.column([.string("-"), .string("-"), .string("-")], .string)
        #expect(try T.aggregate("string_agg", [strings, seps], groups: [0, 0, 0], groupCount: 1) == [.string("a-b")])
    }

    @Test func quantilesAndMedian() throws {
        let values = T.column([.int(1), .int(2), .int(3), .int(4)], .int64)
        let g: [Int32] = [0, 0, 0, 0]
        #expect(try T.aggregate("median", [values], groups: g, groupCount: 1) == [.double(2.5)])
        let q = T.column(Array(repeating: .double(0.25), count: 4), .float64)
        #expect(try T.aggregate("quantile_cont", [values, q], groups: g, groupCount: 1) == [.double(1.75)])
        #expect(try T.aggregate("quantile_disc", [values, T.column(Array(repeating: .double(0.5), count: 4), .float64)], groups: g, groupCount: 1) == [.int(2)])
        let decimals = T.column([.decimal(100, scale: 2), .decimal(200, scale: 2)], .decimal128(precision: 10, scale: 2))
        #expect(try T.aggregate("median", [decimals], groups: [0, 0], groupCount: 1) == [.decimal(150, scale: 2)])
    }

    @Test func boolAggregatesAndFirst() throws {
        let bools = T.column([.bool(true), .bool(false), .null], .boolean)
        #expect(try T.aggregate("bool_and", [bools], groups: [0, 0, 0], groupCount: 1) == [.bool(false)])
        #expect(try T.aggregate("bool_or", [bools], groups: [0, 0, 0], groupCount: 1) == [.bool(true)])
        let values = T.column([.null, .int(7)], .int64)
        #expect(try T.aggregate("first", [values], groups: [0, 0], groupCount: 1) == [.null])
        #expect(try T.aggregate("any_value", [values], groups: [0, 0], groupCount: 1) == [.int(7)])
    }

    @Test func approxCountDistinctIsClose() throws {
        let n = 20_000
        let values = T.column((0..<n).map { .int(Int64($0 % 5000)) }, .int64)
        let result = try T.aggregate("approx_count_distinct", [values], groups: Array(repeating: 0, count: n), groupCount: 1)
        guard case .int(let estimate) = result[0] else { Issue.record("not an int"); return }
        #expect(abs(Double(estimate) - 5000) / 5000 < 0.05)
    }
}

extension AggregateTests {
    @Test func argMinAndArgMax() throws {
        let names = T.column([.string("a"), .string("b"), .string("c")], .string)
        let keys = T.column([.int(5), .int(1), .null], .int64)
        #expect(try T.aggregate("arg_min", [names, keys], groups: [0, 0, 0], groupCount: 1) == [.string("b")])
        #expect(try T.aggregate("max_by", [names, keys], groups: [0, 0, 0], groupCount: 1) == [.string("a")])
    }
}
