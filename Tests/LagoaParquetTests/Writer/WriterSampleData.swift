import LagoaColumnar

@testable import LagoaParquet

/// Deterministic sample values of every primitive type, with extremes mixed in, for round trips.
enum WriterSampleData {
    /// The primitive fields the writer supports, all nullable.
    static let primitiveFields: [Field] = [
        Field("bool", .boolean),
        Field("i8", .int8), Field("i16", .int16), Field("i32", .int32), Field("i64", .int64),
        Field("u8", .uint8), Field("u16", .uint16), Field("u32", .uint32), Field("u64", .uint64),
        Field("f32", .float32), Field("f64", .float64),
        Field("d9", .decimal128(precision: 9, scale: 2)), Field("d18", .decimal128(precision: 18, scale: 0)),
        Field("d38", .decimal128(precision: 38, scale: 10)),
        Field("date", .date32),
        Field("t_ms", .time64(.millisecond)), Field("t_us", .time64(.microsecond)), Field("t_ns", .time64(.nanosecond)),
        Field("ts_ms", .timestamp(.millisecond, timeZone: nil)), Field("ts_us", .timestamp(.microsecond, timeZone: nil)),
        Field("ts_ns", .timestamp(.nanosecond, timeZone: nil)), Field("ts_ms_utc", .timestamp(.millisecond, timeZone: "UTC")),
        Field("ts_us_utc", .timestamp(.microsecond, timeZone: "UTC")), Field("ts_ns_utc", .timestamp(.nanosecond, timeZone: "UTC")),
        Field("str", .string), Field("bin", .binary), Field("fsb", .fixedSizeBinary(3)),
        Field("uuid", .fixedSizeBinary(16), metadata: [Field.extensionKey: "arrow.uuid"]),
    ]

    /// Value `row` of a column of `type`; `nil` rows are decided by the caller.
    static func value(_ type: DataType, row: Int) -> Value {
        let r = Int64(row)
        let wobble = (r &* 2_654_435_761) % 1000 - 500
        switch type {
        case .boolean: return .bool(row % 3 == 0)
        case .int8: return .int([Int64(Int8.min), Int64(Int8.max), wobble % 128][row % 3])
        case .int16: return .int([Int64(Int16.min), Int64(Int16.max), wobble][row % 3])
        case .int32: return .int([Int64(Int32.min), Int64(Int32.max), wobble * 1000][row % 3])
        case .int64: return .int([Int64.min, Int64.max, wobble * 1_000_000_007][row % 3])
        case .uint8: return .uint([0, UInt64(UInt8.max), UInt64(row % 200)][row % 3])
        case .uint16: return .uint([0, UInt64(UInt16.max), UInt64(row)][row % 3])
        case .uint32: return .uint([0, UInt64(UInt32.max), UInt64(row) * 77][row % 3])
        case .uint64: return .uint([0, UInt64.max, UInt64(row) << 40][row % 3])
        case .float32: return .float([-Float.greatestFiniteMagnitude, 1.5, Float(wobble) / 7][row % 3])
        case .float64: return .double([-1e300, .pi, Double(wobble) / 3][row % 3])
        case .decimal128(let precision, let scale):
            let limit = DecimalBytes.bounds[precision] - 1
            let values: [Int128] = [limit, -limit, Int128(wobble) % (limit + 1), 0]
            return .decimal(values[row % 4], scale: scale)
        case .date32: return .date(Int32(wobble * 40))
        case .time64(let unit): return .time((r * 1_000 + 17) % (86_400 * unit.perSecond), unit)
        case .timestamp(let unit, let zone): return .timestamp(wobble * unit.perSecond * 86_400 + r, unit, timeZone: zone)
        case .string: return .string(["", "héllo wörld", "row \(row)", String(repeating: "x", count: row % 40)][row % 4])
        case .binary: return .binary([[], [0, 255, 0], Array("b\(row)".utf8)][row % 3])
        case .fixedSizeBinary(let width): return .binary((0..<width).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ row) })
        default: preconditionFailure("no sample for \(type)")
        }
    }

    /// `count` values of `type`, null where `isNull(row)`.
    static func values(_ type: DataType, count: Int, isNull: (Int) -> Bool = { $0 % 7 == 3 }) -> [Value] {
        (0..<count).map { isNull($0) ? .null : value(type, row: $0) }
    }

    /// A batch with every primitive field and `rows` rows.
    static func primitiveBatch(rows: Int, isNull: (Int) -> Bool = { $0 % 7 == 3 }) -> RecordBatch {
        WriterTestSupport.batch(primitiveFields.map { ($0, values($0.type, count: rows, isNull: isNull)) })
    }

    /// The nested type `list<struct<ints: list<int32>, attrs: map<string, int64>>>`, named as the
    /// reader names list elements and map entries.
    static let nestedType: DataType = .list(
        Field(
            "element",
            .struct([
                Field("ints", .list(Field("element", .int32))),
                Field("attrs", .map(key: Field("key", .string, nullable: false), value: Field("value", .int64), keysSorted: false)),
            ])))

    /// Row `row` of ``nestedType``: nulls and empties at every level, in turn.
    static func nestedValue(row: Int) -> Value {
        let ints: Value
        switch row % 5 {
        case 0: ints = .null
        case 1: ints = .list([])
        case 2: ints = .list([.int(Int64(row)), .null, .int(-1)])
        default: ints = .list((0..<(row % 4)).map { .int(Int64($0 * row)) })
        }
        let attrs: Value
        switch row % 4 {
        case 0: attrs = .map(keys: [.string("a"), .string("b")], values: [.int(Int64(row)), .null])
        case 1: attrs = .null
        case 2: attrs = .map(keys: [], values: [])
        default: attrs = .map(keys: [.string("k\(row)")], values: [.int(-Int64(row))])
        }
        switch row % 6 {
        case 0: return .null
        case 1: return .list([])
        case 2: return .list([.null])
        case 3: return .list([.struct([ints, attrs]), .null, .struct([.null, .null])])
        default: return .list([.struct([ints, attrs])])
        }
    }
}
