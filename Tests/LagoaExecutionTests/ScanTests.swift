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
