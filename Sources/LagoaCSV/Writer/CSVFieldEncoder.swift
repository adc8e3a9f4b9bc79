import LagoaColumnar

/// Formats one column's values as CSV field text, reading the column's buffers through raw
/// pointers so the per-cell loop does no reference counting.
///
/// Booleans are `true`/`false`; floats use the shortest text that reads back to the same value
/// (`NaN`, `inf`, `-inf` for the special values); decimals are exact (`12.50`); dates, times and
/// timestamps are ISO-8601 (`2024-05-01T12:30:00.5Z`, with `Z` when the timestamp has a time zone);
/// binary values are base64 (RFC 4648 with padding), chosen over hex because it is a third smaller
/// and is what JSON output uses too; lists, structs and maps are JSON text.
///
/// An encoder borrows its column's memory: use it only while the column is alive.
struct CSVFieldEncoder {
    private let cursor: ColumnTextCursor

    init(_ column: Column) {
        cursor = ColumnTextCursor(column)
    }

    /// Whether value `row` is null.
    @inline(__always)
    func isNull(_ row: Int) -> Bool { cursor.isNull(row) }

    /// Whether values are strings, written from their bytes and quoted when needed.
    var isString: Bool {
        if case .string = cursor.kind { return true }
        return false
    }

    /// Whether values are JSON or base64 text, quoted when needed (base64 text is empty for an
    /// empty value); other kinds never contain the delimiter or a quote and are never empty.
    var isQuotable: Bool {
        switch cursor.kind {
        case .nested, .binary, .fixedSizeBinary: true
        default: false
        }
    }

    /// The bytes of string or binary value `row`.
    func bytes(_ row: Int) -> UnsafeRawBufferPointer { cursor.bytes(row) }

    /// Appends the text of valid value `row`; `column` is read only for nested values.
    func append(_ row: Int, of column: @autoclosure () -> Column, to out: inout [UInt8]) {
        if cursor.appendScalar(row, quoteText: false, nonFinite: .bare, to: &out) { return }
        switch cursor.kind {
        case .string:
            out.append(contentsOf: cursor.bytes(row))
        case .binary, .fixedSizeBinary:
            Base64.encode(cursor.bytes(row), into: &out)
        default:
            let column = column()
            NestedJSONText.append(column.value(at: row), type: column.type, to: &out)
        }
    }
}
