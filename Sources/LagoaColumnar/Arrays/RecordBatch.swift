/// A set of equal-length columns with a ``Schema``: the unit that flows between readers, writers and
/// operators.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [Column]
    public let rowCount: Int

    /// Creates a batch.
    /// - Precondition: one column per field, each with `rowCount` values and the field's type.
    public init(schema: Schema, columns: [Column], rowCount: Int? = nil) {
        precondition(schema.fields.count == columns.count, "RecordBatch: \(schema.fields.count) fields but \(columns.count) columns")
        let rows = rowCount ?? columns.first?.count ?? 0
        for (field, column) in zip(schema.fields, columns) {
            precondition(column.count == rows, "RecordBatch: column '\(field.name)' has \(column.count) values, expected \(rows)")
            precondition(column.type == field.type, "RecordBatch: column '\(field.name)' is \(column.type), field says \(field.type)")
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rows
    }

    /// The column named `name`, if any.
    public func column(named name: String) -> Column? {
        schema.index(of: name).map { columns[$0] }
    }

    /// Rows `[start, start + length)`, sharing buffers.
    public func slice(_ start: Int, _ length: Int) -> RecordBatch {
        RecordBatch(schema: schema, columns: columns.map { $0.slice(start, length) }, rowCount: length)
    }

    /// Only the columns at `indices`, in that order.
    public func project(_ indices: [Int]) -> RecordBatch {
        RecordBatch(
            schema: Schema(indices.map { schema.fields[$0] }, metadata: schema.metadata),
            columns: indices.map { columns[$0] },
            rowCount: rowCount
        )
    }

    /// Row `i` as values, one per column.
    public func row(_ i: Int) -> [Value] { columns.map { $0.value(at: i) } }
}
