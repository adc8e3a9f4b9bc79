import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import Testing

@Suite struct ScanTests {
    @Test func scanFilterProjectAcrossPartitions() async throws {
        let builder = PlanBuilder()
        let rows: [[Value]] = (0..<1000).map { [.int(Int64($0)), $0 % 10 == 0 ? .null : .string("s\($0 % 7)")] }
        let (scan, refs) = builder.table("t", [("x", .int64), ("s", .string)], rows, batches: 8, partitions: 5)
        let filter = LogicalPlan.filter(Filter(input: scan, predicate: E.bin(.less, .column(refs[0]), E.int(50))))
        let doubled = builder.ids.make("y", .int64)
        let project = LogicalPlan.project(Project(input: filter, expressions: [E.bin(.add, .column(refs[0]), .column(refs[0])), .column(refs[1])], output: [doubled, refs[1]]))
        let result = try await run(project, threads: 3)
        let expected: [[Value]] = (0..<50).map { [.int(Int64($0 * 2)), $0 % 10 == 0 ? .null : .string("s\($0 % 7)")] }
        #expect(sorted(result) == sorted(expected))
    }

    @Test func pushedFiltersAndLimitAreApplied() async throws {
        let builder = PlanBuilder()
        let rows: [[Value]] = (0..<100).map { [.int(Int64($0))] }
        let (scan, refs) = builder.table("t", [("x", .int64)], rows, batches: 4)
        guard case .scan(var node) = scan else { return }
        node.filters = [E.bin(.greaterOrEqual, .column(refs[0]), E.int(90))]
        #expect(sorted(try await run(.scan(node))) == sorted((90..<100).map { [.int(Int64($0))] }))
        node.limit = 3
        #expect(try await run(.scan(node)) == (90..<93).map { [.int(Int64($0))] })
    }

    @Test("pushed conjuncts combine their masks, and a conjunct that can fail sees only the rows the earlier ones kept")
    func conjunctsCombineAndGuard() async throws {
        let builder = PlanBuilder()
        let rows: [[Value]] = (0..<1000).map { [.int(Int64($0 % 20)), $0 % 13 == 0 ? .null : .int(Int64($0))] }
        let (scan, refs) = builder.table("t", [("x", .int64), ("y", .int64)], rows, batches: 3)
        guard case .scan(var node) = scan else { return }
        let x = Expr.column(refs[0]), y = Expr.column(refs[1])
        // x <> 0 AND y > 100 AND 100 // x >= 10: the division only runs where x <> 0.
        node.filters = [E.bin(.notEqual, x, E.int(0)), E.bin(.greater, y, E.int(100)), E.bin(.greaterOrEqual, E.bin(.integerDivide, E.int(100), x), E.int(10))]
        var expected: [[Value]] = []
        for i in 0..<1000 {
            let xi = i % 20
            guard xi != 0, i % 13 != 0, i > 100, 100 / xi >= 10 else { continue }
            expected.append([.int(Int64(xi)), .int(Int64(i))])
        }
        #expect(sorted(try await run(.scan(node))) == sorted(expected))
    }

    @Test func partitionsAreGroupedPerThread() async throws {
        let builder = PlanBuilder()
        let (scan, _) = builder.table("t", [("x", .int64)], (0..<40).map { [.int(Int64($0))] }, batches: 10, partitions: 10)
        let context = TaskContext(threads: 3)
        let physical = try await PhysicalPlanner(context: context).plan(scan)
        #expect(physical.partitionCount == 3)
        #expect(physical.displayText.contains("ScanExec: t partitions=10"))
        let rows = try await PartitionRunner.collect(physical, context: context).reduce(0) { $0 + $1.rowCount }
        #expect(rows == 40)
        #expect(physical.metrics.outputRows == 40)
    }

    @Test func scalarSubqueryIsEvaluatedOnceAndChecked() async throws {
        let builder = PlanBuilder()
        let (inner, innerRefs) = builder.table("u", [("v", .int64)], [[.int(5)]])
        let (outer, refs) = builder.table("t", [("x", .int64)], (0..<10).map { [.int(Int64($0))] })
        let sub = Expr.scalarSubquery(inner, type: .int64)
        _ = innerRefs
        let plan = LogicalPlan.filter(Filter(input: outer, predicate: E.bin(.greater, .column(refs[0]), sub)))
        #expect(sorted(try await run(plan)) == [[.int(6)], [.int(7)], [.int(8)], [.int(9)]])
        let (twoRows, _) = builder.table("w", [("v", .int64)], [[.int(1)], [.int(2)]])
        let bad = LogicalPlan.filter(Filter(input: outer, predicate: E.bin(.greater, .column(refs[0]), .scalarSubquery(twoRows, type: .int64))))
        await #expect(throws: ExecutionError.self) { try await run(bad) }
        do {
            _ = try await run(bad)
        } catch let error as ExecutionError {
            #expect(error.message == "more than one row returned by a subquery used as an expression")
        }
    }
}
