import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import LagoaTesting
import Testing

@Suite struct WindowExecTests {
    static let fields = [Field("p", .string), Field("o", .int64), Field("v", .int64)]
    /// r0 A,1,10  r1 B,5,5  r2 A,2,20  r3 B,NULL,7  r4 A,2,NULL
    static let batch = TestBatches.make(fields, [
        [.string("A"), .string("B"), .string("A"), .string("B"), .string("A")],
        [.int(1), .int(5), .int(2), .null, .int(2)],
        [.int(10), .int(5), .int(20), .int(7), .null],
    ])

    static func call(
        _ name: String, aggregate: Bool = false, _ args: [any PhysicalExpr] = [], type: DataType = .int64,
        ordered: Bool = true, units: FrameUnits? = nil, start: WindowExec.Bound? = nil, end: WindowExec.Bound? = nil
    ) -> WindowExec.Call {
        let frame = WindowFrame.defaultFrame(hasOrderBy: ordered)
        func bound(_ b: FrameBound) -> WindowExec.Bound {
            switch b {
            case .unboundedPreceding: .unboundedPreceding
            case .unboundedFollowing: .unboundedFollowing
            default: .currentRow
            }
        }
        return WindowExec.Call(
            function: name, isAggregate: aggregate, arguments: args,
            partitionBy: [TestColumnExpr(0, .string, name: "p")],
            orderBy: ordered ? [SortExec.Key(expr: TestColumnExpr(1, .int64, name: "o"))] : [],
            units: units ?? frame.units, start: start ?? bound(frame.start), end: end ?? bound(frame.end),
            signature: FunctionSignature(argumentTypes: args.map(\.type), returnType: type),
            output: Field(name, type)
        )
    }

    static let v = TestColumnExpr(2, .int64, name: "v")

    /// The window column of each call, rows in input order.
    static func run(_ calls: [WindowExec.Call], split: Int = 2) async throws -> [[Value]] {
        let exec = WindowExec(input: TestBatchesExec(batch, split: split), calls: calls)
        let rows = try await TestRun.rows(exec)
        return calls.indices.map { c in rows.map { $0[3 + c] } }
    }

    static func ints(_ xs: [Int64?]) -> [Value] { xs.map { $0.map { .int($0) } ?? .null } }

    @Test("ranking functions")
    func ranking() async throws {
        let out = try await Self.run([
            Self.call("row_number"), Self.call("rank"), Self.call("dense_rank"),
            Self.call("percent_rank", type: .float64), Self.call("cume_dist", type: .float64),
            Self.call("ntile", [TestLiteralExpr(value: .int(2), type: .int64)]),
        ])
        #expect(out[0] == Self.ints([1, 1, 2, 2, 3]))
        #expect(out[1] == Self.ints([1, 1, 2, 2, 2]))
        #expect(out[2] == Self.ints([1, 1, 2, 2, 2]))
        #expect(out[3] == [.double(0), .double(0), .double(0.5), .double(1), .double(0.5)])
        #expect(out[4] == [.double(1.0 / 3), .double(0.5), .double(1), .double(1), .double(1)])
        #expect(out[5] == Self.ints([1, 1, 1, 2, 2]))
    }

    @Test("lag and lead with offsets and defaults")
    func lagLead() async throws {
        let out = try await Self.run([
            Self.call("lag", [Self.v]),
            Self.call("lead", [Self.v, TestLiteralExpr(value: .int(1), type: .int64), TestLiteralExpr(value: .int(-1), type: .int64)]),
            Self.call("lag", [Self.v, TestLiteralExpr(value: .int(2), type: .int64)]),
        ])
        #expect(out[0] == Self.ints([nil, nil, 10, 5, 20]))
        #expect(out[1] == Self.ints([20, 7, nil, -1, -1]))
        #expect(out[2] == Self.ints([nil, nil, nil, nil, 10]))
    }

    @Test("first_value, last_value and nth_value over frames")
    func values() async throws {
        let out = try await Self.run([
            Self.call("first_value", [Self.v]),
            Self.call("last_value", [Self.v]),
            Self.call("nth_value", [Self.v, TestLiteralExpr(value: .int(2), type: .int64)], units: .rows, start: .unboundedPreceding, end: .unboundedFollowing),
        ])
        #expect(out[0] == Self.ints([10, 5, 10, 5, 10]))
        #expect(out[1] == Self.ints([10, 5, nil, 7, nil]))
        #expect(out[2] == Self.ints([20, 7, 20, 7, 20]))
    }

    @Test("aggregates over the default, ROWS, RANGE and GROUPS frames")
    func aggregates() async throws {
        let one = Value.int(1)
        let out = try await Self.run([
            Self.call("sum", aggregate: true, [Self.v]),
            Self.call("count", aggregate: true, [Self.v]),
            Self.call("sum", aggregate: true, [Self.v], units: .rows, start: .preceding(one), end: .currentRow),
            Self.call("max", aggregate: true, [Self.v], units: .rows, start: .currentRow, end: .unboundedFollowing),
            Self.call("min", aggregate: true, [Self.v], units: .rows, start: .preceding(one), end: .following(one)),
            Self.call("avg", aggregate: true, [Self.v], type: .float64, ordered: false),
            Self.call("sum", aggregate: true, [Self.v], units: .range, start: .preceding(one), end: .currentRow),
            Self.call("sum", aggregate: true, [Self.v], units: .groups, start: .preceding(one), end: .currentRow),
            Self.call("count", aggregate: true, [], units: .rows, start: .unboundedPreceding, end: .currentRow),
        ])
        #expect(out[0] == Self.ints([10, 5, 30, 12, 30]))
        #expect(out[1] == Self.ints([1, 1, 2, 2, 2]))
        #expect(out[2] == Self.ints([10, 5, 30, 12, 20]))
        #expect(out[3] == Self.ints([20, 7, 20, 7, nil]))
        #expect(out[4] == Self.ints([10, 5, 10, 5, 20]))
        #expect(out[5] == [.double(15), .double(6), .double(15), .double(6), .double(15)])
        #expect(out[6] == Self.ints([10, 5, 30, 7, 30]))
        #expect(out[7] == Self.ints([10, 5, 30, 12, 30]))
        #expect(out[8] == Self.ints([1, 1, 2, 2, 3]))
    }

    @Test("running sums match a naive computation on random data")
    func randomRunningSum() async throws {
        var rng = SplitMix(seed: 5)
        let n = 5_000
        let p = (0..<n).map { _ in Value.int(Int64(rng.next() % 13)) }
        let o = (0..<n).map { _ in rng.next() % 10 == 0 ? Value.null : .int(Int64(rng.next() % 50)) }
        let v = (0..<n).map { _ in rng.next() % 6 == 0 ? Value.null : .int(Int64(rng.next() % 100)) }
        let f = [Field("p", .int64), Field("o", .int64), Field("v", .int64)]
        let batch = TestBatches.make(f, [p, o, v])
        let call = WindowExec.Call(
            function: "sum", isAggregate: true, arguments: [TestColumnExpr(2, .int64)],
            partitionBy: [TestColumnExpr(0, .int64)], orderBy: [SortExec.Key(expr: TestColumnExpr(1, .int64))],
            units: .rows, start: .preceding(.int(3)), end: .following(.int(2)),
            signature: FunctionSignature(argumentTypes: [.int64], returnType: .int64), output: Field("s", .int64)
        )
        let rows = try await TestRun.rows(WindowExec(input: TestBatchesExec(batch, split: 3), calls: [call]))
        // Naive: sort indices by (p, o nulls last, input order), sum the frame.
        func key(_ x: Value) -> Int64 { if case .int(let i) = x { return i } else { return Int64.max } }
        let order = (0..<n).sorted { (key(p[$0]), key(o[$0]), $0) < (key(p[$1]), key(o[$1]), $1) }
        var expected = [Value](repeating: .null, count: n)
        for (k, row) in order.enumerated() {
            var total: Int64 = 0
            var any = false
            for j in max(0, k - 3)...min(n - 1, k + 2) where p[order[j]] == p[row] {
                if case .int(let x) = v[order[j]] {
                    total += x
                    any = true
                }
            }
            expected[row] = any ? .int(total) : .null
        }
        #expect(rows.map { $0[3] } == expected)
    }
}
