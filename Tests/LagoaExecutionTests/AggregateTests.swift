import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import Testing

@Suite struct AggregateTests {
    func call(_ builder: PlanBuilder, _ name: String, _ args: [Expr], distinct: Bool = false, filter: Expr? = nil) -> AggregateCall {
        AggregateCall(
            function: name,
            arguments: args,
            signature: FunctionSignature(argumentTypes: args.map(\.type), returnType: .int64),
            distinct: distinct,
            filter: filter,
            output: builder.ids.make(name, .int64)
        )
    }

    @Test func groupByWithNullKeysAndDuplicates() async throws {
        let b = PlanBuilder()
        let rows: [[Value]] = [
            [.string("a"), .int(1)], [.string("b"), .int(2)], [.null, .int(3)], [.string("a"), .int(4)],
            [.null, .null], [.string("b"), .null], [.string("c"), .int(7)],
        ]
        let (scan, refs) = b.table("t", [("k", .string), ("v", .int64)], rows, batches: 3, partitions: 2)
        let key = b.ids.make("k", .string)
        let plan = LogicalPlan.aggregate(Aggregate(
            input: scan, groupBy: [.column(refs[0])], groupOutput: [key],
            aggregates: [call(b, "test_sum", [.column(refs[1])]), call(b, "test_count", [.column(refs[1])]), call(b, "test_count", [])]
        ))
        let result = try await run(plan)
        #expect(sorted(result) == sorted([
            [.string("a"), .int(5), .int(2), .int(2)],
            [.string("b"), .int(2), .int(1), .int(2)],
            [.string("c"), .int(7), .int(1), .int(1)],
            [.null, .int(3), .int(1), .int(2)],
        ]))
    }

    @Test func globalAggregateOverEmptyInputHasOneRow() async throws {
        let b = PlanBuilder()
        let (scan, refs) = b.table("t", [("v", .int64)], [])
        let plan = LogicalPlan.aggregate(Aggregate(input: scan, groupBy: [], groupOutput: [], aggregates: [call(b, "test_sum", [.column(refs[0])]), call(b, "test_count", [])]))
        #expect(try await run(plan) == [[.null, .int(0)]])
        let grouped = LogicalPlan.aggregate(Aggregate(input: scan, groupBy: [.column(refs[0])], groupOutput: [b.ids.make("v", .int64)], aggregates: [call(b, "test_count", [])]))
        #expect(try await run(grouped).isEmpty)
    }

    @Test func distinctAndFilterClauses() async throws {
        let b = PlanBuilder()
        let rows: [[Value]] = [[.int(1), .int(10)], [.int(1), .int(10)], [.int(1), .int(20)], [.int(2), .int(10)], [.int(2), .null], [.int(1), .int(30)]]
        let (scan, refs) = b.table("t", [("k", .int64), ("v", .int64)], rows, batches: 3, partitions: 3)
        let plan = LogicalPlan.aggregate(Aggregate(
            input: scan, groupBy: [.column(refs[0])], groupOutput: [b.ids.make("k", .int64)],
            aggregates: [
                call(b, "test_count", [.column(refs[1])], distinct: true),
                call(b, "test_sum", [.column(refs[1])], distinct: true),
                call(b, "test_count", [], filter: E.bin(.greater, .column(refs[1]), E.int(15))),
            ]
        ))
        #expect(sorted(try await run(plan, threads: 3)) == sorted([[.int(1), .int(3), .int(60), .int(2)], [.int(2), .int(1), .int(10), .int(0)]]))
    }

    @Test func groupingSetsRollup() async throws {
        let b = PlanBuilder()
        let rows: [[Value]] = [[.string("x"), .int(1), .int(5)], [.string("x"), .int(2), .int(6)], [.string("y"), .int(1), .int(7)]]
        let (scan, refs) = b.table("t", [("a", .string), ("b", .int64), ("v", .int64)], rows)
        let gid = b.ids.make("grouping_id", .int64)
        // ROLLUP(a, b) = (a, b), (a), ().
        let plan = LogicalPlan.aggregate(Aggregate(
            input: scan, groupBy: [.column(refs[0]), .column(refs[1])], groupOutput: [b.ids.make("a", .string), b.ids.make("b", .int64)],
            aggregates: [call(b, "test_sum", [.column(refs[2])])], groupingSets: [[0, 1], [0], []], groupingID: gid
        ))
        #expect(sorted(try await run(plan)) == sorted([
            [.string("x"), .int(1), .int(5), .int(0)], [.string("x"), .int(2), .int(6), .int(0)], [.string("y"), .int(1), .int(7), .int(0)],
            [.string("x"), .null, .int(11), .int(2)], [.string("y"), .null, .int(7), .int(2)],
            [.null, .null, .int(18), .int(3)],
        ]))
    }

    @Test func manyGroupsMergedAcrossPartitions() async throws {
        let b = PlanBuilder()
        let n = 100_000
        var rows: [[Value]] = []
        rows.reserveCapacity(2 * n)
        for i in 0..<(2 * n) { rows.append([.int(Int64(i % n)), .int(Int64(i))]) }
        let (scan, refs) = b.table("t", [("k", .int64), ("v", .int64)], rows, batches: 20, partitions: 4)
        let plan = LogicalPlan.aggregate(Aggregate(
            input: scan, groupBy: [.column(refs[0])], groupOutput: [b.ids.make("k", .int64)],
            aggregates: [call(b, "test_sum", [.column(refs[1])]), call(b, "test_count", [])]
        ))
        let result = try await run(plan, threads: 2, batchSize: 4096)
        #expect(result.count == n)
        var ok = true
        for row in result {
            guard case .int(let k) = row[0] else { ok = false; break }
            if row[1] != .int(k + k + Int64(n)) || row[2] != .int(2) { ok = false; break }
        }
        #expect(ok)
    }

    @Test func multiColumnKeys() async throws {
        let b = PlanBuilder()
        let rows: [[Value]] = [
            [.int(1), .string("a"), .bool(true)], [.int(1), .string("a"), .bool(true)], [.int(1), .string("b"), .bool(true)],
            [.int(1), .null, .null], [.int(1), .null, .null], [.int(2), .string("a"), .bool(false)],
        ]
        let (scan, refs) = b.table("t", [("x", .int64), ("s", .string), ("f", .boolean)], rows, batches: 2)
        let plan = LogicalPlan.aggregate(Aggregate(
            input: scan, groupBy: refs.map { .column($0) }, groupOutput: refs.map { b.ids.make($0.name, $0.type) },
            aggregates: [call(b, "test_count", [])]
        ))
        #expect(sorted(try await run(plan)) == sorted([
            [.int(1), .string("a"), .bool(true), .int(2)], [.int(1), .string("b"), .bool(true), .int(1)],
            [.int(1), .null, .null, .int(2)], [.int(2), .string("a"), .bool(false), .int(1)],
        ]))
    }
}
