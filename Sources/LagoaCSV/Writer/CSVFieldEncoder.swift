import LagoaColumnar

/// Formats one column's values as CSV field text.
///
/// Booleans are `true`/`false`; floats use the shortest text that reads back to the same value
/// (`NaN`, `inf`, `-inf` for the special values); decimals are exact (`12.50`); dates, times and
/// timestamps are ISO-8601 (`2024-05-01T12:30:00.5Z`, with `Z` when the timestamp has a time zone);
/// binary values are base64 (RFC 4648 with padding), chosen over hex because it is a third smaller
/// and is what JSON output uses too; lists, structs and maps are JSON text.
struct CSVFieldEncoder {
    private enum Kind {
        case boolean, float32, float64
        case signed(width: Int)
        case unsigned(width: Int)
        case decimal(scale: Int)
        case date32
        case time64(TimeUnit)
        case timestamp(TimeUnit, utc: Bool)
        case string, binary, fixedSizeBinary, nested
    }

    private let kind: Kind
    private let type: DataType

    init(_ type: DataType) {
        self.type = type
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
        case .fixedSizeBinary: kind = .fixedSizeBinary
        case .list, .struct, .map: kind = .nested
        }
    }

    /// Whether values are strings, written from their bytes and quoted when needed.
    var isString: Bool {
        if case .string = kind { return true }
        return false
    }

    /// Whether values are JSON text, quoted when needed; other kinds never contain the delimiter, a
    /// quote or a line break.
    var isNested: Bool {
        if case .nested = kind { return true }
        return false
    }

    /// Appends the text of valid value `row` of `column` to `out`.
    func append(_ column: Column, _ row: Int, to out: inout [UInt8]) {
        switch kind {
        case .boolean:
            out.append(contentsOf: column.bool(at: row) ? Self.trueText : Self.falseText)
        case .signed(let width):
            let v: Int64 =
                switch width {
                case 1: Int64(column.values(as: Int8.self)[row])
                case 2: Int64(column.values(as: Int16.self)[row])
                case 4: Int64(column.values(as: Int32.self)[row])
                default: column.values(as: Int64.self)[row]
                }
            Self.appendInteger(v, to: &out)
        case .unsigned(let width):
            let v: UInt64 =
                switch width {
                case 1: UInt64(column.values(as: UInt8.self)[row])
                case 2: UInt64(column.values(as: UInt16.self)[row])
                case 4: UInt64(column.values(as: UInt32.self)[row])
                default: column.values(as: UInt64.self)[row]
                }
            Self.appendInteger(v, to: &out)
        case .float32:
            Self.appendFloat(Double(column.values(as: Float.self)[row]), text: { column.values(as: Float.self)[row].description }, to: &out)
        case .float64:
            let v = column.values(as: Double.self)[row]
            Self.appendFloat(v, text: { v.description }, to: &out)
        case .decimal(let scale):
            out.append(contentsOf: TemporalFormat.decimal(column.values(as: Int128.self)[row], scale: scale).utf8)
        case .date32:
            out.append(contentsOf: TemporalFormat.date(Int64(column.values(as: Int32.self)[row])).utf8)
        case .time64(let unit):
            out.append(contentsOf: TemporalFormat.time(column.values(as: Int64.self)[row], unit).utf8)
        case .timestamp(let unit, let utc):
            out.append(contentsOf: TemporalFormat.timestamp(column.values(as: Int64.self)[row], unit, utc: utc).utf8)
        case .string:
            out.append(contentsOf: column.bytes(at: row))
        case .binary:
            Base64.encode(column.bytes(at: row), into: &out)
        case .fixedSizeBinary:
            Base64.encode(column.fixedBytes(at: row), into: &out)
        case .nested:
            NestedJSONText.append(column.value(at: row), type: type, to: &out)
        }
    }

    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)

    private static func appendFloat(_ v: Double, text: () -> String, to out: inout [UInt8]) {
        if v.isNaN {
            out.append(contentsOf: "NaN".utf8)
        } else if v.isInfinite {
            out.append(contentsOf: (v < 0 ? "-inf" : "inf").utf8)
        } else {
            out.append(contentsOf: text().utf8)
        }
    }

    /// Appends the decimal digits of `value` without allocating.
    static func appendInteger<T: BinaryInteger>(_ value: T, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = UInt64(value.magnitude)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            repeat {
                i -= 1
                digits[i] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }
}
