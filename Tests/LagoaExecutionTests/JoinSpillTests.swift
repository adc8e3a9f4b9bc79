import Foundation
import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import LagoaTesting
import Testing

/// Hash joins whose build side exceeds the memory limit (grace hash join): every kind gives the
/// unlimited answer.
@Suite struct JoinSpillTests {
    /// One join to run with and without a limit.
    struct Case: Sendable, CustomTestStringConvertible {
        let kind: JoinKind
        var nullAware = false
        var filter = false
        var buildNulls = true
        /// A semi/anti join that keeps build rows (RIGHT_SEMI / RIGHT_ANTI).
        var buildSide = false
        var testDescription: String {
            "\(buildSide ? "right " : "")\(kind.rawValue)\(nullAware ? " null-aware" : "")\(filter ? " with filter" : "")\(buildNulls ? "" : " without build NULLs")"
        }
    }

    static let cases: [Case] = [
        Case(kind: .inner), Case(kind: .left), Case(kind: .right), Case(kind: .full), Case(kind: .semi), Case(kind: .anti),
        Case(kind: .anti, nullAware: true), Case(kind: .anti, nullAware: true, buildNulls: false),
        Case(kind: .mark), Case(kind: .mark, nullAware: true), Case(kind: .mark, nullAware: true, buildNulls: false),
        Case(kind: .inner, filter: true), Case(kind: .left, filter: true), Case(kind: .full, filter: true),
        Case(kind: .semi, filter: true), Case(kind: .anti, filter: true),
        Case(kind: .semi, buildSide: true), Case(kind: .anti, buildSide: true),
        Case(kind: .semi, filter: true, buildSide: true), Case(kind: .anti, filter: true, buildSide: true),
    ]

    static let leftFields = [Field("id", .int64), Field("a", .int64)]
    static let rightFields = [Field("id", .int64), Field("r", .int64)]

    /// Two int64 columns: `id(i)` (NULL where `nil`) and `i`, in 4096-row batches dealt to
    /// `partitions` partitions.
    static func table(_ fields: [Field], rows: Int, partitions: Int, id: (Int) -> Int64?) -> TestBatchesExec {
        var parts = [[RecordBatch]](repeating: [], count: partitions)
        var start = 0
        var next = 0
        while start < rows {
            let n = min(4096, rows - start)
            let ids = ColumnBuilder(.int64, capacity: n)
            let values = ColumnBuilder(.int64, capacity: n)
            for i in start..<(start + n) {
                if let key = id(i) { ids.appendFixed(key) } else { ids.appendNull() }
                values.appendFixed(Int64(i))
            }
            parts[next % partitions].append(RecordBatch(schema: Schema(fields), columns: [ids.finish(), values.finish()], rowCount: n))
            next += 1
            start += n
        }
        return TestBatchesExec(schema: Schema(fields), partitions: parts)
    }

    /// Build: 200 000 rows, keys 0..<150 000 (the first 50 000 twice), every 1000th NULL unless
    /// `buildNulls` is off. Probe: 100 000 rows, keys 0, 3, 6 … (half of them match), every 997th
    /// NULL.
    static func inputs(buildNulls: Bool = true) -> (probe: TestBatchesExec, build: TestBatchesExec) {
        let build = table(rightFields, rows: 200_000, partitions: 4) { i in buildNulls && i % 1000 == 999 ? nil : Int64(i % 150_000) }
        let probe = table(leftFields, rows: 100_000, partitions: 3) { i in i % 997 == 0 ? nil : Int64((i * 3) % 300_000) }
        return (probe, build)
    }

    static func join(_ c: Case, probe: any ExecutionPlan, build: any ExecutionPlan) -> HashJoinExec {
        let fields: [Field]
        switch c.kind {
        case .semi, .anti: fields = c.buildSide ? rightFields : leftFields
        case .mark: fields = leftFields + [Field("mark", .boolean)]
        default: fields = leftFields + rightFields
        }
        return HashJoinExec(
            left: probe,
            right: build,
            kind: c.kind,
            leftKeys: [TestColumnExpr(0, .int64)],
            rightKeys: [TestColumnExpr(0, .int64)],
            filter: c.filter ? ResidualExpr() : nil,
            nullAware: c.nullAware,
            emitsBuildSide: c.buildSide,
            schema: Schema(fields)
        )
    }

    /// Rows in a canonical order.
    static func sortedRows(_ rows: [[Value]]) -> [[Value]] {
        rows.map { ($0.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Runs `plan`: its partitions one after another, or all at once as the engine does (probe
    /// partitions then share the spilled buckets).
    static func run(_ plan: any ExecutionPlan, limit: Int?, directory: String, concurrent: Bool = false) async throws -> (rows: [[Value]], context: TaskContext) {
        let context = TestRun.context(threads: 2, batchSize: 4096, memoryLimit: limit, spillDirectory: directory)
        if concurrent {
            return (sortedRows(BatchComparison.rows(try await PartitionRunner.collect(plan, context: context))), context)
        }
        return (sortedRows(try await TestRun.rows(plan, context: context)), context)
    }

    @Test("a build side beyond a 2 MB limit spills and every join kind gives the unlimited answer", arguments: cases)
    func joinSpills(_ c: Case) async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-join-spill")
        defer { TestPaths.remove(dir) }
        let (probe, build) = Self.inputs(buildNulls: c.buildNulls)
        let expected = try await Self.run(Self.join(c, probe: probe, build: build), limit: nil, directory: dir).rows
        let plan = Self.join(c, probe: probe, build: build)
        let (rows, context) = try await Self.run(plan, limit: 2_000_000, directory: dir)
        #expect(rows.count == expected.count)
        #expect(rows == expected)
        #expect(plan.metrics.extra["spilled"] != nil)
        #expect(plan.metrics.outputRows == expected.count)
        #expect(SpillTests.files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
        // Again with every probe partition running at once, sharing the buckets.
        let concurrent = Self.join(c, probe: probe, build: build)
        #expect(try await Self.run(concurrent, limit: 2_000_000, directory: dir, concurrent: true).rows == expected)
        #expect(concurrent.metrics.extra["spilled"] != nil)
        #expect(SpillTests.files(in: dir).isEmpty)
    }

    @Test("buckets that still do not fit are split again, build and probe alike")
    func bucketsSplitAgain() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-join-spill-deep")
        defer { TestPaths.remove(dir) }
        let c = Case(kind: .full, filter: true)
        let (probe, build) = Self.inputs()
        let expected = try await Self.run(Self.join(c, probe: probe, build: build), limit: nil, directory: dir).rows
        let plan = Self.join(c, probe: probe, build: build)
        let (rows, _) = try await Self.run(plan, limit: 300_000, directory: dir, concurrent: true)
        #expect(rows == expected)
        let spilled = plan.metrics.extra["spilled"] ?? ""
        let buckets = Int(spilled.split(separator: "/").last?.split(separator: " ").first ?? "0") ?? 0
        #expect(buckets > 2 * 16, "spilled=\(spilled)")
        #expect(plan.metrics.extra["memory warning"] == nil)
        #expect(SpillTests.files(in: dir).isEmpty)
    }

    @Test("one hot key that cannot be split is joined over the limit with a warning, not an error")
    func hotKeyGoesOverTheLimit() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-join-spill-hot")
        defer { TestPaths.remove(dir) }
        let build = Self.table(Self.rightFields, rows: 20_000, partitions: 2) { i in i % 10 == 0 ? Int64(i) : 7 }
        let probe = Self.table(Self.leftFields, rows: 20, partitions: 1) { i in i < 2 ? 7 : Int64(i * 10) }
        let c = Case(kind: .right)
        let expected = try await Self.run(Self.join(c, probe: probe, build: build), limit: nil, directory: dir).rows
        let plan = Self.join(c, probe: probe, build: build)
        let (rows, context) = try await Self.run(plan, limit: 200_000, directory: dir)
        #expect(rows == expected)
        #expect(plan.metrics.extra["memory warning"] != nil)
        #expect(SpillTests.files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
    }

    @Test("spill files are removed when a spilled join is cancelled midway")
    func cancelledJoinRemovesFiles() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-join-spill-cancel")
        defer { TestPaths.remove(dir) }
        let context = TestRun.context(batchSize: 4096, memoryLimit: 2_000_000, spillDirectory: dir)
        let (probe, build) = Self.inputs()
        await SpillTests.expectCancelRemovesFiles(context: context, directory: dir) {
            try Self.join(Case(kind: .inner), probe: probe, build: build).execute(partition: 0, context: context)
        }
    }

    @Test("spill files are removed when the probe side fails after the build side spilled")
    func failedProbeRemovesFiles() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-join-spill-fail")
        defer { TestPaths.remove(dir) }
        let (probe, build) = Self.inputs()
        var message = ""
        do {
            let plan = Self.join(Case(kind: .left), probe: FailingExec(probe, failAfter: 5), build: build)
            _ = try await Self.run(plan, limit: 2_000_000, directory: dir)
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("injected failure"))
        #expect(SpillTests.files(in: dir).isEmpty)
    }
}

/// `(a + r) % 3 <> 0` over the joined columns (id, a, id, r); NULL when a side is NULL.
struct ResidualExpr: PhysicalExpr {
    var type: DataType { .boolean }
    var displayText: String { "(a + r) % 3 <> 0" }

    func evaluate(_ batch: RecordBatch) throws -> ColumnarValue {
        let a = batch.columns[1]
        let r = batch.columns[3]
        let out = ColumnBuilder(.boolean, capacity: batch.rowCount)
        for i in 0..<batch.rowCount {
            guard case .int(let x) = a.value(at: i), case .int(let y) = r.value(at: i) else {
                out.appendNull()
                continue
            }
            out.appendBool((x + y) % 3 != 0)
        }
        return .column(out.finish())
    }
}
