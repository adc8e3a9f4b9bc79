public import LagoaColumnar

/// Joins and splits batches: concatenation into one batch, slicing into `batchSize` pieces.
public enum BatchConcatenation {
    /// One batch holding every row of `batches` in order; an empty batch of `schema` when there are
    /// none.
    /// - Precondition: every batch has `schema`'s column types.
    public static func concatenate(_ batches: [RecordBatch], schema: Schema) -> RecordBatch {
        let nonEmpty = batches.filter { $0.rowCount > 0 }
        if nonEmpty.count == 1 { return RecordBatch(schema: schema, columns: nonEmpty[0].columns, rowCount: nonEmpty[0].rowCount) }
        if nonEmpty.isEmpty { return empty(schema) }
        let columns = schema.fields.indices.map { k in Column.concatenate(nonEmpty.map { $0.columns[k] }) }
        return RecordBatch(schema: schema, columns: columns, rowCount: nonEmpty.reduce(0) { $0 + $1.rowCount })
    }

    /// A batch of `schema` with no rows.
    public static func empty(_ schema: Schema) -> RecordBatch {
        RecordBatch(schema: schema, columns: schema.fields.map { ColumnBuilder($0.type).finish() }, rowCount: 0)
    }

    /// `batch` cut into zero-copy slices of at most `size` rows.
    public static func slices(_ batch: RecordBatch, size: Int) -> [RecordBatch] {
        if batch.rowCount <= size { return [batch] }
        return stride(from: 0, to: batch.rowCount, by: size).map { start in
            batch.slice(start, min(size, batch.rowCount - start))
        }
    }

    /// `batch` with its schema replaced by `schema` (same column types; names and nullability may
    /// differ).
    public static func relabel(_ batch: RecordBatch, _ schema: Schema) -> RecordBatch {
        RecordBatch(schema: schema, columns: batch.columns, rowCount: batch.rowCount)
    }
}
