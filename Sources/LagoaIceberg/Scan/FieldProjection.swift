import LagoaColumnar

/// Shapes columns read from a data file like the schema being read, matching fields by Iceberg
/// field id at every level: renamed columns are found, dropped ones ignored, added ones read as
/// nulls, and promoted types (int→long, float→double, wider decimals) converted.
enum FieldProjection {
    /// The batch with exactly `target`'s columns.
    static func project(_ batch: RecordBatch, to target: Schema, file: String) throws(IcebergError) -> RecordBatch {
        var columns: [Column] = []
        for field in target.fields {
            columns.append(try column(for: field, fields: batch.schema.fields, columns: batch.columns, rows: batch.rowCount, file: file))
        }
        return RecordBatch(schema: target, columns: columns, rowCount: batch.rowCount)
    }

    private static func column(for target: Field, fields: [Field], columns: [Column], rows: Int, file: String) throws(IcebergError) -> Column {
        let index = fields.firstIndex { $0.id != nil && $0.id == target.id }
            ?? (fields.allSatisfy { $0.id == nil } ? fields.firstIndex { $0.name == target.name } : nil)
        guard let index else { return ColumnConversion.nulls(target.type, count: rows) }
        return try convert(columns[index], from: fields[index], to: target, file: file)
    }

    private static func convert(_ column: Column, from source: Field, to target: Field, file: String) throws(IcebergError) -> Column {
        switch (source.type, target.type) {
        case (.struct(let sourceFields), .struct(let targetFields)):
            let children = column.children.map { $0.slice(column.offset, column.count) }
            var out: [Column] = []
            for field in targetFields {
                out.append(try self.column(for: field, fields: sourceFields, columns: children, rows: column.count, file: file))
            }
            return Column(type: target.type, count: column.count, nullCount: column.nullCount, validity: ColumnConversion.rebasedValidity(column), children: out)
        case (.list(let sourceElement), .list(let targetElement)):
            let child = try convert(column.children[0], from: sourceElement, to: targetElement, file: file)
            return Column(type: target.type, count: column.count, offset: column.offset, nullCount: column.nullCount, validity: column.validity, values: column.values, children: [child])
        case (.map(let sk, let sv, _), .map(let tk, let tv, _)):
            let entries = column.children[0]
            // Entry j of the struct is element `entries.offset + j` of each child, as before.
            let keys = try convert(entries.children[0], from: sk, to: tk, file: file)
            let values = try convert(entries.children[1], from: sv, to: tv, file: file)
            let entryColumn = Column(type: .struct([tk, tv]), count: entries.count, offset: entries.offset, nullCount: 0, children: [keys, values])
            return Column(type: target.type, count: column.count, offset: column.offset, nullCount: column.nullCount, validity: column.validity, values: column.values, children: [entryColumn])
        default:
            do {
                return try ColumnConversion.convert(column, to: target.type, name: target.name)
            } catch {
                throw IcebergError(.invalidMetadata, "\(file): column '\(source.name)' is \(source.type) but the table says \(target.type)")
            }
        }
    }
}
