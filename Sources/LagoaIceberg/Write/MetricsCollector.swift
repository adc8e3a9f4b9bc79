import LagoaColumnar

#if canImport(Glibc)
import Glibc
#endif

/// Gathers a data file's column statistics while its batches are written: value, null and NaN
/// counts and min/max bounds for every primitive column reachable through structs (list and map
/// contents get counts only, as in Java's default metrics).
///
/// Bounds of strings and binary are truncated to 16 characters/bytes (Iceberg's default
/// `truncate(16)` metrics mode): the lower bound is a prefix, the upper bound a prefix with its
/// last character incremented, so both still bracket every value.
struct MetricsCollector {
    private struct Leaf {
        var fieldID: Int32
        var type: IcebergType
        /// Child indexes from the top-level column down to the leaf, through structs.
        var path: [Int]
        var values: Int64 = 0
        var nulls: Int64 = 0
        var nans: Int64 = 0
        var lower: IcebergValue?
        var upper: IcebergValue?
    }

    private var leaves: [Leaf] = []
    static let truncateLength = 16

    init(schema: IcebergSchema) {
        func visit(_ field: NestedField, _ path: [Int]) {
            switch field.type {
            case .structType(let s):
                for (k, child) in s.fields.enumerated() { visit(child, path + [k]) }
            case .list, .map:
                break
            default:
                leaves.append(Leaf(fieldID: field.id, type: field.type, path: path))
            }
        }
        for (k, field) in schema.fields.enumerated() { visit(field, [k]) }
    }

    /// Adds a batch whose columns are in the schema's order and types.
    mutating func add(_ batch: RecordBatch) {
        for k in leaves.indices {
            var leaf = leaves[k]
            var column = batch.columns[leaf.path[0]]
            var parentValid: [Bool]?
            for step in leaf.path.dropFirst() {
                var valid = parentValid ?? [Bool](repeating: true, count: batch.rowCount)
                for i in 0..<batch.rowCount where !column.isValid(i) { valid[i] = false }
                parentValid = valid
                let child = column.children[step]
                column = child.slice(column.offset, column.count)
            }
            leaf.values += Int64(batch.rowCount)
            Self.scan(column, rows: batch.rowCount, parentValid: parentValid, into: &leaf)
            leaves[k] = leaf
        }
    }

    private static func scan(_ column: Column, rows: Int, parentValid: [Bool]?, into leaf: inout Leaf) {
        if parentValid == nil, column.nullCount == rows {
            leaf.nulls += Int64(rows)
            return
        }
        switch (column.type, leaf.type) {
        case (.int64, .long), (.timestamp(.microsecond, _), .timestamp), (.timestamp(.microsecond, _), .timestamptz),
            (.time64(.microsecond), .time):
            let type = leaf.type
            fast(column, Int64.self, rows, parentValid, &leaf) { v in
                switch type {
                case .timestamp: .timestamp(v)
                case .timestamptz: .timestamptz(v)
                case .time: .time(v)
                default: .long(v)
                }
            }
        case (.int32, .int): fast(column, Int32.self, rows, parentValid, &leaf) { .int($0) }
        case (.int16, .int): fast(column, Int16.self, rows, parentValid, &leaf) { .int(Int32($0)) }
        case (.int8, .int): fast(column, Int8.self, rows, parentValid, &leaf) { .int(Int32($0)) }
        case (.date32, .date): fast(column, Int32.self, rows, parentValid, &leaf) { .date($0) }
        case (.decimal128, .decimal(_, let scale)): fast(column, Int128.self, rows, parentValid, &leaf) { .decimal(unscaled: $0, scale: scale) }
        case (.string, .string): bytes(column, rows, parentValid, &leaf) { .string(String(decoding: $0, as: UTF8.self)) }
        case (.binary, .binary): bytes(column, rows, parentValid, &leaf) { .binary(Array($0)) }
        default:
            for i in 0..<rows {
                guard parentValid?[i] ?? true, let value = IcebergValue.from(column, i, leaf.type) else {
                    leaf.nulls += 1
                    continue
                }
                if case .double(let d) = value, d.isNaN { leaf.nans += 1; continue }
                if case .float(let f) = value, f.isNaN { leaf.nans += 1; continue }
                if leaf.lower.map({ value.compare(to: $0) ?? 0 < 0 }) ?? true { leaf.lower = value }
                if leaf.upper.map({ value.compare(to: $0) ?? 0 > 0 }) ?? true { leaf.upper = value }
            }
        }
    }

    private static func fast<T: FixedWidthInteger & BitwiseCopyable>(
        _ column: Column, _: T.Type, _ rows: Int, _ parentValid: [Bool]?, _ leaf: inout Leaf,
        _ make: (T) -> IcebergValue
    ) {
        let values = column.values(as: T.self)
        var lo = T.max
        var hi = T.min
        var nulls = 0
        if column.nullCount == 0 && parentValid == nil {
            for i in 0..<rows {
                let v = values[i]
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        } else {
            for i in 0..<rows {
                guard column.isValid(i), parentValid?[i] ?? true else {
                    nulls += 1
                    continue
                }
                let v = values[i]
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        }
        leaf.nulls += Int64(nulls)
        guard nulls < rows else { return }
        let low = make(lo)
        let high = make(hi)
        if leaf.lower.map({ low.compare(to: $0) ?? 0 < 0 }) ?? true { leaf.lower = low }
        if leaf.upper.map({ high.compare(to: $0) ?? 0 > 0 }) ?? true { leaf.upper = high }
    }

    /// Strings and binary by unsigned byte order (Iceberg's order for both), without building a
    /// value per row: only the final bounds are copied out.
    private static func bytes(
        _ column: Column, _ rows: Int, _ parentValid: [Bool]?, _ leaf: inout Leaf, _ make: (UnsafeRawBufferPointer) -> IcebergValue
    ) {
        func less(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
            let n = Swift.min(a.count, b.count)
            if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                let c = memcmp(pa, pb, n)
                if c != 0 { return c < 0 }
            }
            return a.count < b.count
        }
        var lo: UnsafeRawBufferPointer?
        var hi: UnsafeRawBufferPointer?
        var nulls = 0
        let checkNulls = column.nullCount > 0 || parentValid != nil
        for i in 0..<rows {
            if checkNulls {
                guard column.isValid(i), parentValid?[i] ?? true else {
                    nulls += 1
                    continue
                }
            }
            let value = column.bytes(at: i)
            if lo.map({ less(value, $0) }) ?? true { lo = value }
            if hi.map({ less($0, value) }) ?? true { hi = value }
        }
        leaf.nulls += Int64(nulls)
        guard let lo, let hi else { return }
        let low = make(lo)
        let high = make(hi)
        if leaf.lower.map({ low.compare(to: $0) ?? 0 < 0 }) ?? true { leaf.lower = low }
        if leaf.upper.map({ high.compare(to: $0) ?? 0 > 0 }) ?? true { leaf.upper = high }
    }

    /// Writes the gathered statistics into `file`.
    func fill(_ file: inout DataFile) {
        for leaf in leaves {
            file.valueCounts[leaf.fieldID] = leaf.values
            file.nullValueCounts[leaf.fieldID] = leaf.nulls
            switch leaf.type {
            case .float, .double: file.nanValueCounts[leaf.fieldID] = leaf.nans
            default: break
            }
            if let lower = leaf.lower.map(Self.truncatedLower) { file.lowerBounds[leaf.fieldID] = lower.binary }
            if let upper = leaf.upper.flatMap(Self.truncatedUpper) { file.upperBounds[leaf.fieldID] = upper.binary }
        }
    }

    static func truncatedLower(_ value: IcebergValue) -> IcebergValue {
        switch value {
        case .string(let s) where s.unicodeScalars.count > truncateLength:
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s.unicodeScalars.prefix(truncateLength))
            return .string(String(out))
        case .binary(let b) where b.count > truncateLength:
            return .binary(Array(b.prefix(truncateLength)))
        default:
            return value
        }
    }

    /// The truncated upper bound, or nil when no short bound exists (every character is the maximum).
    static func truncatedUpper(_ value: IcebergValue) -> IcebergValue? {
        switch value {
        case .string(let s) where s.unicodeScalars.count > truncateLength:
            var scalars = Array(s.unicodeScalars.prefix(truncateLength))
            while let last = scalars.popLast() {
                var next = last.value + 1
                if next == 0xD800 { next = 0xE000 }
                if let scalar = Unicode.Scalar(next) {
                    scalars.append(scalar)
                    var out = String.UnicodeScalarView()
                    out.append(contentsOf: scalars)
                    return .string(String(out))
                }
            }
            return nil
        case .binary(let b) where b.count > truncateLength:
            var bytes = Array(b.prefix(truncateLength))
            while let last = bytes.popLast() {
                if last < 0xFF {
                    bytes.append(last + 1)
                    return .binary(bytes)
                }
            }
            return nil
        default:
            return value
        }
    }
}
