import LagoaColumnar
import LagoaIceberg

/// The incremental state of an SOR table, kept in its snapshot summaries: the commit that writes a
/// date's rows also records the highest cursor value seen, so data and state cannot disagree (a
/// run killed before its commit leaves both as they were).
enum CursorState {
    static let dateKey = "lagoa.ingest.date"
    static let runKey = "lagoa.ingest.run-id"
    static let modeKey = "lagoa.ingest.mode"
    static let columnKey = "lagoa.ingest.cursor-column"
    static let fromKey = "lagoa.ingest.cursor-from"
    static let toKey = "lagoa.ingest.cursor-to"

    /// The highest cursor value stored by the latest earlier execution date (the most recent
    /// commit among equals), or `nil` when no earlier date ran incrementally on `column`. Re-running
    /// a date therefore reads the same range again: idempotent.
    static func previousHigh(of table: Table, column: String, before date: ExecutionDate) -> Value? {
        let current = table.metadata.snapshot(ref: TableMetadata.mainBranch)
        var best: (date: String, value: Value)?
        let dateText = date.description
        for snapshot in table.metadata.ancestors(of: current?.snapshotID) {
            let summary = snapshot.summary
            guard summary[columnKey] == column, let day = summary[dateKey], day < dateText,
                let text = summary[toKey], let value = CursorValue.decode(text)
            else { continue }
            if best == nil || day > best!.date { best = (day, value) }
        }
        return best?.value
    }
}
