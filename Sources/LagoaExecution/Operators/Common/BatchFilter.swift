public import LagoaColumnar

/// Keeps the rows of a batch where a boolean column is true.
public enum BatchFilter {
    /// The rows of `batch` where `mask` is true (NULL counts as false). Returns `batch` itself when
    /// every row passes.
    public static func filter(_ batch: RecordBatch, by mask: Column) -> RecordBatch {
        if mask.nullCount == 0, Selection.countTrue(mask) == batch.rowCount { return batch }
        let selection = Selection.indices(of: mask)
        return Gather.batch(batch, selection)
    }

    /// The values of `column` where `mask` is true.
    public static func filter(_ column: Column, by mask: Column) -> Column {
        Gather.column(column, Selection.indices(of: mask))
    }
}
