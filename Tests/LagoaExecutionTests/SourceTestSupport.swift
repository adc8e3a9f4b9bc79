import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner

/// A ``TableSource`` over batches in memory: one scan partition per batch list.
struct TestTableSource: TableSource {
    let displayName: String
    let schema: Schema
    let partitionBatches: [[RecordBatch]]

    init(name: String = "test", schema: Schema, partitions: [[RecordBatch]]) {
        self.displayName = name
        self.schema = schema
        self.partitionBatches = partitions
    }

    var estimatedRowCount: Double? { Double(partitionBatches.flatMap { $0 }.reduce(0) { $0 + $1.rowCount }) }

    func partitions(columns: [Int], filters: [Expr], output: [ColumnRef], limit: Int?) async throws -> ScanPlan {
        ScanPlan(partitions: partitionBatches.map { batches in Partition(batches: batches.map { $0.project(columns) }) })
    }

    struct Partition: ScanPartition {
        let batches: [RecordBatch]
        func read(_ body: (RecordBatch) async throws -> Void) async throws {
            for b in batches { try await body(b) }
        }
    }
}

/// An ``ExecutionPlan`` over batches in memory, one output partition per list.
final class TestBatchesExec: ExecutionPlan {
    let schema: Schema
    let partitions: [[RecordBatch]]
    let metrics = OperatorMetrics()

    init(schema: Schema, partitions: [[RecordBatch]]) {
        self.schema = schema
        self.partitions = partitions
    }

    convenience init(_ batch: RecordBatch, split: Int = 1) {
        let size = max(1, (batch.rowCount + split - 1) / split)
        var parts: [[RecordBatch]] = []
        var start = 0
        while start < batch.rowCount {
            parts.append([batch.slice(start, min(size, batch.rowCount - start))])
            start += size
        }
        self.init(schema: batch.schema, partitions: parts.isEmpty ? [[]] : parts)
    }

    var children: [any ExecutionPlan] { [] }
    var partitionCount: Int { partitions.count }
    var displayText: String { "TestBatchesExec: partitions=\(partitions.count)" }

    func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        Stream(batches: partitions[partition], metrics: metrics)
    }

    final class Stream: BatchStream {
        var batches: [RecordBatch]
        let metrics: OperatorMetrics
        init(batches: [RecordBatch], metrics: OperatorMetrics) {
            self.batches = batches.reversed()
            self.metrics = metrics
        }
        func next() async throws -> RecordBatch? {
            guard let b = batches.popLast() else { return nil }
            metrics.recordBatch(rows: b.rowCount)
            return b
        }
    }
}

/// Column `index` of the input, as a compiled expression.
struct TestColumnExpr: PhysicalExpr {
    let index: Int
    let type: DataType
    let name: String

    init(_ index: Int, _ type: DataType, name: String? = nil) {
        self.index = index
        self.type = type
        self.name = name ?? "#\(index)"
    }

    func evaluate(_ batch: RecordBatch) throws -> ColumnarValue { .column(batch.columns[index]) }
    var displayText: String { name }
}

/// A constant, as a compiled expression.
struct TestLiteralExpr: PhysicalExpr {
    let value: Value
    let type: DataType
    func evaluate(_ batch: RecordBatch) throws -> ColumnarValue { .scalar(value, type) }
    var displayText: String { value.description }
}

enum TestRun {
    static func context(threads: Int = 2, batchSize: Int = 8192, memoryLimit: Int? = nil, spillDirectory: String = "/tmp") -> TaskContext {
        TaskContext(batchSize: batchSize, threads: threads, memoryLimit: memoryLimit, spillDirectory: spillDirectory)
    }

    /// Every row of every partition of `plan`, partitions in order.
    static func rows(_ plan: any ExecutionPlan, context: TaskContext? = nil) async throws -> [[Value]] {
        let context = context ?? self.context()
        var out: [[Value]] = []
        for p in 0..<plan.partitionCount {
            let stream = try plan.execute(partition: p, context: context)
            while let batch = try await stream.next() {
                for i in 0..<batch.rowCount { out.append(batch.row(i)) }
            }
        }
        return out
    }
}
