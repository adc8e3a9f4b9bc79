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
    private enum Kind {
        case boolean, float32, float64
        case signed(width: Int)
        case unsigned(width: Int)
        case decimal(scale: Int)
        case date32
        case time64(TimeUnit)
        case timestamp(TimeUnit, utc: Bool)
        case string, binary
        case fixedSizeBinary(width: Int)
        case nested
    }

    private let kind: Kind
    private let validity: UnsafeRawPointer?
    private let values: UnsafeRawPointer?
    private let data: UnsafeRawPointer?
    /// The column's offset into its buffers.
    private let base: Int

    init(_ column: Column) {
        let type = column.type
        switch type {
        case .boolean: kind = .boolean
        case .int8, .int16, .int32, .int64: kind = .signed(width: type.fixedWidth!)
        case .uint8, .uint16, .uint32, .uint64: kind = .unsigned(width: type.fixedWidth!)
        case .float32: kind = .float32
        case .float64: kind = .float64
        case .decimal128(_, let scale): kind = .decimal(scale: scale)
        case .date32: kind = .date32
        case .time64(let unit): kind = .time64(unit)
        case .timestamp(let unit, let zone): kind = .timestamp(unit, utc: zone != nil)
        case .string: kind = .string
        case .binary: kind = .binary
        case .fixedSizeBinary(let width): kind = .fixedSizeBinary(width: width)
        case .list, .struct, .map: kind = .nested
        }
        validity = column.validity?.pointer
        values = column.values?.pointer
        data = column.data?.pointer
        base = column.offset
    }

    /// Whether value `row` is null.
    @inline(__always)
    func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !Bitmap.get(validity, base + row)
    }

    /// Whether values are strings, written from their bytes and quoted when needed.
    var isString: Bool {
        if case .string = kind { return true }
        return false
    }

    /// Whether values are JSON or base64 text, quoted when needed (base64 text is empty for an
    /// empty value); other kinds never contain the delimiter or a quote and are never empty.
    var isQuotable: Bool {
        switch kind {
        case .nested, .binary, .fixedSizeBinary: true
        default: false
        }
    }

    @inline(__always)
    private func load<T: BitwiseCopyable>(_ row: Int, as: T.Type) -> T {
        values!.load(fromByteOffset: (base + row) * MemoryLayout<T>.stride, as: T.self)
    }

    /// The bytes of string or binary value `row`.
    func bytes(_ row: Int) -> UnsafeRawBufferPointer {
        let start = Int(load(row, as: Int64.self))
        let end = Int(load(row + 1, as: Int64.self))
        return UnsafeRawBufferPointer(start: data! + start, count: end - start)
    }

    /// Appends the text of valid value `row`; `column` is read only for nested values.
    func append(_ row: Int, of column: @autoclosure () -> Column, to out: inout [UInt8]) {
        switch kind {
        case .boolean:
            out.append(contentsOf: Bitmap.get(values!, base + row) ? Self.trueText : Self.falseText)
        case .signed(let width):
            let v: Int64 =
                switch width {
                case 1: Int64(load(row, as: Int8.self))
                case 2: Int64(load(row, as: Int16.self))
                case 4: Int64(load(row, as: Int32.self))
                default: load(row, as: Int64.self)
                }
            TextFormatting.appendInteger(v, to: &out)
        case .unsigned(let width):
            let v: UInt64 =
                switch width {
                case 1: UInt64(load(row, as: UInt8.self))
                case 2: UInt64(load(row, as: UInt16.self))
                case 4: UInt64(load(row, as: UInt32.self))
                default: load(row, as: UInt64.self)
                }
            TextFormatting.appendInteger(v, to: &out)
        case .float32:
            let v = load(row, as: Float.self)
            if v.isFinite { TextFormatting.appendShortest(v, to: &out) } else { Self.appendNonFinite(Double(v), to: &out) }
        case .float64:
            let v = load(row, as: Double.self)
            if v.isFinite { TextFormatting.appendShortest(v, to: &out) } else { Self.appendNonFinite(v, to: &out) }
        case .decimal(let scale):
            TextFormatting.appendDecimal(load(row, as: Int128.self), scale: scale, to: &out)
        case .date32:
            TextFormatting.appendDate(Int64(load(row, as: Int32.self)), to: &out)
        case .time64(let unit):
            TextFormatting.appendTime(load(row, as: Int64.self), unit, to: &out)
        case .timestamp(let unit, let utc):
            TextFormatting.appendTimestamp(load(row, as: Int64.self), unit, utc: utc, to: &out)
        case .string:
            out.append(contentsOf: bytes(row))
        case .binary:
            Base64.encode(bytes(row), into: &out)
        case .fixedSizeBinary(let width):
            Base64.encode(UnsafeRawBufferPointer(start: values! + (base + row) * width, count: width), into: &out)
        case .nested:
            let column = column()
            NestedJSONText.append(column.value(at: row), type: column.type, to: &out)
        }
    }

    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)

    private static func appendNonFinite(_ v: Double, to out: inout [UInt8]) {
        out.append(contentsOf: (v.isNaN ? "NaN" : v < 0 ? "-inf" : "inf").utf8)
    }
}
