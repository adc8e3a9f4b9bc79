import LagoaColumnar
import LagoaExecution
import LagoaTesting
import Testing

@Suite struct SortExecTests {
    static let fields = [Field("k1", .int64), Field("k2", .string), Field("k3", .float64), Field("d", .decimal128(precision: 12, scale: 2)), Field("id", .int64)]

    /// Random rows with NULLs and many ties; `id` is the input position.
    static func randomBatch(rows: Int, seed: UInt64) -> RecordBatch {
        var rng = SplitMix(seed: seed)
        var c: [[Value]] = Array(repeating: [], count: 5)
        let words = ["", "a", "ab", "b", "ba", "zz", "é"]
        for i in 0..<rows {
            c[0].append(rng.next() % 7 == 0 ? .null : .int(Int64(rng.next() % 10) - 5))
            c[1].append(rng.next() % 9 == 0 ? .null : .string(words[Int(rng.next() % UInt64(words.count))]))
            let d = Double(Int64(rng.next() % 7) - 3) / 2
            c[2].append(rng.next() % 11 == 0 ? .null : .double(d == 0 && rng.next() % 2 == 0 ? -0.0 : d))
            c[3].append(rng.next() % 5 == 0 ? .null : .decimal(Int128(Int64(rng.next() % 2001) - 1000), scale: 2))
            c[4].append(.int(Int64(i)))
        }
        return TestBatches.make(fields, c)
    }

    /// A naive comparison of two rows on key column `k`.
    static func naiveCompare(_ a: Value, _ b: Value, ascending: Bool, nullsFirst: Bool) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return nullsFirst ? -1 : 1
        case (false, true): return nullsFirst ? 1 : -1
        default: break
        }
        let c: Int
        switch (a, b) {
        case (.int(let x), .int(let y)): c = x == y ? 0 : (x < y ? -1 : 1)
        case (.double(let x), .double(let y)): c = x == y ? 0 : (x < y ? -1 : 1)
        case (.string(let x), .string(let y)):
            c = Array(x.utf8) == Array(y.utf8) ? 0 : (Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) ? -1 : 1)
        case (.decimal(let x, _), .decimal(let y, _)): c = x == y ? 0 : (x < y ? -1 : 1)
        default: c = 0
        }
        return ascending ? c : -c
    }

    static func naiveSort(_ rows: [[Value]], keys: [(Int, Bool, Bool)]) -> [[Value]] {
        rows.enumerated().sorted { a, b in
            for (k, asc, nf) in keys {
                let c = naiveCompare(a.element[k], b.element[k], ascending: asc, nullsFirst: nf)
                if c != 0 { return c < 0 }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    @Test("sort matches a naive stable sort", arguments: [
        [(0, true, false)],
        [(1, false, true), (0, true, true)],
        [(2, true, true), (3, false, false), (1, true, false)],
        [(3, true, false), (2, false, true)],
    ])
    func randomSort(_ keys: [(Int, Bool, Bool)]) async throws {
        let batch = Self.randomBatch(rows: 40_000, seed: UInt64(keys.count * 7 + keys[0].0))
        let input = TestBatchesExec(batch, split: 3)
        let sort = SortExec(input: input, keys: keys.map { SortExec.Key(expr: TestColumnExpr($0.0, Self.fields[$0.0].type), ascending: $0.1, nullsFirst: $0.2) })
        let actual = try await TestRun.rows(sort)
        let expected = Self.naiveSort(BatchComparison.rows([batch]), keys: keys)
        #expect(actual.count == expected.count)
        // Stable: ties keep input order, so even the id column matches.
        #expect(actual.map { $0[4] } == expected.map { $0[4] })
    }

    @Test("top-N keeps the first N rows of the full sort")
    func topN() async throws {
        let batch = Self.randomBatch(rows: 30_000, seed: 99)
        let keys = [(0, false, false), (2, true, false)]
        let input = TestBatchesExec(batch, split: 4)
        for fetch in [0, 1, 10, 5000] {
            let sort = SortExec(input: input, keys: keys.map { SortExec.Key(expr: TestColumnExpr($0.0, Self.fields[$0.0].type), ascending: $0.1, nullsFirst: $0.2) }, fetch: fetch)
            let actual = try await TestRun.rows(sort)
            let expected = Array(Self.naiveSort(BatchComparison.rows([batch]), keys: keys).prefix(fetch))
            #expect(actual.map { $0[4] } == expected.map { $0[4] })
        }
    }

    @Test("an empty input sorts to no rows")
    func emptyInput() async throws {
        let empty = TestBatchesExec(schema: Schema(Self.fields), partitions: [[], []])
        let sort = SortExec(input: empty, keys: [SortExec.Key(expr: TestColumnExpr(0, .int64))])
        #expect(try await TestRun.rows(sort).isEmpty)
    }

    @Test("LIMIT and OFFSET across partitions stop early")
    func limitOffset() async throws {
        let batch = TestBatches.make([Field("x", .int64)], [(0..<100).map { .int(Int64($0)) }])
        let input = TestBatchesExec(batch, split: 4)
        #expect(try await TestRun.rows(LimitExec(input: input, limit: 5, offset: 23)).map { $0[0] } == (23..<28).map { .int(Int64($0)) })
        #expect(try await TestRun.rows(LimitExec(input: input, limit: nil, offset: 97)).map { $0[0] } == [.int(97), .int(98), .int(99)])
        #expect(try await TestRun.rows(LimitExec(input: input, limit: 0)).isEmpty)
        #expect(try await TestRun.rows(LimitExec(input: input, limit: 10, offset: 200)).isEmpty)
    }

    @Test("VALUES and the one-row empty relation")
    func valuesAndEmpty() async throws {
        let values = ValuesExec(schema: Schema([Field("a", .int64), Field("b", .string)]), rows: [[.int(1), .string("x")], [.null, .string("y")]])
        #expect(try await TestRun.rows(values) == [[.int(1), .string("x")], [.null, .string("y")]])
        #expect(try await TestRun.rows(EmptyExec(oneRow: true)) == [[]])
        #expect(try await TestRun.rows(EmptyExec(oneRow: false)).isEmpty)
    }
}

/// A small deterministic random generator for tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
