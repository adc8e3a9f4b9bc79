import LagoaColumnar

/// Shapes incoming rows like a table: columns matched by name, converted to the table's types,
/// missing optional columns filled with nulls.
enum BatchConformer {
    /// - Throws: ``IcebergError/Code/validation`` naming the column for unknown columns, missing or
    ///   null values in required columns, and types that cannot be converted.
    static func conform(_ batch: RecordBatch, to schema: IcebergSchema) throws(IcebergError) -> RecordBatch {
        let target = schema.arrowSchema
        if batch.schema == target { return batch }
        let known = Set(schema.fields.map(\.name))
        if let extra = batch.schema.fields.first(where: { !known.contains($0.name) }) {
            throw IcebergError(
                .validation,
                "column '\(extra.name)' is not in the table (columns: \(schema.fields.map(\.name).joined(separator: ", "))); add it with schema evolution first"
            )
        }
        var columns: [Column] = []
        for (field, arrowField) in zip(schema.fields, target.fields) {
            guard let index = batch.schema.index(of: field.name) else {
                if field.required {
                    throw IcebergError(.validation, "required column '\(field.name)' is missing from the data")
                }
                columns.append(ColumnConversion.nulls(arrowField.type, count: batch.rowCount))
                continue
            }
            let column = try ColumnConversion.convert(batch.columns[index], to: arrowField.type, name: field.name)
            if field.required && column.nullCount > 0 {
                throw IcebergError(.validation, "required column '\(field.name)' has \(column.nullCount) null values")
            }
            columns.append(column)
        }
        return RecordBatch(schema: target, columns: columns, rowCount: batch.rowCount)
    }
}
