import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import LagoaTesting
import Testing

@Suite struct ExpressionTests {
    let ids = ColumnIDGenerator()

    func batch() -> (RecordBatch, ColumnRef, ColumnRef, ColumnRef) {
        let a = ids.make("a", .int64)
        let b = ids.make("b", .int64)
        let s = ids.make("s", .string)
        let batch = TestBatches.make(
            [a.field, b.field, s.field],
            [
                [.int(1), .int(2), .null, .int(4), .int(0)],
                [.int(10), .null, .int(30), .int(40), .int(0)],
                [.string("apple"), .string("banana"), .null, .string("Apricot"), .string("cherry")],
            ]
        )
        return (batch, a, b, s)
    }

    func evaluate(_ expr: Expr, _ batch: RecordBatch, _ input: [ColumnRef]) throws -> [Value] {
        let context = TaskContext(threads: 1)
        let compiled = try ExpressionCompiler(input: input, context: context).compile(expr)
        return try compiled.evaluateColumn(batch).allValues
    }

    @Test func columnAndLiteral() throws {
        let (batch, a, b, s) = batch()
        #expect(try evaluate(.column(b), batch, [a, b, s]) == [.int(10), .null, .int(30), .int(40), .int(0)])
        #expect(try evaluate(E.int(7), batch, [a, b, s]) == [Value](repeating: .int(7), count: 5))
    }

    @Test func unknownColumnIsAnError() throws {
        let (batch, a, b, _) = batch()
        let other = ids.make("other", .int64)
        #expect(throws: ExecutionError.self) { try evaluate(.column(other), batch, [a, b]) }
    }

    @Test func isNullAndNot() throws {
        let (batch, a, b, s) = batch()
        #expect(try evaluate(.isNull(.column(a), negated: false), batch, [a, b, s]) == [.bool(false), .bool(false), .bool(true), .bool(false), .bool(false)])
        #expect(try evaluate(.isNull(.column(a), negated: true), batch, [a, b, s]) == [.bool(true), .bool(true), .bool(false), .bool(true), .bool(true)])
        let gt = E.bin(.greater, .column(a), E.int(1))
        #expect(try evaluate(.not(gt), batch, [a, b, s]) == [.bool(true), .bool(false), .null, .bool(false), .bool(true)])
    }

    @Test func comparisonAndThreeValuedLogic() throws {
        let (batch, a, b, s) = batch()
        let aGt1 = E.bin(.greater, .column(a), E.int(1))
        let bGt20 = E.bin(.greater, .column(b), E.int(20))
        #expect(try evaluate(E.bin(.and, aGt1, bGt20), batch, [a, b, s]) == [.bool(false), .null, .null, .bool(true), .bool(false)])
        #expect(try evaluate(E.bin(.or, aGt1, bGt20), batch, [a, b, s]) == [.bool(false), .bool(true), .bool(true), .bool(true), .bool(false)])
        // All-false left side short-circuits: the right side (a division by zero) is never run.
        let x = ids.make("x", .int64)
        let plain = TestBatches.make([x.field], [[.int(1), .int(2), .int(3)]])
        let never = E.bin(.greater, .column(x), E.int(100))
        let boom = E.bin(.equal, E.bin(.modulo, .column(x), E.int(0)), E.int(1))
        #expect(try evaluate(E.bin(.and, never, boom), plain, [x]) == [Value](repeating: .bool(false), count: 3))
        let always = E.bin(.greater, .column(x), E.int(0))
        #expect(try evaluate(E.bin(.or, always, boom), plain, [x]) == [Value](repeating: .bool(true), count: 3))
    }

    @Test func arithmeticAndNegate() throws {
        let (batch, a, b, s) = batch()
        #expect(try evaluate(E.bin(.add, .column(a), .column(b)), batch, [a, b, s]) == [.int(11), .null, .null, .int(44), .int(0)])
        #expect(try evaluate(.negate(.column(a)), batch, [a, b, s]) == [.int(-1), .int(-2), .null, .int(-4), .int(0)])
    }

    @Test func caseEvaluatesBranchesOnlyOnTheirRows() throws {
        let (batch, a, b, s) = batch()
        // CASE WHEN a = 0 THEN -1 WHEN a > 1 THEN 100 / a ELSE a END: 100 / 0 must never run.
        let expr = Expr.caseWhen(
            branches: [
                .init(condition: E.bin(.equal, .column(a), E.int(0)), value: E.int(-1)),
                .init(condition: E.bin(.greater, .column(a), E.int(1)), value: E.bin(.modulo, E.int(100), .column(a))),
            ],
            elseValue: .column(a),
            type: .int64
        )
        #expect(try evaluate(expr, batch, [a, b, s]) == [.int(1), .int(0), .null, .int(0), .int(-1)])
        let noElse = Expr.caseWhen(branches: [.init(condition: E.bin(.equal, .column(a), E.int(4)), value: E.int(9))], elseValue: .literal(.null, .int64), type: .int64)
        #expect(try evaluate(noElse, batch, [a, b, s]) == [.null, .null, .null, .int(9), .null])
    }

    @Test func inListShortAndLong() throws {
        let (batch, a, b, s) = batch()
        #expect(try evaluate(.inList(.column(a), [E.int(1), E.int(4)], negated: false), batch, [a, b, s]) == [.bool(true), .bool(false), .null, .bool(true), .bool(false)])
        #expect(try evaluate(.inList(.column(a), [E.int(1), .literal(.null, .int64)], negated: true), batch, [a, b, s]) == [.bool(false), .null, .null, .null, .null])
        let many = (100..<140).map { E.int(Int64($0)) } + [E.int(2)]
        #expect(try evaluate(.inList(.column(a), many, negated: false), batch, [a, b, s]) == [.bool(false), .bool(true), .null, .bool(false), .bool(false)])
        let strings = (0..<30).map { E.str("x\($0)") } + [E.str("cherry")]
        #expect(try evaluate(.inList(.column(s), strings, negated: true), batch, [a, b, s]) == [.bool(true), .bool(true), .null, .bool(true), .bool(false)])
    }

    @Test func likeAndIlike() throws {
        let (batch, a, b, s) = batch()
        func like(_ pattern: String, ci: Bool = false, negated: Bool = false) throws -> [Value] {
            try evaluate(.like(.column(s), pattern: E.str(pattern), caseInsensitive: ci, negated: negated, escape: nil), batch, [a, b, s])
        }
        #expect(try like("a%") == [.bool(true), .bool(false), .null, .bool(false), .bool(false)])
        #expect(try like("a%", ci: true) == [.bool(true), .bool(false), .null, .bool(true), .bool(false)])
        #expect(try like("%an%") == [.bool(false), .bool(true), .null, .bool(false), .bool(false)])
        #expect(try like("%rry") == [.bool(false), .bool(false), .null, .bool(false), .bool(true)])
        #expect(try like("b_n%a") == [.bool(false), .bool(true), .null, .bool(false), .bool(false)])
        #expect(try like("%p%c%", ci: true, negated: true) == [.bool(true), .bool(true), .null, .bool(false), .bool(true)])
        #expect(try like("apple") == [.bool(true), .bool(false), .null, .bool(false), .bool(false)])
    }

    @Test func likeEscape() throws {
        let s = ids.make("s", .string)
        let batch = TestBatches.make([s.field], [[.string("50%"), .string("50x"), .string("a_b"), .string("axb")]])
        let pct = try evaluate(.like(.column(s), pattern: E.str("50!%"), caseInsensitive: false, negated: false, escape: "!"), batch, [s])
        #expect(pct == [.bool(true), .bool(false), .bool(false), .bool(false)])
        let under = try evaluate(.like(.column(s), pattern: E.str("a!_b"), caseInsensitive: false, negated: false, escape: "!"), batch, [s])
        #expect(under == [.bool(false), .bool(false), .bool(true), .bool(false)])
    }

    @Test func selectionAndGather() throws {
        let x = ids.make("x", .int64)
        var values: [Value] = []
        for i in 0..<200 { values.append(i % 3 == 0 ? Value.null : Value.int(Int64(i))) }
        let batch = TestBatches.make([x.field], [values])
        let mask = try evaluate(E.bin(.greater, .column(x), E.int(100)), batch, [x])
        let maskColumn = TestBatches.make([Field("m", .boolean)], [mask]).columns[0]
        let picked = Selection.indices(of: maskColumn.slice(7, 150))
        var expected: [Int32] = []
        for i in 7..<157 where i % 3 != 0 && i > 100 { expected.append(Int32(i - 7)) }
        #expect(picked == expected)
        let gathered = Gather.column(batch.columns[0], [5, -1, 3])
        #expect(gathered.allValues == [.int(5), .null, .null])
    }
}
