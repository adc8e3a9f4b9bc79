import LagoaColumnar
import LagoaExecution
import LagoaTesting
import Testing

@Suite struct ExplainRendererTests {
    @Test("EXPLAIN shows the tree; EXPLAIN ANALYZE adds rows, batches, time and extra metrics")
    func render() async throws {
        let batch = TestBatches.make([Field("x", .int64)], [(0..<10).map { .int(Int64(9 - $0)) }])
        let input = TestBatchesExec(batch, split: 2)
        let sort = SortExec(input: input, keys: [SortExec.Key(expr: TestColumnExpr(0, .int64, name: "x"))], fetch: 3)
        let limit = LimitExec(input: sort, limit: 2, offset: 1)
        #expect(ExplainRenderer.render(plan: limit, analyze: false) == """
            LimitExec: limit=2 offset=1
              SortExec: TopN(fetch=3) [x ASC NULLS LAST]
                TestBatchesExec: partitions=2
            """)
        let rows = try await TestRun.rows(limit)
        #expect(rows == [[.int(1)], [.int(2)]])
        sort.metrics.set("spilled runs", "0")
        let analyzed = ExplainRenderer.render(plan: limit, analyze: true).split(separator: "\n").map(String.init)
        #expect(analyzed.count == 3)
        #expect(analyzed[0].hasPrefix("LimitExec: limit=2 offset=1  rows=2 batches=1 time="))
        #expect(analyzed[1].hasPrefix("  SortExec: TopN(fetch=3) [x ASC NULLS LAST]  rows=3 batches=1 time="))
        #expect(analyzed[1].hasSuffix("ms spilled runs=0"))
        #expect(analyzed[2].hasPrefix("    TestBatchesExec: partitions=2  rows=10 batches=2 time="))
    }
}
