public import LagoaColumnar
public import LagoaFunctions
public import LagoaPlanner

/// Window functions: adds one column per ``Call`` to the input's columns, rows in input order.
///
/// Reads every input partition concurrently, then for each distinct (PARTITION BY, ORDER BY) sorts
/// a row permutation by the partition keys and the order keys (in parallel chunks, see
/// ``SortPermutation``), finds partition and peer-group boundaries, computes each call over its
/// frame (``WindowFrameBounds``), and scatters the results back to input order.
///
/// Ranking (`row_number`, `rank`, `dense_rank`, `percent_rank`, `cume_dist`, `ntile`), offset
/// (`lag`, `lead`), value (`first_value`, `last_value`, `nth_value`) functions and aggregates over
/// ROWS, RANGE and GROUPS frames: `count`/`sum`/`avg` with per-partition prefix sums, `min`/`max`
/// with running extrema (or a scan of the frame), any other aggregate through its
/// LagoaFunctions accumulator.
public final class WindowExec: ExecutionPlan {
    /// A frame bound with its offset evaluated (rows or groups count, or a RANGE offset value).
    public enum Bound: Sendable {
        case unboundedPreceding
        case preceding(Value)
        case currentRow
        case following(Value)
        case unboundedFollowing
    }

    /// One window function call, compiled.
    public struct Call: Sendable {
        public var function: String
        public var isAggregate: Bool
        public var arguments: [any PhysicalExpr]
        public var distinct: Bool
        public var partitionBy: [any PhysicalExpr]
        public var orderBy: [SortExec.Key]
        public var units: FrameUnits
        public var start: Bound
        public var end: Bound
        public var ignoreNulls: Bool
        /// The bound signature (argument and result types).
        public var signature: FunctionSignature
        public var output: Field

        public init(
            function: String, isAggregate: Bool, arguments: [any PhysicalExpr], distinct: Bool = false,
            partitionBy: [any PhysicalExpr], orderBy: [SortExec.Key], units: FrameUnits, start: Bound, end: Bound,
            ignoreNulls: Bool = false, signature: FunctionSignature, output: Field
        ) {
            self.function = function.lowercased()
            self.isAggregate = isAggregate
            self.arguments = arguments
            self.distinct = distinct
            self.partitionBy = partitionBy
            self.orderBy = orderBy
            self.units = units
            self.start = start
            self.end = end
            self.ignoreNulls = ignoreNulls
            self.signature = signature
            self.output = output
        }

        /// Identifies calls that share one sort: the same PARTITION BY and ORDER BY.
        var sortSpec: String {
            partitionBy.map(\.displayText).joined(separator: ",") + "|"
                + orderBy.map { "\($0.expr.displayText) \($0.ascending) \($0.nullsFirst)" }.joined(separator: ",")
        }
    }

    public let input: any ExecutionPlan
    public let calls: [Call]
    public let schema: Schema
    public let metrics = OperatorMetrics()

    public init(input: any ExecutionPlan, calls: [Call]) {
        self.input = input
        self.calls = calls
        self.schema = Schema(input.schema.fields + calls.map(\.output))
    }

    public var children: [any ExecutionPlan] { [input] }
    public var partitionCount: Int { 1 }
    public var displayText: String {
        "WindowExec: [" + calls.map { c in
            "\(c.function)(\(c.arguments.map(\.displayText).joined(separator: ", "))) OVER (PARTITION BY [\(c.partitionBy.map(\.displayText).joined(separator: ", "))] ORDER BY [\(c.orderBy.map { $0.expr.displayText + ($0.ascending ? "" : " DESC") }.joined(separator: ", "))] \(c.units.rawValue.uppercased()))"
        }.joined(separator: ", ") + "]"
    }

    public func execute(partition: Int, context: TaskContext) throws -> any BatchStream {
        precondition(partition == 0, "WindowExec has one output partition, asked for \(partition)")
        return ComputedBatchStream(context: context, metrics: metrics) { [self] in try await run(context) }
    }

    private func run(_ context: TaskContext) async throws -> [RecordBatch] {
        let gathered = try await PartitionGather.collect(input, context: context)
        let all = PartitionGather.concatenate(gathered.flatMap { $0 }, schema: input.schema)
        var outputs = [Column?](repeating: nil, count: calls.count)
        var specs: [String: [Int]] = [:]
        var order: [String] = []
        for (i, call) in calls.enumerated() {
            if specs[call.sortSpec] == nil { order.append(call.sortSpec) }
            specs[call.sortSpec, default: []].append(i)
        }
        for spec in order {
            let indices = specs[spec]!
            try context.checkCancelled()
            let layout = try await WindowLayout(batch: all, call: calls[indices[0]], tasks: context.threads)
            for i in indices {
                let sorted = try WindowEvaluator(layout: layout, call: calls[i], batch: all, context: context).evaluate()
                outputs[i] = sorted.take(layout.inverse)
            }
        }
        let result = RecordBatch(schema: schema, columns: all.columns + outputs.map { $0! }, rowCount: all.rowCount)
        return PartitionGather.split(result, size: context.batchSize)
    }
}
