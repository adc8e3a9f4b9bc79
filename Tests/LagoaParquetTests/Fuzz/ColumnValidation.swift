import LagoaColumnar

/// Checks, without trapping, that a column the reader produced is well formed: every buffer is
/// large enough for its values, offsets are monotonic and stay within their data or child, struct
/// children are as long as their parent and null counts are in range.
///
/// A reader that returns a malformed column instead of an error is as much a bug as one that crashes:
/// the first consumer to touch the bad slot reads out of bounds (or traps in `Column.slice`).
enum ColumnValidation {
    /// Problems found in the columns of `batches`, each naming the column path; empty when all is well.
    static func problems(in batches: [RecordBatch]) -> [String] {
        var found: [String] = []
        for (b, batch) in batches.enumerated() {
            for (field, column) in zip(batch.schema.fields, batch.columns) {
                if column.count != batch.rowCount {
                    found.append("batch \(b) column '\(field.name)': \(column.count) values in a batch of \(batch.rowCount) rows")
                }
                check(column, path: field.name, into: &found)
            }
        }
        return found
    }

    /// The corrupt file that reproduces `problem`, when it is a known reader bug (so the fuzz test can
    /// mark it as a known issue and still fail on new kinds of malformed output).
    static func knownBugFile(for problem: String) -> String? {
        if problem.contains("): child '") && problem.contains(", the struct needs ") {
            return "bad/row_group_struct_children_disagree.parquet"
        }
        if problem.contains(": null count -") {
            return "bad/list_element_after_null_list.parquet"
        }
        if problem.contains("(boolean): 0 value bytes for") {
            return "bad/dictionary_encoded_boolean.parquet"
        }
        return nil
    }

    private static func check(_ column: Column, path: String, into found: inout [String]) {
        func fail(_ text: String) { found.append("column '\(path)' (\(column.type)): \(text)") }
        let end = column.offset + column.count
        guard column.count >= 0, column.offset >= 0 else {
            return fail("negative count \(column.count) or offset \(column.offset)")
        }
        if column.nullCount < 0 || column.nullCount > column.count {
            fail("null count \(column.nullCount) outside 0...\(column.count)")
        }
        if let validity = column.validity, validity.count * 8 < end {
            fail("validity bitmap of \(validity.count) bytes for \(end) values")
        }
        switch column.type {
        case .boolean:
            guard let values = column.values else { return fail("no values buffer") }
            if values.count * 8 < end { fail("\(values.count) value bytes for \(end) booleans") }
        case .string, .binary:
            guard let offsets = checkedOffsets(column, fail) else { return }
            let dataCount = column.data?.count ?? 0
            if let last = offsets.last, last > dataCount {
                fail("last offset \(last) past the \(dataCount) data bytes")
            }
        case .list, .map:
            guard let offsets = checkedOffsets(column, fail) else { return }
            guard column.children.count == 1 else { return fail("\(column.children.count) children, expected 1") }
            let child = column.children[0]
            if let last = offsets.last, last > child.count {
                fail("last offset \(last) past the child's \(child.count) values")
            }
            check(child, path: path + ".item", into: &found)
        case .struct(let fields):
            guard column.children.count == fields.count else {
                return fail("\(column.children.count) children for \(fields.count) fields")
            }
            for (field, child) in zip(fields, column.children) {
                if child.count < end {
                    fail("child '\(field.name)' has \(child.count) values, the struct needs \(end)")
                }
                check(child, path: path + "." + field.name, into: &found)
            }
        default:
            guard let width = column.type.fixedWidth else { return fail("unexpected type") }
            let have = column.values?.count ?? 0
            if have < end * width { fail("\(have) value bytes for \(end) values of \(width) bytes") }
        }
    }

    /// The column's `count + 1` offsets when the buffer holds them, checking they never decrease.
    private static func checkedOffsets(_ column: Column, _ fail: (String) -> Void) -> [Int64]? {
        guard let values = column.values else {
            fail("no offsets buffer")
            return nil
        }
        let needed = (column.offset + column.count + 1) * 8
        guard values.count >= needed else {
            fail("offsets buffer of \(values.count) bytes, needs \(needed)")
            return nil
        }
        let offsets = Array(column.offsets)
        for i in 1..<offsets.count where offsets[i] < offsets[i - 1] {
            fail("offset \(i) (\(offsets[i])) is below offset \(i - 1) (\(offsets[i - 1]))")
            return nil
        }
        if let first = offsets.first, first < 0 { fail("negative first offset \(first)") }
        return offsets
    }
}
