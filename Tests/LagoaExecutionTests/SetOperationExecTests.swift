import LagoaColumnar
import LagoaExecution
import LagoaPlanner
import LagoaTesting
import Testing

@Suite struct SetOperationExecTests {
    static let fields = [Field("a", .int64), Field("b", .string)]

    static func input(_ rows: [(Int64?, String?)], split: Int = 2) -> TestBatchesExec {
        let batch = TestBatches.make(fields, [rows.map { $0.0.map { .int($0) } ?? .null }, rows.map { $0.1.map { .string($0) } ?? .null }])
        return TestBatchesExec(batch, split: split)
    }

    static let left = input([(1, "x"), (1, "x"), (2, nil), (nil, nil), (nil, nil), (3, "z"), (1, "x")])
    static let right = input([(1, "x"), (nil, nil), (4, "w"), (2, "q")])

    static func run(_ kind: SetOperationKind, all: Bool) async throws -> [[Value]] {
        let op = SetOperationExec(kind: kind, all: all, left: left, right: right, schema: Schema(fields))
        return try await TestRun.rows(op).sorted { $0.description < $1.description }
    }

    static func rows(_ r: [(Int64?, String?)]) -> [[Value]] {
        r.map { [$0.0.map { .int($0) } ?? .null, $0.1.map { .string($0) } ?? .null] }.sorted { $0.description < $1.description }
    }

    @Test("UNION ALL keeps every row of both sides")
    func unionAll() async throws {
        let out = try await Self.run(.union, all: true)
        #expect(out == Self.rows([(1, "x"), (1, "x"), (2, nil), (nil, nil), (nil, nil), (3, "z"), (1, "x"), (1, "x"), (nil, nil), (4, "w"), (2, "q")]))
    }

    @Test("UNION keeps each distinct row once; NULLs are equal")
    func union() async throws {
        #expect(try await Self.run(.union, all: false) == Self.rows([(1, "x"), (2, nil), (nil, nil), (3, "z"), (4, "w"), (2, "q")]))
    }

    @Test("INTERSECT and INTERSECT ALL")
    func intersect() async throws {
        #expect(try await Self.run(.intersect, all: false) == Self.rows([(1, "x"), (nil, nil)]))
        #expect(try await Self.run(.intersect, all: true) == Self.rows([(1, "x"), (nil, nil)]))
    }

    @Test("EXCEPT and EXCEPT ALL")
    func except() async throws {
        #expect(try await Self.run(.except, all: false) == Self.rows([(2, nil), (3, "z")]))
        #expect(try await Self.run(.except, all: true) == Self.rows([(1, "x"), (1, "x"), (2, nil), (nil, nil), (3, "z")]))
    }

    @Test("floating -0 equals 0 and NaN equals NaN in DISTINCT")
    func floats() async throws {
        let f = [Field("f", .float64)]
        let l = TestBatchesExec(TestBatches.make(f, [[.double(0), .double(-0.0), .double(.nan), .double(.nan), .double(1)]]))
        let r = TestBatchesExec(TestBatches.make(f, [[.double(.nan)]]))
        let union = try await TestRun.rows(SetOperationExec(kind: .union, all: false, left: l, right: r, schema: Schema(f)))
        #expect(union.count == 3)
        let except = try await TestRun.rows(SetOperationExec(kind: .except, all: false, left: l, right: r, schema: Schema(f)))
        #expect(except.count == 2)
    }
}
