public import LagoaColumnar
import LagoaFunctions
public import LagoaIceberg
import LagoaParquet
public import LagoaPlanner

/// An Iceberg table at one snapshot as a query's ``TableSource``.
///
/// Planning prunes data files with the table's partition values and column statistics (the pushed
/// filters that translate to ``IcebergExpression``s), then reads each remaining file as its own
/// partition with deletes applied by LagoaIceberg's ``ScanReader``.
public struct IcebergTableSource: TableSource {
    public let table: Table
    public let selector: SnapshotSelector
    public let name: String
    public let schema: Schema
    /// Partitions the planner aims for: files with several row groups are split into runs of row
    /// groups when there are fewer files than this.
    public let targetPartitions: Int
    private let readSchema: IcebergSchema
    private let snapshot: Snapshot?
    /// Per column of ``schema``: distinct-value estimates (see ``withStatistics()``).
    private var distinctEstimates: [Double?] = []

    /// - Parameters:
    ///   - name: the qualified name shown in EXPLAIN.
    ///   - targetPartitions: how many partitions to aim for (usually the number of cores × 2).
    /// - Throws: ``IcebergError`` when the selector names no snapshot of the table.
    public init(table: Table, selector: SnapshotSelector = .current, name: String, targetPartitions: Int = 4) throws {
        self.table = table
        self.targetPartitions = max(1, targetPartitions)
        self.selector = selector
        self.name = name
        let scan = try TableScan(table: table, selector: selector)
        self.readSchema = scan.readSchema
        self.snapshot = scan.snapshot
        self.schema = scan.schema
    }

    public var displayName: String {
        guard let snapshot else { return name }
        return "\(name)@snapshot \(snapshot.snapshotID)"
    }

    public var estimatedRowCount: Double? {
        guard let snapshot else { return 0 }
        return snapshot.summary["total-records"].flatMap(Double.init)
    }

    /// Field id of each column of the read schema, by name.
    private var fieldIDs: [String: Int] {
        var ids: [String: Int] = [:]
        for field in readSchema.fields { ids[field.name] = Int(field.id) }
        return ids
    }

    public func estimatedDistinctCount(column: Int) -> Double? {
        column < distinctEstimates.count ? distinctEstimates[column] : nil
    }

    /// This source with distinct-count estimates for its integer and date columns, read from the
    /// snapshot's manifests (data file bounds), for join ordering.
    /// - Throws: ``IcebergError`` when the manifests cannot be read.
    public func withStatistics() async throws -> IcebergTableSource {
        let tasks = try await TableScan(table: table, selector: selector).planFiles()
        var copy = self
        copy.distinctEstimates = IcebergDistinctEstimates.estimate(schema: readSchema, files: tasks.map(\.file))
        return copy
    }

    public func partitions(columns: [Int], filters: [Expr], output: [ColumnRef], limit: Int?) async throws -> ScanPlan {
        let names = columns.map { schema.fields[$0].name }
        var byID: [Int: String] = [:]
        for (ref, name) in zip(output, names) { byID[ref.id] = name }
        // Keep only the conjuncts Iceberg accepts for this schema (a literal it cannot convert
        // would fail the whole scan; pruning is optional).
        var accepted: [IcebergExpression] = []
        var rowGroupFilters: [ParquetFilter] = []
        for predicate in ScanFilterTranslation.predicates(filters, names: byID) {
            if let p = ScanFilterTranslation.parquet(predicate) { rowGroupFilters.append(p) }
            guard let e = ScanFilterTranslation.iceberg(predicate) else { continue }
            if (try? TableScan(table: table, selector: selector, filter: e)) != nil { accepted.append(e) }
        }
        let filter = IcebergExpression.all(accepted)
        let scan = try TableScan(table: table, selector: selector, columns: names, filter: filter)
        let total = Self.totalFiles(snapshot)
        var tasks = try await scan.planFiles()
        let planned = tasks.count
        if let limit, filters.isEmpty {
            // Enough whole files for the limit (deletes make record counts an upper bound).
            var rows: Int64 = 0
            var kept = 0
            for task in tasks {
                kept += 1
                if task.deletes.isEmpty { rows += task.file.recordCount }
                if rows >= Int64(limit) { break }
            }
            tasks = Array(tasks.prefix(kept))
        }
        // The executor applies the filters to every row with its vectorized kernels; the reader
        // must not evaluate them again row by row.
        let reader = try ScanReader(scan: TableScan(table: table, selector: selector, columns: names))
        var summary = "files \(tasks.count) of \(total.map(String.init) ?? "?")"
        if tasks.count < planned { summary += " (limit)" }
        var partitions: [any ScanPartition] = []
        let perFile = tasks.isEmpty ? 1 : max(1, (targetPartitions + tasks.count - 1) / tasks.count)
        if !rowGroupFilters.isEmpty {
            // Row groups whose statistics rule out the filters are skipped within each file.
            let pruning = IcebergRowGroupPruning(filter: rowGroupFilters.count == 1 ? rowGroupFilters[0] : .and(rowGroupFilters), fieldIDs: fieldIDs)
            // Only files with several row groups can gain over Iceberg's file-level bounds; their
            // footers are read concurrently (object stores answer each in tens of milliseconds).
            let candidates = tasks.indices.filter { (tasks[$0].file.splitOffsets?.count ?? 2) > 1 }
            let io = table.io
            var pruned: [Int: (runs: [Range<Int>], total: Int)] = [:]
            await withTaskGroup(of: (Int, (runs: [Range<Int>], total: Int)?).self) { group in
                var next = 0
                func start() {
                    guard next < candidates.count else { return }
                    let index = candidates[next]
                    let task = tasks[index]
                    next += 1
                    group.addTask { (index, await pruning.runs(for: task, io: io)) }
                }
                for _ in 0..<16 { start() }
                while let (index, result) = await group.next() {
                    if let result { pruned[index] = result }
                    start()
                }
            }
            var kept = 0
            var all = 0
            var remaining: [FileScanTask] = []
            for (index, task) in tasks.enumerated() {
                guard let (runs, count) = pruned[index] else {
                    remaining.append(task)
                    continue
                }
                all += count
                kept += runs.reduce(0) { $0 + $1.count }
                for run in IcebergRowGroupPruning.split(runs, into: perFile) {
                    partitions.append(IcebergScanPartition(reader: reader, task: task, rowGroups: run))
                }
            }
            if all > 0 { summary += ", row groups \(kept) of \(all)" }
            tasks = remaining
        }
        if filter != .alwaysTrue { summary += " filter: \(filter)" }
        for task in tasks {
            // Writers record one split offset per row group.
            let groups = task.file.splitOffsets?.count ?? 1
            let chunks = min(perFile, groups)
            if chunks <= 1 {
                partitions.append(IcebergScanPartition(reader: reader, task: task, rowGroups: nil))
                continue
            }
            for c in 0..<chunks {
                let lower = c * groups / chunks
                // The last run reads to the end, whatever the real row group count.
                let upper = c == chunks - 1 ? Int.max : (c + 1) * groups / chunks
                partitions.append(IcebergScanPartition(reader: reader, task: task, rowGroups: lower..<upper))
            }
        }
        return ScanPlan(partitions: partitions, pruningSummary: summary)
    }

    /// Data files in the snapshot (from its summary), for the pruning summary.
    private static func totalFiles(_ snapshot: Snapshot?) -> Int? {
        guard let snapshot else { return 0 }
        return snapshot.summary["total-data-files"].flatMap { Int($0) }
    }
}

/// One data file of an Iceberg scan, or a run of its row groups.
struct IcebergScanPartition: ScanPartition {
    let reader: ScanReader
    let task: FileScanTask
    /// A run of the file's row groups, or all of them.
    let rowGroups: Range<Int>?

    func read(_ body: (RecordBatch) async throws -> Void) async throws {
        try await reader.read(task, rowGroups: rowGroups, body)
    }
}
