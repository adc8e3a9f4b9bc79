/// parquet.thrift `LogicalType`: the union that says how to interpret a column's physical values.
///
/// A member this version does not know (added by a newer writer), or a `TIME`/`TIMESTAMP` with a unit
/// it does not know, decodes as ``unrecognized(fieldId:)`` instead of failing, so the column can still be read as its physical type;
/// ``SchemaElement`` does not write such a value back. When a union carries several members (which
/// writers must not do) the first known one wins.
public enum LogicalType: Hashable, Sendable, ThriftStruct {
    /// Field 1 `STRING`: UTF-8 text in BYTE_ARRAY.
    case string
    /// Field 2 `MAP`.
    case map
    /// Field 3 `LIST`.
    case list
    /// Field 4 `ENUM`: UTF-8 enum names in BYTE_ARRAY.
    case `enum`
    /// Field 5 `DECIMAL`: an unscaled integer times 10^-scale.
    case decimal(scale: Int32, precision: Int32)
    /// Field 6 `DATE`: days since the Unix epoch in INT32.
    case date
    /// Field 7 `TIME`: time of day in INT32 (millis) or INT64 (micros, nanos).
    case time(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    /// Field 8 `TIMESTAMP`: time since the Unix epoch in INT64.
    case timestamp(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)
    /// Field 10 `INTEGER`: an integer of 8, 16, 32 or 64 bits, signed or not.
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Field 11 `UNKNOWN` (`NullType`): a column whose values are all null.
    case unknown
    /// Field 12 `JSON`.
    case json
    /// Field 13 `BSON`.
    case bson
    /// Field 14 `UUID`: 16 raw bytes in FIXED_LEN_BYTE_ARRAY.
    case uuid
    /// Field 15 `FLOAT16`: IEEE half floats in FIXED_LEN_BYTE_ARRAY(2).
    case float16
    /// Field 16 `VARIANT`.
    case variant(specificationVersion: Int8?)
    /// Field 17 `GEOMETRY`: WKB with planar edges.
    case geometry(crs: String?)
    /// Field 18 `GEOGRAPHY`: WKB with interpolated edges.
    case geography(crs: String?, algorithm: EdgeInterpolationAlgorithm?)
    /// A member this version does not know, with its union field id.
    case unrecognized(fieldId: Int16)

    /// Whether this is a member this version knows, and so can write.
    public var isRecognized: Bool {
        if case .unrecognized = self { return false }
        return true
    }
}

extension LogicalType {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var result: LogicalType?
        try reader.readStruct("LogicalType") { (reader, field) throws(ParquetError) in
            guard result == nil || result?.isRecognized == false else { return try reader.skip(field.type) }
            result = try Self.readMember(&reader, field)
        }
        guard let result else { throw reader.corrupt("LogicalType union has no member set", at: start) }
        self = result
    }

    /// Reads one union member.
    private static func readMember(
        _ reader: inout ThriftCompactReader,
        _ field: ThriftFieldHeader
    ) throws(ParquetError) -> LogicalType {
        if let value = emptyMember(field.id) {
            try reader.readEmptyStruct(field)
            return value
        }
        switch field.id {
        case 5:
            try reader.expect(field, .struct)
            let start = reader.position
            var scale: Int32?
            var precision: Int32?
            try reader.readStruct("DecimalType") { (reader, field) throws(ParquetError) in
                switch field.id {
                case 1: scale = try reader.readI32(field)
                case 2: precision = try reader.readI32(field)
                default: try reader.skip(field.type)
                }
            }
            return .decimal(
                scale: try reader.require(scale, "scale", in: "DecimalType", at: start),
                precision: try reader.require(precision, "precision", in: "DecimalType", at: start)
            )
        case 7:
            let (utc, unit) = try readTemporal(&reader, field, "TimeType")
            guard let unit else { return .unrecognized(fieldId: field.id) }
            return .time(isAdjustedToUTC: utc, unit: unit)
        case 8:
            let (utc, unit) = try readTemporal(&reader, field, "TimestampType")
            guard let unit else { return .unrecognized(fieldId: field.id) }
            return .timestamp(isAdjustedToUTC: utc, unit: unit)
        case 10:
            try reader.expect(field, .struct)
            let start = reader.position
            var bitWidth: Int8?
            var isSigned: Bool?
            try reader.readStruct("IntType") { (reader, field) throws(ParquetError) in
                switch field.id {
                case 1: bitWidth = try reader.readI8(field)
                case 2: isSigned = try reader.readBool(field)
                default: try reader.skip(field.type)
                }
            }
            return .integer(
                bitWidth: try reader.require(bitWidth, "bitWidth", in: "IntType", at: start),
                isSigned: try reader.require(isSigned, "isSigned", in: "IntType", at: start)
            )
        case 16:
            try reader.expect(field, .struct)
            var version: Int8?
            try reader.readStruct("VariantType") { (reader, field) throws(ParquetError) in
                if field.id == 1 { version = try reader.readI8(field) } else { try reader.skip(field.type) }
            }
            return .variant(specificationVersion: version)
        case 17:
            try reader.expect(field, .struct)
            var crs: String?
            try reader.readStruct("GeometryType") { (reader, field) throws(ParquetError) in
                if field.id == 1 { crs = try reader.readString(field) } else { try reader.skip(field.type) }
            }
            return .geometry(crs: crs)
        case 18:
            try reader.expect(field, .struct)
            var crs: String?
            var algorithm: EdgeInterpolationAlgorithm?
            try reader.readStruct("GeographyType") { (reader, field) throws(ParquetError) in
                switch field.id {
                case 1: crs = try reader.readString(field)
                case 2: algorithm = try reader.readEnum(field)
                default: try reader.skip(field.type)
                }
            }
            return .geography(crs: crs, algorithm: algorithm)
        default:
            try reader.skip(field.type)
            return .unrecognized(fieldId: field.id)
        }
    }

    /// The member for a union field id whose struct is empty, such as `1: StringType STRING`.
    private static func emptyMember(_ id: Int16) -> LogicalType? {
        switch id {
        case 1: .string
        case 2: .map
        case 3: .list
        case 4: .enum
        case 6: .date
        case 11: .unknown
        case 12: .json
        case 13: .bson
        case 14: .uuid
        case 15: .float16
        default: nil
        }
    }

    /// Reads a `TimeType` or `TimestampType` struct: `isAdjustedToUTC` and `unit`.
    /// - Returns: `nil` for the unit when it is a `TimeUnit` member this version does not know.
    private static func readTemporal(
        _ reader: inout ThriftCompactReader,
        _ field: ThriftFieldHeader,
        _ name: StaticString
    ) throws(ParquetError) -> (Bool, ParquetTimeUnit?) {
        try reader.expect(field, .struct)
        let start = reader.position
        var utc: Bool?
        var unit: ParquetTimeUnit??
        try reader.readStruct(name) { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: utc = try reader.readBool(field)
            case 2: unit = .some(try readTimeUnit(&reader, field))
            default: try reader.skip(field.type)
            }
        }
        return (
            try reader.require(utc, "isAdjustedToUTC", in: name, at: start),
            try reader.require(unit, "unit", in: name, at: start)
        )
    }

    /// Reads the `TimeUnit` union; `nil` means a member this version does not know.
    private static func readTimeUnit(
        _ reader: inout ThriftCompactReader,
        _ field: ThriftFieldHeader
    ) throws(ParquetError) -> ParquetTimeUnit? {
        try reader.expect(field, .struct)
        let start = reader.position
        var unit: ParquetTimeUnit??
        try reader.readStruct("TimeUnit") { (reader, field) throws(ParquetError) in
            let member: ParquetTimeUnit? =
                switch field.id {
                case 1: .millis
                case 2: .micros
                case 3: .nanos
                default: nil
                }
            if member != nil { try reader.expect(field, .struct) }
            try reader.skip(field.type)
            if unit == nil || unit == .some(nil) { unit = .some(member) }
        }
        guard let unit else { throw reader.corrupt("TimeUnit union has no member set", at: start) }
        return unit
    }

    /// Writes the union; an ``unrecognized(fieldId:)`` value writes an empty union, so callers omit it.
    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            switch self {
            case .string: writer.writeEmptyStructField(1)
            case .map: writer.writeEmptyStructField(2)
            case .list: writer.writeEmptyStructField(3)
            case .enum: writer.writeEmptyStructField(4)
            case .decimal(let scale, let precision):
                writer.writeFieldHeader(5, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, scale)
                    writer.writeField(2, precision)
                }
            case .date: writer.writeEmptyStructField(6)
            case .time(let utc, let unit): Self.writeTemporal(&writer, 7, utc, unit)
            case .timestamp(let utc, let unit): Self.writeTemporal(&writer, 8, utc, unit)
            case .integer(let bitWidth, let isSigned):
                writer.writeFieldHeader(10, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, bitWidth)
                    writer.writeField(2, isSigned)
                }
            case .unknown: writer.writeEmptyStructField(11)
            case .json: writer.writeEmptyStructField(12)
            case .bson: writer.writeEmptyStructField(13)
            case .uuid: writer.writeEmptyStructField(14)
            case .float16: writer.writeEmptyStructField(15)
            case .variant(let version):
                writer.writeFieldHeader(16, .struct)
                writer.writeStruct { writer in writer.writeField(1, version) }
            case .geometry(let crs):
                writer.writeFieldHeader(17, .struct)
                writer.writeStruct { writer in writer.writeField(1, crs) }
            case .geography(let crs, let algorithm):
                writer.writeFieldHeader(18, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, crs)
                    writer.writeField(2, algorithm)
                }
            case .unrecognized: break
            }
        }
    }

    /// Writes a `TimeType` or `TimestampType` member.
    private static func writeTemporal(_ writer: inout ThriftCompactWriter, _ id: Int16, _ utc: Bool, _ unit: ParquetTimeUnit) {
        writer.writeFieldHeader(id, .struct)
        writer.writeStruct { writer in
            writer.writeField(1, utc)
            writer.writeFieldHeader(2, .struct)
            writer.writeStruct { writer in
                switch unit {
                case .millis: writer.writeEmptyStructField(1)
                case .micros: writer.writeEmptyStructField(2)
                case .nanos: writer.writeEmptyStructField(3)
                }
            }
        }
    }
}

/// parquet.thrift `TimeUnit`: the unit of a ``LogicalType/time(isAdjustedToUTC:unit:)`` or
/// ``LogicalType/timestamp(isAdjustedToUTC:unit:)``.
///
/// Named apart from LagoaColumnar's `TimeUnit`, which modules importing both also see.
public enum ParquetTimeUnit: Sendable, Hashable {
    /// Field 1 `MILLIS`.
    case millis
    /// Field 2 `MICROS`.
    case micros
    /// Field 3 `NANOS`.
    case nanos
}
