public import LagoaIceberg
import LagoaColumnar
import LagoaCore
public import Logging
import Synchronization

/// Runs an ``IngestPlan``: reads each table from the source and replaces the execution date's
/// partition of its SOR table in one snapshot. Tables run in parallel (``IngestPlan/parallelism``);
/// a failed table commits nothing and the others go on. Every outcome is returned and recorded in
/// the run history (``RunHistory``).
public struct IngestRunner: Sendable {
    public let catalog: Catalog
    public let logger: Logger
    public let progress: (any IngestProgress)?

    public init(catalog: Catalog, logger: Logger, progress: (any IngestProgress)? = nil) {
        self.catalog = catalog
        self.logger = logger
        self.progress = progress
    }

    /// Runs every table of `plan` and records the run; never throws (failures are outcomes).
    public func run(_ plan: IngestPlan) async -> IngestReport {
        let started = WallClock.nowMillis()
        logger.info(
            "ingest run started",
            metadata: [
                "run": "\(plan.runID)", "source": "\(plan.source.displayName)", "domain": "\(plan.domain)",
                "date": "\(plan.date)", "tables": "\(plan.tables.count)", "parallelism": "\(plan.parallelism)",
            ]
        )
        var outcomes: [Int: TableOutcome] = [:]
        await withTaskGroup(of: (Int, TableOutcome).self) { group in
            var next = 0
            func launch() {
                guard next < plan.tables.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await ingest(plan.tables[index], plan: plan, startedAt: started)) }
            }
            for _ in 0..<max(1, plan.parallelism) { launch() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                launch()
            }
        }
        let report = IngestReport(
            runID: plan.runID,
            sourceName: plan.sourceName,
            date: plan.date,
            startedAt: started,
            endedAt: WallClock.nowMillis(),
            tables: (0..<plan.tables.count).compactMap { outcomes[$0] }
        )
        do {
            try await RunHistory(catalog: catalog).record(report)
        } catch {
            logger.error("could not record the run in the run history", metadata: ["run": "\(plan.runID)", "error": "\(error.message)"])
        }
        logger.info(
            "ingest run finished",
            metadata: [
                "run": "\(plan.runID)", "tables": "\(report.tables.count)", "failed": "\(report.failedCount)",
                "rows": "\(report.totalRows)", "seconds": "\(Double(report.endedAt - report.startedAt) / 1000)",
            ]
        )
        return report
    }

    private func ingest(_ table: TablePlan, plan: IngestPlan, startedAt runStart: Int64) async -> TableOutcome {
        var outcome = TableOutcome(
            source: table.source,
            target: "\(plan.domain).sor.\(table.target)",
            mode: table.mode,
            status: .failed,
            startedAt: WallClock.nowMillis(),
            endedAt: 0
        )
        progress?.started(table.source, target: outcome.target)
        do throws(IngestError) {
            try await write(table, plan: plan, runStart: runStart, into: &outcome)
            outcome.status = .success
            logger.info(
                "table ingested",
                metadata: ["table": "\(outcome.target)", "rows": "\(outcome.rows)", "bytes": "\(outcome.bytes)", "snapshot": "\(outcome.snapshotID ?? 0)"]
            )
        } catch {
            let located = error.context.contains { $0.key == "table" } ? error : error.adding("table", "\(table.source)")
            outcome.error = located
            logger.error("table failed; nothing committed for it", metadata: ["table": "\(outcome.target)", "error": "\(located.message)"])
        }
        outcome.endedAt = WallClock.nowMillis()
        progress?.finished(outcome)
        return outcome
    }

    private func write(_ table: TablePlan, plan: IngestPlan, runStart: Int64, into outcome: inout TableOutcome) async throws(IngestError) {
        let identifier = try SorTable.identifier(domain: plan.domain, table: table.target)
        let source = plan.source
        let sourceName = table.source
        let schema = try await Blocking.run { () throws(IngestError) in try source.describe(sourceName) }
        let (sor, warnings) = try await SorTable.prepare(catalog: catalog, identifier: identifier, source: schema, logger: logger)
        for warning in warnings { logger.warning("schema drift", metadata: ["table": "\(identifier)", "detail": "\(warning)"]) }
        outcome.warnings = warnings

        var bound: CursorBound?
        var cursorIndex: Int?
        var previous: Value?
        var cursorColumn: String?
        if case .incremental(let column, let lookback) = table.mode {
            guard let index = schema.columns.firstIndex(where: { $0.name == column }) else {
                throw IngestError(
                    .notFound,
                    "cursor column '\(column)' is not a column of \(sourceName) (columns: \(schema.columns.map(\.name).joined(separator: ", ")))"
                )
            }
            cursorIndex = index
            cursorColumn = column
            previous = CursorState.previousHigh(of: sor, column: column, before: plan.date)
            if let previous {
                let low = lookback.map { CursorValue.subtracting($0, from: previous) } ?? previous
                bound = CursorBound(column: column, value: low, inclusive: lookback != nil)
                outcome.cursorFrom = "\(bound!.inclusive ? ">=" : ">") \(low)"
            }
        }
        let request = ExtractRequest(table: sourceName, schema: schema, cursor: bound, batchRows: plan.batchRows)
        let opened = try await Blocking.run { () throws(IngestError) in CursorHandle(try source.open(request)) }

        let tracker = Mutex<(rows: Int64, high: Value?)>((0, previous))
        let cursorAt = cursorIndex
        let trackedColumn = cursorColumn
        let progress = self.progress
        let date = plan.date.days
        let runID = plan.runID
        let micros = runStart * 1000
        let pump = BatchPump(cursor: opened.cursor) { batch throws(IngestError) in
            let high = cursorAt.flatMap { CursorValue.maximum(of: batch.columns[$0]) }
            let rows = tracker.withLock { t in
                t.rows += Int64(batch.rowCount)
                t.high = CursorValue.max(t.high, high)
                return t.rows
            }
            progress?.read(sourceName, rows: rows)
            return SorColumns.decorate(batch, date: date, runID: runID, ingestedAtMicros: micros)
        }
        defer { pump.cancel() }
        let mode = table.mode
        let dateText = plan.date.description
        let fromText = bound.flatMap { CursorValue.encode($0.value) }
        let summary: @Sendable () -> [String: String] = {
            var s = [CursorState.dateKey: dateText, CursorState.runKey: runID, CursorState.modeKey: "\(mode)"]
            if let trackedColumn {
                s[CursorState.columnKey] = trackedColumn
                if let fromText { s[CursorState.fromKey] = fromText }
                if let high = tracker.withLock({ $0.high }), let text = CursorValue.encode(high) { s[CursorState.toKey] = text }
            }
            return s
        }
        let written: Table
        do {
            written = try await sor.overwrite(pump, partition: [SorColumns.ingestionDate: dateText], summary: summary)
        } catch {
            if let failure = pump.failure { throw failure }
            throw IngestError(.write, "writing \(identifier) failed: \(error.message)", cause: error)
        }
        let snapshot = written.metadata.snapshot(ref: TableMetadata.mainBranch)
        outcome.snapshotID = snapshot?.snapshotID
        outcome.rows = tracker.withLock { $0.rows }
        outcome.bytes = snapshot.flatMap { Int64($0.summary["added-files-size"] ?? "") } ?? 0
        if cursorColumn != nil { outcome.cursorTo = tracker.withLock { $0.high }.map { "\($0)" } }
    }
}

/// A freshly opened cursor handed from the opening thread to the pump.
private final class CursorHandle: @unchecked Sendable {
    let cursor: any SourceCursor
    init(_ cursor: any SourceCursor) { self.cursor = cursor }
}
