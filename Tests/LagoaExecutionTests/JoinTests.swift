import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import Testing

@Suite struct JoinTests {
    /// left(id, a): 1 x, 2 y, 2 y2, 3 z, NULL n;  right(id, b): 2 p, 2 q, 3 r, 4 s, NULL t.
    /// `padRight` adds rows (ids 100…, b "pad") that match nothing, making the right side the bigger.
    func tables(_ b: PlanBuilder, leftPartitions: Int = 2, rightPartitions: Int = 2, padRight: Int = 0) -> (LogicalPlan, [ColumnRef], LogicalPlan, [ColumnRef]) {
        let (l, lr) = b.table("l", [("id", .int64), ("a", .string)], [
            [.int(1), .string("x")], [.int(2), .string("y")], [.int(2), .string("y2")], [.int(3), .string("z")], [.null, .string("n")],
        ], batches: 3, partitions: leftPartitions)
        let (r, rr) = b.table("r", [("id", .int64), ("b", .string)], [
            [.int(2), .string("p")], [.int(2), .string("q")], [.int(3), .string("r")], [.int(4), .string("s")], [.null, .string("t")],
        ] + (0..<padRight).map { [.int(Int64(100 + $0)), .string("pad")] }, batches: 2, partitions: rightPartitions)
        return (l, lr, r, rr)
    }

    func join(_ kind: JoinKind, filter: (([ColumnRef], [ColumnRef]) -> Expr)? = nil, nullAware: Bool = false, mark: Bool = false, padRight: Int = 0) async throws -> [[Value]] {
        let b = PlanBuilder()
        let (l, lr, r, rr) = tables(b, padRight: padRight)
        let node = Join(
            left: l, right: r, kind: kind, equiKeys: [(.column(lr[0]), .column(rr[0]))], filter: filter?(lr, rr),
            mark: mark ? b.ids.make("mark", .boolean) : nil, nullAware: nullAware
        )
        return sorted(try await run(.join(node), threads: 2))
    }

    @Test func inner() async throws {
        #expect(try await join(.inner) == sorted([
            [.int(2), .string("y"), .int(2), .string("p")], [.int(2), .string("y"), .int(2), .string("q")],
            [.int(2), .string("y2"), .int(2), .string("p")], [.int(2), .string("y2"), .int(2), .string("q")],
            [.int(3), .string("z"), .int(3), .string("r")],
        ]))
    }

    @Test func innerWithResidualFilter() async throws {
        let rows = try await join(.inner) { _, rr in E.bin(.notEqual, .column(rr[1]), E.str("p")) }
        #expect(rows == sorted([
            [.int(2), .string("y"), .int(2), .string("q")], [.int(2), .string("y2"), .int(2), .string("q")], [.int(3), .string("z"), .int(3), .string("r")],
        ]))
    }

    @Test func leftOuter() async throws {
        let rows = try await join(.left) { _, rr in E.bin(.notEqual, .column(rr[1]), E.str("r")) }
        #expect(rows == sorted([
            [.int(1), .string("x"), .null, .null],
            [.int(2), .string("y"), .int(2), .string("p")], [.int(2), .string("y"), .int(2), .string("q")],
            [.int(2), .string("y2"), .int(2), .string("p")], [.int(2), .string("y2"), .int(2), .string("q")],
            [.int(3), .string("z"), .null, .null], [.null, .string("n"), .null, .null],
        ]))
    }

    @Test func rightAndFullOuter() async throws {
        let inner: [[Value]] = [
            [.int(2), .string("y"), .int(2), .string("p")], [.int(2), .string("y"), .int(2), .string("q")],
            [.int(2), .string("y2"), .int(2), .string("p")], [.int(2), .string("y2"), .int(2), .string("q")],
            [.int(3), .string("z"), .int(3), .string("r")],
        ]
        let rightOnly: [[Value]] = [[.null, .null, .int(4), .string("s")], [.null, .null, .null, .string("t")]]
        let leftOnly: [[Value]] = [[.int(1), .string("x"), .null, .null], [.null, .string("n"), .null, .null]]
        #expect(try await join(.right) == sorted(inner + rightOnly))
        #expect(try await join(.full) == sorted(inner + rightOnly + leftOnly))
    }

    @Test func semiAndAnti() async throws {
        #expect(try await join(.semi) == sorted([[.int(2), .string("y")], [.int(2), .string("y2")], [.int(3), .string("z")]]))
        #expect(try await join(.anti) == sorted([[.int(1), .string("x")], [.null, .string("n")]]))
        // EXISTS with a residual filter tested per candidate pair (TPC-H Q21 shape).
        let filtered = try await join(.semi) { lr, rr in E.bin(.notEqual, .column(rr[1]), E.str("p")) }
        #expect(filtered == sorted([[.int(2), .string("y")], [.int(2), .string("y2")], [.int(3), .string("z")]]))
        let onlyQ = try await join(.semi) { _, rr in E.bin(.equal, .column(rr[1]), E.str("r")) }
        #expect(onlyQ == [[.int(3), .string("z")]])
        let antiFiltered = try await join(.anti) { _, rr in E.bin(.equal, .column(rr[1]), E.str("r")) }
        #expect(antiFiltered == sorted([[.int(1), .string("x")], [.int(2), .string("y")], [.int(2), .string("y2")], [.null, .string("n")]]))
    }

    @Test("semi and anti joins build on the smaller kept side and emit build rows")
    func buildSideSemiAndAnti() async throws {
        let b = PlanBuilder()
        let (l, lr, r, rr) = tables(b, padRight: 20)
        let node = Join(left: l, right: r, kind: .semi, equiKeys: [(.column(lr[0]), .column(rr[0]))])
        let plan = try await PhysicalPlanner(context: TaskContext(threads: 2)).plan(.join(node))
        #expect(plan.displayText.contains("mode=right_semi"))
        #expect(try await join(.semi, padRight: 20) == sorted([[.int(2), .string("y")], [.int(2), .string("y2")], [.int(3), .string("z")]]))
        #expect(try await join(.anti, padRight: 20) == sorted([[.int(1), .string("x")], [.null, .string("n")]]))
        let filtered = try await join(.semi, filter: { _, rr in E.bin(.equal, .column(rr[1]), E.str("r")) }, padRight: 20)
        #expect(filtered == [[.int(3), .string("z")]])
        let antiFiltered = try await join(.anti, filter: { _, rr in E.bin(.equal, .column(rr[1]), E.str("r")) }, padRight: 20)
        #expect(antiFiltered == sorted([[.int(1), .string("x")], [.int(2), .string("y")], [.int(2), .string("y2")], [.null, .string("n")]]))
        // NOT IN keeps the probe-side build: a NULL on the right empties the result.
        #expect(try await join(.anti, nullAware: true, padRight: 20).isEmpty)
    }

    @Test func nullAwareAntiJoin() async throws {
        // The build side has a NULL key: NOT IN yields nothing.
        #expect(try await join(.anti, nullAware: true).isEmpty)
        // Without NULLs on the build side, probe rows with NULL keys are still dropped.
        let b = PlanBuilder()
        let (l, lr, _, _) = tables(b)
        let (r, rr) = b.table("r2", [("id", .int64)], [[.int(2)], [.int(9)]])
        let node = Join(left: l, right: r, kind: .anti, equiKeys: [(.column(lr[0]), .column(rr[0]))], nullAware: true)
        #expect(sorted(try await run(.join(node))) == sorted([[.int(1), .string("x")], [.int(3), .string("z")]]))
        // An empty build side keeps every probe row, NULL keys included.
        let (empty, er) = b.table("e", [("id", .int64)], [])
        let none = Join(left: l, right: empty, kind: .anti, equiKeys: [(.column(lr[0]), .column(er[0]))], nullAware: true)
        #expect(try await run(.join(none)).count == 5)
    }

    @Test func markJoin() async throws {
        #expect(try await join(.mark, nullAware: true, mark: true) == sorted([
            [.int(1), .string("x"), .null], [.int(2), .string("y"), .bool(true)], [.int(2), .string("y2"), .bool(true)],
            [.int(3), .string("z"), .bool(true)], [.null, .string("n"), .null],
        ]))
        #expect(try await join(.mark, mark: true) == sorted([
            [.int(1), .string("x"), .bool(false)], [.int(2), .string("y"), .bool(true)], [.int(2), .string("y2"), .bool(true)],
            [.int(3), .string("z"), .bool(true)], [.null, .string("n"), .bool(false)],
        ]))
    }

    @Test func emptySides() async throws {
        let b = PlanBuilder()
        let (l, lr, _, _) = tables(b)
        let (empty, er) = b.table("e", [("id", .int64), ("b", .string)], [])
        let inner = Join(left: l, right: empty, kind: .inner, equiKeys: [(.column(lr[0]), .column(er[0]))])
        #expect(try await run(.join(inner)).isEmpty)
        let left = Join(left: l, right: empty, kind: .left, equiKeys: [(.column(lr[0]), .column(er[0]))])
        #expect(try await run(.join(left)).count == 5)
        let right = Join(left: empty, right: l, kind: .right, equiKeys: [(.column(er[0]), .column(lr[0]))])
        #expect(try await run(.join(right)).count == 5)
    }

    @Test func crossAndNonEquiJoins() async throws {
        let b = PlanBuilder()
        let (l, lr) = b.table("l", [("x", .int64)], (1...3).map { [.int(Int64($0))] }, partitions: 2)
        let (r, rr) = b.table("r", [("y", .int64)], (1...4).map { [.int(Int64($0))] })
        #expect(try await run(.join(Join(left: l, right: r, kind: .cross))).count == 12)
        let less = Join(left: l, right: r, kind: .inner, filter: E.bin(.greater, .column(lr[0]), .column(rr[0])))
        #expect(sorted(try await run(.join(less), batchSize: 2)) == sorted([[.int(2), .int(1)], [.int(3), .int(1)], [.int(3), .int(2)]]))
        let leftNonEqui = Join(left: l, right: r, kind: .left, filter: E.bin(.greater, .column(lr[0]), E.bin(.add, .column(rr[0]), E.int(1))))
        #expect(sorted(try await run(.join(leftNonEqui))) == sorted([[.int(1), .null], [.int(2), .null], [.int(3), .int(1)]]))
        let full = Join(left: l, right: r, kind: .full, filter: E.bin(.equal, .column(lr[0]), .column(rr[0])))
        #expect(try await run(.join(full)).count == 4)
    }

    @Test func multiColumnStringKeys() async throws {
        let b = PlanBuilder()
        let (l, lr) = b.table("l", [("a", .int64), ("s", .string)], [[.int(1), .string("u")], [.int(1), .string("v")], [.int(2), .string("u")], [.int(1), .null]])
        let (r, rr) = b.table("r", [("a", .int64), ("s", .string), ("z", .int64)], [[.int(1), .string("u"), .int(10)], [.int(2), .string("u"), .int(20)], [.int(1), .null, .int(30)]])
        let node = Join(left: l, right: r, kind: .inner, equiKeys: [(.column(lr[0]), .column(rr[0])), (.column(lr[1]), .column(rr[1]))])
        #expect(sorted(try await run(.join(node))) == sorted([
            [.int(1), .string("u"), .int(1), .string("u"), .int(10)], [.int(2), .string("u"), .int(2), .string("u"), .int(20)],
        ]))
    }
}
