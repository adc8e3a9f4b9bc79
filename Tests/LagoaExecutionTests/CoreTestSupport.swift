import LagoaColumnar
import LagoaExecution
import LagoaFunctions
import LagoaPlanner
import LagoaTesting

/// An in-memory table: a schema and batches dealt round-robin into `partitions` scan partitions.
struct MemoryTableSource: TableSource {
    let displayName: String
    let schema: Schema
    let batches: [RecordBatch]
    let partitionCount: Int
    var estimatedRowCount: Double? { Double(batches.reduce(0) { $0 + $1.rowCount }) }

    init(name: String = "memory", schema: Schema, batches: [RecordBatch], partitions: Int = 1) {
        displayName = name
        self.schema = schema
        self.batches = batches
        partitionCount = partitions
    }

    struct Partition: ScanPartition {
        let batches: [RecordBatch]
        let columns: [Int]
        func read(_ body: (RecordBatch) async throws -> Void) async throws {
            for batch in batches { try await body(batch.project(columns)) }
        }
    }

    func partitions(columns: [Int], filters: [Expr], output: [ColumnRef], limit: Int?) async throws -> ScanPlan {
        var groups = [[RecordBatch]](repeating: [], count: partitionCount)
        for (i, batch) in batches.enumerated() { groups[i % partitionCount].append(batch) }
        return ScanPlan(partitions: groups.map { Partition(batches: $0, columns: columns) })
    }
}

/// Builds test tables and plans with plan-wide unique column ids.
final class PlanBuilder {
    let ids = ColumnIDGenerator()

    /// A scan over `columns` (name, type) holding `rows`, split into `batches` batches and
    /// `partitions` partitions.
    func table(_ name: String, _ columns: [(String, DataType)], _ rows: [[Value]], batches: Int = 1, partitions: Int = 1) -> (LogicalPlan, [ColumnRef]) {
        let fields = columns.map { Field($0.0, $0.1) }
        let schema = Schema(fields)
        var out: [RecordBatch] = []
        let per = max(1, (rows.count + batches - 1) / max(1, batches))
        var start = 0
        repeat {
            let chunk = Array(rows[start..<min(rows.count, start + per)])
            out.append(TestBatches.make(fields, fields.indices.map { k in chunk.map { $0[k] } }))
            start += per
        } while start < rows.count
        let refs = columns.map { ids.make($0.0, $0.1, relation: name) }
        let source = MemoryTableSource(name: name, schema: schema, batches: out, partitions: partitions)
        return (.scan(Scan(source: source, columns: Array(columns.indices), output: refs)), refs)
    }
}

/// Plans and runs `plan`, returning every row of every partition.
func run(_ plan: LogicalPlan, threads: Int = 2, batchSize: Int = 8192, functions: FunctionRegistry = TestFunctions.registry) async throws -> [[Value]] {
    let context = TaskContext(batchSize: batchSize, threads: threads, functions: functions)
    let physical = try await PhysicalPlanner(context: context).plan(plan)
    let batches = try await PartitionRunner.collect(physical, context: context)
    for batch in batches {
        precondition(batch.schema.fields.map(\.type) == physical.schema.fields.map(\.type), "batch schema differs from plan schema")
    }
    return BatchComparison.rows(batches)
}

/// Rows in a canonical order, for results whose order SQL leaves open.
func sorted(_ rows: [[Value]]) -> [[Value]] {
    rows.sorted { $0.description < $1.description }
}

/// Shorthands for expressions in tests.
enum E {
    static func col(_ ref: ColumnRef) -> Expr { .column(ref) }
    static func int(_ v: Int64) -> Expr { .literal(.int(v), .int64) }
    static func str(_ s: String) -> Expr { .literal(.string(s), .string) }
    static func bin(_ op: BinaryOperator, _ l: Expr, _ r: Expr) -> Expr {
        let signature = (try? op.bind(l.type, r.type)) ?? FunctionSignature(argumentTypes: [l.type, r.type], returnType: op.isComparison || op == .and || op == .or ? .boolean : l.type)
        return .binary(op, l, r, signature: signature)
    }
}
