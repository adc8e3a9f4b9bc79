import LagoaColumnar
import LagoaFunctions

/// Shapes query rows for a table: columns by position cast to the table's types (as an INSERT
/// does, so `decimal(38,2)` sums fit `decimal(15,2)` columns or fail naming the value), and NOT
/// NULL columns checked.
enum RowConformer {
    /// - Parameters:
    ///   - batch: rows whose column `k` goes to `schema.fields[k]`.
    ///   - names: the table's column names, for messages.
    /// - Throws: ``EngineError`` when counts differ or a NOT NULL column gets a NULL; cast errors.
    static func conform(_ batch: RecordBatch, to schema: Schema, names: [String]) throws -> RecordBatch {
        guard batch.columns.count == schema.fields.count else {
            throw EngineError(.invalidInput, "the rows have \(batch.columns.count) columns but the table has \(schema.fields.count) (\(names.joined(separator: ", ")))")
        }
        var columns: [Column] = []
        for (column, field) in zip(batch.columns, schema.fields) {
            var converted = column
            if column.type != field.type {
                do {
                    converted = try Cast.cast(.column(column), to: field.type, isTry: false, rowCount: batch.rowCount)
                } catch {
                    throw EngineError(.invalidInput, "column \(field.name) (\(field.type)) cannot take the value: \(error)", cause: error)
                }
            }
            if !field.nullable && converted.nullCount > 0 {
                throw EngineError(.invalidInput, "column \(field.name) is NOT NULL but \(converted.nullCount) new row(s) have no value for it")
            }
            columns.append(converted)
        }
        return RecordBatch(schema: schema, columns: columns, rowCount: batch.rowCount)
    }

    /// A column of `count` NULLs of `type`.
    static func nulls(_ type: DataType, count: Int) -> Column {
        let builder = ColumnBuilder(type, capacity: count)
        for _ in 0..<count { builder.appendNull() }
        return builder.finish()
    }
}
