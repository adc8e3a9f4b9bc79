import Foundation
import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaTesting
import Testing

/// Hash aggregation under a memory limit: spilled runs give exactly the unlimited answer.
@Suite struct AggregateSpillTests {
    static let fields = [Field("k", .string), Field("g", .int64), Field("v", .int64), Field("s", .string)]

    /// `rows` rows in 4096-row batches dealt to `partitions` partitions: 100 000 string keys `k`
    /// (each twice when `rows` is 200 000, scattered), `g` = 100 groups of keys, `v` with NULLs,
    /// `s` five short strings.
    static func input(rows: Int = 200_000, partitions: Int = 4) -> TestBatchesExec {
        var parts = [[RecordBatch]](repeating: [], count: partitions)
        var start = 0
        var next = 0
        while start < rows {
            let n = min(4096, rows - start)
            let k = ColumnBuilder(.string, capacity: n)
            let g = ColumnBuilder(.int64, capacity: n)
            let v = ColumnBuilder(.int64, capacity: n)
            let s = ColumnBuilder(.string, capacity: n)
            for i in start..<(start + n) {
                let key = (i * 7919) % 100_000
                k.appendString("key-\(key)")
                g.appendFixed(Int64(key % 100))
                if i % 17 == 0 { v.appendNull() } else { v.appendFixed(Int64(i % 1000)) }
                s.appendString("s\(i % 5)")
            }
            let batch = RecordBatch(schema: Schema(fields), columns: [k.finish(), g.finish(), v.finish(), s.finish()], rowCount: n)
            parts[next % partitions].append(batch)
            next += 1
            start += n
        }
        return TestBatchesExec(schema: Schema(fields), partitions: parts)
    }

    static func spec(_ name: String, _ arguments: [any PhysicalExpr], distinct: Bool = false) throws -> AggregateSpec {
        let function = FunctionRegistry.builtins.aggregate(name)!
        let signature = try function.bind(arguments.map(\.type), distinct: distinct)
        return AggregateSpec(name: name, function: function, signature: signature, arguments: arguments, filter: nil, distinct: distinct)
    }

    /// `GROUP BY k, g` (or the given grouping sets) with sum, count, count(*), avg, min, max and
    /// string_agg; with `distinct`, also count(DISTINCT s) and sum(DISTINCT v).
    static func aggregate(_ input: any ExecutionPlan, sets: [[Int]]? = nil, distinct: Bool = false) throws -> HashAggregateExec {
        let v = TestColumnExpr(2, .int64)
        let s = TestColumnExpr(3, .string)
        var specs = [
            try spec("sum", [v]), try spec("count", [v]), try spec("count", []), try spec("avg", [v]),
            try spec("min", [v]), try spec("max", [s]), try spec("string_agg", [s]),
        ]
        if distinct { specs += [try spec("count", [s], distinct: true), try spec("sum", [v], distinct: true)] }
        let groupingID: DataType? = sets == nil ? nil : .int64
        var fields = [Field("k", .string), Field("g", .int64)] + specs.map { Field($0.name, $0.signature.returnType) }
        if let groupingID { fields.append(Field("grouping_id", groupingID)) }
        return HashAggregateExec(
            input: input,
            groupExprs: [TestColumnExpr(0, .string), TestColumnExpr(1, .int64)],
            aggregates: specs,
            groupingSets: sets,
            groupingIDType: groupingID,
            schema: Schema(fields)
        )
    }

    /// Rows as sorted text lines; string_agg (column 8) lists its parts sorted, since the order in
    /// which partial states meet differs between runs.
    static func normalised(_ rows: [[Value]]) -> [String] {
        rows.map { row in
            var row = row
            if case .string(let text) = row[8] { row[8] = .string(text.split(separator: ",").sorted().joined(separator: ",")) }
            return row.map(\.description).joined(separator: "|")
        }.sorted()
    }

    static func run(_ plan: any ExecutionPlan, limit: Int?, directory: String, threads: Int = 2) async throws -> (rows: [[Value]], context: TaskContext) {
        let context = TestRun.context(threads: threads, batchSize: 4096, memoryLimit: limit, spillDirectory: directory)
        return (try await TestRun.rows(plan, context: context), context)
    }

    @Test("GROUP BY over 100k groups under a 1.5 MB limit spills and equals the unlimited run")
    func groupBySpills() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill")
        defer { TestPaths.remove(dir) }
        let input = Self.input()
        let expected = try await Self.run(try Self.aggregate(input), limit: nil, directory: dir).rows
        let plan = try Self.aggregate(input)
        let (rows, context) = try await Self.run(plan, limit: 1_500_000, directory: dir)
        #expect(rows.count == 100_000)
        #expect(Self.normalised(rows) == Self.normalised(expected))
        #expect(plan.metrics.extra["spilled"] != nil)
        #expect(plan.metrics.extra["groups"] == "100000")
        #expect(plan.metrics.outputRows == 100_000)
        #expect(SpillTests.files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
    }

    @Test("a limit so small that buckets do not fit re-partitions them and still gives the same answer")
    func bucketsSplitAgain() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill-deep")
        defer { TestPaths.remove(dir) }
        let input = Self.input()
        let expected = try await Self.run(try Self.aggregate(input), limit: nil, directory: dir).rows
        let plan = try Self.aggregate(input)
        let (rows, context) = try await Self.run(plan, limit: 300_000, directory: dir)
        #expect(Self.normalised(rows) == Self.normalised(expected))
        // More bucket files than one level has.
        let spilled = plan.metrics.extra["spilled"] ?? ""
        let buckets = Int(spilled.split(separator: "/").last?.split(separator: " ").first ?? "0") ?? 0
        #expect(buckets > 2 * 16, "spilled=\(spilled)")
        #expect(SpillTests.files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
    }

    @Test("ROLLUP under a limit: sets with keys spill, the grand total stays, grouping ids survive")
    func rollupSpills() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill-rollup")
        defer { TestPaths.remove(dir) }
        let input = Self.input()
        let sets = [[0, 1], [1], []]
        let expected = try await Self.run(try Self.aggregate(input, sets: sets), limit: nil, directory: dir).rows
        let plan = try Self.aggregate(input, sets: sets)
        let (rows, _) = try await Self.run(plan, limit: 1_500_000, directory: dir)
        #expect(rows.count == 100_000 + 100 + 1)
        #expect(Self.normalised(rows) == Self.normalised(expected))
        #expect(plan.metrics.extra["spilled"] != nil)
        #expect(SpillTests.files(in: dir).isEmpty)
    }

    @Test("DISTINCT aggregates spill their seen values and count each value once")
    func distinctSpills() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill-distinct")
        defer { TestPaths.remove(dir) }
        let input = Self.input()
        let expected = try await Self.run(try Self.aggregate(input, distinct: true), limit: nil, directory: dir).rows
        let plan = try Self.aggregate(input, distinct: true)
        let (rows, context) = try await Self.run(plan, limit: 1_500_000, directory: dir)
        #expect(Self.normalised(rows) == Self.normalised(expected))
        #expect(plan.metrics.extra["spilled"] != nil)
        #expect(SpillTests.files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
    }

    @Test("count(DISTINCT …) without GROUP BY cannot spill and fails clearly when it alone exceeds the limit")
    func globalDistinctOverLimitFails() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill-global")
        defer { TestPaths.remove(dir) }
        let plan = HashAggregateExec(
            input: Self.input(),
            groupExprs: [],
            aggregates: [try Self.spec("count", [TestColumnExpr(0, .string)], distinct: true)],
            groupingSets: nil,
            groupingIDType: nil,
            schema: Schema([Field("n", .int64)])
        )
        var message = ""
        do {
            _ = try await Self.run(plan, limit: 500_000, directory: dir)
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("cannot spill"), "\(message)")
        #expect(SpillTests.files(in: dir).isEmpty)
    }

    @Test("spill files are removed when the query is cancelled while buckets are merged")
    func cancelledMergeRemovesFiles() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill-cancel")
        defer { TestPaths.remove(dir) }
        let context = TestRun.context(batchSize: 4096, memoryLimit: 1_500_000, spillDirectory: dir)
        await SpillTests.expectCancelRemovesFiles(context: context, directory: dir) {
            try Self.aggregate(Self.input()).execute(partition: 0, context: context)
        }
    }

    @Test("spill files are removed when an input partition fails after spilling")
    func failedInputRemovesFiles() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-agg-spill-fail")
        defer { TestPaths.remove(dir) }
        let plan = try Self.aggregate(FailingExec(Self.input(partitions: 1), failAfter: 40))
        var message = ""
        do {
            _ = try await Self.run(plan, limit: 1_000_000, directory: dir)
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("injected failure"))
        #expect(plan.metrics.extra["spilled"] != nil)
        #expect(SpillTests.files(in: dir).isEmpty)
    }
}

/// Passes batches of `input` through and fails in partition 0 after `failAfter` of them.
final class FailingExec: ExecutionPlan {
    let input: any ExecutionPlan
    let failAfter: Int
    let metrics = OperatorMetrics()

    init(_ input: any ExecutionPlan, failAfter: Int) {
        self.input = input
        self.failAfter = failAfter
    }

    var schema: Schema { input.schema }
    var children: [any ExecutionPlan] { [input] }
    var partitionCount: Int { input.partitionCount }
    var displayText: String { "FailingExec" }

    func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        let stream = try input.execute(partition: partition, context: context)
        var seen = 0
        let limit = partition == 0 ? failAfter : Int.max
        return ClosureBatchStream {
            seen += 1
            if seen > limit { throw ExecutionError(.io, "injected failure") }
            return try await stream.next()
        }
    }
}
