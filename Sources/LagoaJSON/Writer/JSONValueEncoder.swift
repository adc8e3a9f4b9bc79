import LagoaColumnar

/// Appends column values as JSON text.
///
/// Mapping: booleans and integers as JSON literals; floats as the shortest text that reads back
/// to the same value, and NaN and ±infinity (which JSON numbers cannot express) as the strings
/// `"NaN"`, `"Infinity"`, `"-Infinity"`, which ``JSONLinesReader`` reads back into float columns;
/// decimals as exact strings (`"12.50"`) so no reader rounds them through a double; dates, times
/// and timestamps as ISO-8601 strings (`"2024-05-01T12:30:00.5Z"`, `Z` when the timestamp has a
/// time zone); binary and fixed-size binary as base64 strings; lists as arrays; structs as
/// objects; maps with string keys as objects, other maps as arrays of `{"key": …, "value": …}`;
/// nulls as `null`. Scalars are formatted by ``JSONFieldEncoder``.
enum JSONValueEncoder {
    /// Appends value `i` of `column` (relative to the slice) to `out`.
    /// - Complexity: O(size of the value).
    static func append(_ column: Column, _ i: Int, to out: inout [UInt8]) {
        withExtendedLifetime(column) {
            JSONFieldEncoder(column).append(i, of: column, to: &out)
        }
    }

    /// Appends valid list, struct or map value `i` of `column`.
    static func appendNested(_ column: Column, _ i: Int, to out: inout [UInt8]) {
        switch column.type {
        case .list:
            let child = column.children[0]
            withExtendedLifetime(child) {
                let encoder = JSONFieldEncoder(child)
                out.append(0x5B)
                for (k, j) in column.childRange(at: i).enumerated() {
                    if k > 0 { out.append(0x2C) }
                    encoder.append(j, of: child, to: &out)
                }
                out.append(0x5D)
            }
        case .struct(let fields):
            out.append(0x7B)
            for (k, field) in fields.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONEscaping.appendString(field.name, to: &out)
                out.append(0x3A)
                append(column.children[k], column.offset + i, to: &out)
            }
            out.append(0x7D)
        case .map(let key, _, _):
            appendMap(column, i, stringKeys: key.type == .string, to: &out)
        default:
            preconditionFailure("appendNested called for \(column.type)")
        }
    }

    private static func appendMap(_ column: Column, _ i: Int, stringKeys: Bool, to out: inout [UInt8]) {
        let entries = column.children[0]
        let keys = entries.children[0]
        let values = entries.children[1]
        out.append(stringKeys ? 0x7B : 0x5B)
        for (k, j) in column.childRange(at: i).enumerated() {
            if k > 0 { out.append(0x2C) }
            let row = entries.offset + j
            if stringKeys {
                append(keys, row, to: &out)
                out.append(0x3A)
                append(values, row, to: &out)
            } else {
                out.append(contentsOf: #"{"key":"#.utf8)
                append(keys, row, to: &out)
                out.append(contentsOf: #","value":"#.utf8)
                append(values, row, to: &out)
                out.append(0x7D)
            }
        }
        out.append(stringKeys ? 0x7D : 0x5D)
    }
}
