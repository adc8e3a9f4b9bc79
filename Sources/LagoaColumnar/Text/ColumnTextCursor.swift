/// Reads one column's values through raw pointers (no reference counting per value) and writes
/// the text of its scalar values; shared by the CSV and JSON writers, which add their own quoting
/// and handle strings, binary and nested values.
///
/// A cursor borrows its column's memory: use it only while the column is alive.
package struct ColumnTextCursor {
    /// How a value is written, decided once per column.
    package enum Kind {
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

    /// The spelling of NaN and the infinities.
    package enum NonFiniteStyle {
        /// `NaN`, `inf`, `-inf`, as CSV readers expect.
        case bare
        /// `"NaN"`, `"Infinity"`, `"-Infinity"`: JSON has no such numbers, so they are strings.
        case jsonStrings
    }

    package let kind: Kind
    private let validity: UnsafeRawPointer?
    private let values: UnsafeRawPointer?
    private let data: UnsafeRawPointer?
    /// The column's offset into its buffers.
    private let base: Int

    package init(_ column: Column) {
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
    package func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !Bitmap.get(validity, base + row)
    }

    @inline(__always)
    private func load<T: BitwiseCopyable>(_ row: Int, as: T.Type) -> T {
        values!.load(fromByteOffset: (base + row) * MemoryLayout<T>.stride, as: T.self)
    }

    /// The bytes of string, binary or fixed-size binary value `row`.
    package func bytes(_ row: Int) -> UnsafeRawBufferPointer {
        if case .fixedSizeBinary(let width) = kind {
            return UnsafeRawBufferPointer(start: values! + (base + row) * width, count: width)
        }
        let start = Int(load(row, as: Int64.self))
        let end = Int(load(row + 1, as: Int64.self))
        return UnsafeRawBufferPointer(start: data! + start, count: end - start)
    }

    /// Appends the text of valid scalar value `row` and returns `true`; returns `false`, writing
    /// nothing, for strings, binary and nested values, which each format writes itself.
    /// - Parameters:
    ///   - quoteText: wrap decimals, dates, times and timestamps in double quotes (JSON).
    ///   - nonFinite: how NaN and the infinities are spelled.
    /// - Complexity: O(1) per value (O(digits) for decimals).
    package func appendScalar(_ row: Int, quoteText: Bool, nonFinite: NonFiniteStyle, to out: inout [UInt8]) -> Bool {
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
            if v.isFinite { TextFormatting.appendShortest(v, to: &out) } else { Self.appendNonFinite(Double(v), nonFinite, to: &out) }
        case .float64:
            let v = load(row, as: Double.self)
            if v.isFinite { TextFormatting.appendShortest(v, to: &out) } else { Self.appendNonFinite(v, nonFinite, to: &out) }
        case .decimal(let scale):
            if quoteText { out.append(0x22) }
            TextFormatting.appendDecimal(load(row, as: Int128.self), scale: scale, to: &out)
            if quoteText { out.append(0x22) }
        case .date32:
            if quoteText { out.append(0x22) }
            TextFormatting.appendDate(Int64(load(row, as: Int32.self)), to: &out)
            if quoteText { out.append(0x22) }
        case .time64(let unit):
            if quoteText { out.append(0x22) }
            TextFormatting.appendTime(load(row, as: Int64.self), unit, to: &out)
            if quoteText { out.append(0x22) }
        case .timestamp(let unit, let utc):
            if quoteText { out.append(0x22) }
            TextFormatting.appendTimestamp(load(row, as: Int64.self), unit, utc: utc, to: &out)
            if quoteText { out.append(0x22) }
        case .string, .binary, .fixedSizeBinary, .nested:
            return false
        }
        return true
    }

    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)

    private static func appendNonFinite(_ v: Double, _ style: NonFiniteStyle, to out: inout [UInt8]) {
        let text: String =
            switch style {
            case .bare: v.isNaN ? "NaN" : v < 0 ? "-inf" : "inf"
            case .jsonStrings: v.isNaN ? #""NaN""# : v < 0 ? #""-Infinity""# : #""Infinity""#
            }
        out.append(contentsOf: text.utf8)
    }
}
