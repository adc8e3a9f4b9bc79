public import LagoaColumnar

/// The columns Lagoa adds to every SOR row, after the source's own columns.
public enum SorColumns {
    /// The execution date the row was ingested for; the SOR table is partitioned by it.
    public static let ingestionDate = "_lagoa_ingestion_date"
    /// The run that wrote the row (`lagoa runs` lists runs).
    public static let runID = "_lagoa_run_id"
    /// When the run started, UTC.
    public static let ingestedAt = "_lagoa_ingested_at"

    public static let names: Set<String> = [ingestionDate, runID, ingestedAt]

    /// The three fields, in the order they follow the source columns.
    public static let fields: [Field] = [
        Field(ingestionDate, .date32),
        Field(runID, .string),
        Field(ingestedAt, .timestamp(.microsecond, timeZone: "UTC")),
    ]

    /// `batch` with the three columns appended, the same value on every row.
    /// - Parameters:
    ///   - date: days since 1970-01-01.
    ///   - ingestedAtMicros: microseconds since the epoch, UTC.
    public static func decorate(_ batch: RecordBatch, date: Int32, runID: String, ingestedAtMicros: Int64) -> RecordBatch {
        let rows = batch.rowCount
        let dates = ColumnBuilder(.date32, capacity: rows)
        let runs = ColumnBuilder(.string, capacity: rows)
        let times = ColumnBuilder(.timestamp(.microsecond, timeZone: "UTC"), capacity: rows)
        for _ in 0..<rows {
            dates.appendFixed(date)
            runs.appendString(runID)
            times.appendFixed(ingestedAtMicros)
        }
        return RecordBatch(
            schema: Schema(batch.schema.fields + fields),
            columns: batch.columns + [dates.finish(), runs.finish(), times.finish()],
            rowCount: rows
        )
    }
}
