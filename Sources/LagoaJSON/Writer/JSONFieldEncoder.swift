import LagoaColumnar

/// Formats one column's valid values as JSON, reading its buffers through raw pointers so the
/// per-value loop does no reference counting; lists, structs and maps go through
/// ``JSONValueEncoder``.
///
/// An encoder borrows its column's memory: use it only while the column is alive.
struct JSONFieldEncoder {
    private let cursor: ColumnTextCursor

    init(_ column: Column) {
        cursor = ColumnTextCursor(column)
    }

    /// Whether value `row` (relative to the column's slice) is null.
    @inline(__always)
    func isNull(_ row: Int) -> Bool { cursor.isNull(row) }

    /// Appends value `row` as JSON (`null` when null); `column` is read only for nested values.
    func append(_ row: Int, of column: @autoclosure () -> Column, to out: inout [UInt8]) {
        if cursor.isNull(row) {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        if cursor.appendScalar(row, quoteText: true, nonFinite: .jsonStrings, to: &out) { return }
        switch cursor.kind {
        case .string:
            JSONEscaping.appendString(cursor.bytes(row), to: &out)
        case .binary, .fixedSizeBinary:
            out.append(0x22)
            Base64.encode(cursor.bytes(row), into: &out)
            out.append(0x22)
        default:
            JSONValueEncoder.appendNested(column(), row, to: &out)
        }
    }
}
