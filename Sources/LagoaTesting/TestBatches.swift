public import LagoaColumnar

/// Small record batches written as values, for tests.
public enum TestBatches {
    /// One batch whose column `k` holds `columns[k]`, typed by `fields[k]`.
    public static func make(_ fields: [Field], _ columns: [[Value]]) -> RecordBatch {
        let built = zip(fields, columns).map { field, values in
            let builder = ColumnBuilder(field.type)
            for value in values { builder.append(value) }
            return builder.finish()
        }
        return RecordBatch(schema: Schema(fields), columns: built)
    }
}
