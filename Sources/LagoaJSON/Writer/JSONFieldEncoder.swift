import LagoaColumnar

/// Formats one column's valid values as JSON, reading its buffers through raw pointers so the
/// per-value loop does no reference counting; lists, structs and maps go through
/// ``JSONValueEncoder``.
///
/// An encoder borrows its column's memory: use it only while the column is alive.
struct JSONFieldEncoder {
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

    /// Whether value `row` (relative to the column's slice) is null.
    @inline(__always)
    func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !Bitmap.get(validity, base + row)
    }

    @inline(__always)
    private func load<T: BitwiseCopyable>(_ row: Int, as: T.Type) -> T {
        values!.load(fromByteOffset: (base + row) * MemoryLayout<T>.stride, as: T.self)
    }

    private func bytes(_ row: Int) -> UnsafeRawBufferPointer {
        let start = Int(load(row, as: Int64.self))
        let end = Int(load(row + 1, as: Int64.self))
        return UnsafeRawBufferPointer(start: data! + start, count: end - start)
    }

    /// Appends value `row` as JSON (`null` when null); `column` is read only for nested values.
    func append(_ row: Int, of column: @autoclosure () -> Column, to out: inout [UInt8]) {
        if isNull(row) {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        switch kind {
        case .boolean:
            out.append(contentsOf: Bitmap.get(values!, base + row) ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
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
            out.append(0x22)
            TextFormatting.appendDecimal(load(row, as: Int128.self), scale: scale, to: &out)
            out.append(0x22)
        case .date32:
            out.append(0x22)
            TextFormatting.appendDate(Int64(load(row, as: Int32.self)), to: &out)
            out.append(0x22)
        case .time64(let unit):
            out.append(0x22)
            TextFormatting.appendTime(load(row, as: Int64.self), unit, to: &out)
            out.append(0x22)
        case .timestamp(let unit, let utc):
            out.append(0x22)
            TextFormatting.appendTimestamp(load(row, as: Int64.self), unit, utc: utc, to: &out)
            out.append(0x22)
        case .string:
            JSONEscaping.appendString(bytes(row), to: &out)
        case .binary:
            Self.appendBase64(bytes(row), to: &out)
        case .fixedSizeBinary(let width):
            Self.appendBase64(UnsafeRawBufferPointer(start: values! + (base + row) * width, count: width), to: &out)
        case .nested:
            JSONValueEncoder.appendNested(column(), row, to: &out)
        }
    }

    private static func appendNonFinite(_ v: Double, to out: inout [UInt8]) {
        out.append(contentsOf: (v.isNaN ? #""NaN""# : v < 0 ? #""-Infinity""# : #""Infinity""#).utf8)
    }

    private static func appendBase64(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(0x22)
        Base64.encode(bytes, into: &out)
        out.append(0x22)
    }
}
