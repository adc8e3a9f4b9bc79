import Foundation
import LagoaColumnar
import LagoaExecution
import LagoaTesting
import Testing

@Suite struct SpillTests {
    static func files(in dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    }

    /// Reads one batch of the stream `open` makes (by then the operator has spilled), cancels the
    /// query, drains the stream and drops it: expects a cancellation error, no spill file left in
    /// `dir` and nothing reserved.
    static func expectCancelRemovesFiles(context: TaskContext, directory dir: String, _ open: () throws -> any BatchStream) async {
        var sawFiles = false
        var message = ""
        do {
            let stream = try open()
            _ = try await stream.next()
            sawFiles = !files(in: dir).isEmpty
            context.cancel()
            while try await stream.next() != nil {}
        } catch {
            message = "\(error)"
        }
        #expect(sawFiles)
        #expect(message.contains("cancelled"))
        #expect(files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
    }

    @Test("a spill file gives back the batches written, slices and NULLs included, then deletes itself")
    func roundTrip() throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-exec2-spill")
        defer { TestPaths.remove(dir) }
        let fields = [
            Field("i", .int32), Field("s", .string), Field("b", .boolean), Field("d", .decimal128(precision: 20, scale: 3)),
            Field("l", .list(Field("item", .int64))),
        ]
        let batch = TestBatches.make(fields, [
            [.int(1), .null, .int(3), .int(4)],
            [.string("a"), .string(""), .null, .string("dddd")],
            [.bool(true), .bool(false), .null, .bool(true)],
            [.decimal(1234, scale: 3), .null, .decimal(-5, scale: 3), .decimal(0, scale: 3)],
            [.list([.int(1), .int(2)]), .list([]), .null, .list([.int(3)])],
        ])
        var file: SpillFile? = try SpillFile(directory: dir, schema: batch.schema)
        try file!.write(batch)
        try file!.write(batch.slice(1, 2))
        #expect(Self.files(in: dir).count == 1)
        var back: [RecordBatch] = []
        do {
            // The reader keeps the file alive; it goes out of scope before the file is released.
            let reader = try file!.makeReader()
            while let b = try reader.next() { back.append(b) }
        }
        #expect(BatchComparison.difference(expected: [batch, batch.slice(1, 2)], actual: back) == nil)
        file = nil
        #expect(Self.files(in: dir).isEmpty)
    }

    @Test("a sort under a tiny memory limit spills runs, gives the right order and cleans up")
    func sortSpills() async throws {
        let dir = TestPaths.temporaryDirectory(prefix: "lagoa-exec2-sortspill")
        defer { TestPaths.remove(dir) }
        let batch = SortExecTests.randomBatch(rows: 20_000, seed: 3)
        // Many small input batches so the sort sees the limit often.
        var parts: [[RecordBatch]] = [[], []]
        var start = 0
        while start < batch.rowCount {
            parts[(start / 1000) % 2].append(batch.slice(start, min(1000, batch.rowCount - start)))
            start += 1000
        }
        let input = TestBatchesExec(schema: batch.schema, partitions: parts)
        let keys = [(1, true, false), (0, false, true)]
        let sort = SortExec(input: input, keys: keys.map { SortExec.Key(expr: TestColumnExpr($0.0, SortExecTests.fields[$0.0].type), ascending: $0.1, nullsFirst: $0.2) })
        let context = TestRun.context(batchSize: 1024, memoryLimit: 64 * 1024, spillDirectory: dir)
        let rows = try await TestRun.rows(sort, context: context)
        #expect(Int(sort.metrics.extra["spilled runs"] ?? "0")! > 2)
        #expect(rows.count == 20_000)
        // Sorted by the keys (ties may come in any order across runs).
        let expected = SortExecTests.naiveSort(BatchComparison.rows([batch]), keys: keys)
        #expect(rows.map { [$0[1], $0[0]] } == expected.map { [$0[1], $0[0]] })
        #expect(Set(rows.map { $0[4] }) == Set(expected.map { $0[4] }))
        #expect(Self.files(in: dir).isEmpty)
        #expect(context.memory.usedBytes == 0)
    }
}
