import LagoaColumnar

/// The Arrow type Lagoa reads each Parquet primitive as, from its physical, logical and legacy
/// converted types (as pyarrow does, so values compare equal across the two).
enum ArrowTypeMapping {
    /// The Arrow type and field metadata (extension names) for a leaf element.
    /// - Throws: ``ParquetError`` for invalid annotations (a DECIMAL with precision 0) or types Lagoa
    ///   cannot hold (a DECIMAL wider than 38 digits).
    static func arrowType(for element: SchemaElement, path: String) throws(ParquetError) -> (DataType, [String: String]) {
        guard let physical = element.type else {
            throw ParquetError.corrupt("leaf column '\(path)' has no physical type")
        }
        if let decimal = try decimalType(element, path: path) {
            return (decimal, [:])
        }
        switch physical {
        case .boolean:
            return (.boolean, [:])
        case .int32:
            return (int32Type(element), [:])
        case .int64:
            return (int64Type(element), [:])
        case .int96:
            return (.timestamp(.nanosecond, timeZone: nil), [:])
        case .float:
            return (.float32, [:])
        case .double:
            return (.float64, [:])
        case .byteArray:
            switch element.logicalType {
            case .string?: return (.string, [:])
            case .enum?: return (.string, [Field.extensionKey: "lagoa.enum"])
            case .json?: return (.string, [Field.extensionKey: "arrow.json"])
            case .bson?: return (.binary, [:])
            default: break
            }
            switch element.convertedType {
            case .utf8?: return (.string, [:])
            case .enum?: return (.string, [Field.extensionKey: "lagoa.enum"])
            case .json?: return (.string, [Field.extensionKey: "arrow.json"])
            default: return (.binary, [:])
            }
        case .fixedLenByteArray:
            let width = Int(element.typeLength ?? -1)
            guard width > 0 else {
                throw ParquetError.corrupt("FIXED_LEN_BYTE_ARRAY column '\(path)' has type_length \(width); it must be at least 1")
            }
            guard width <= 1 << 24 else {
                throw ParquetError(.resourceLimit, "FIXED_LEN_BYTE_ARRAY column '\(path)' has type_length \(width), more than Lagoa's limit of 16 MiB per value")
            }
            switch element.logicalType {
            case .uuid?:
                guard width == 16 else { throw ParquetError.corrupt("UUID column '\(path)' has type_length \(width), expected 16") }
                return (.fixedSizeBinary(16), [Field.extensionKey: "arrow.uuid"])
            case .float16?:
                guard width == 2 else { throw ParquetError.corrupt("FLOAT16 column '\(path)' has type_length \(width), expected 2") }
                return (.float32, [:])
            default:
                return (.fixedSizeBinary(width), [:])
            }
        default:
            throw ParquetError.corrupt("leaf column '\(path)' has unknown physical type \(physical.rawValue)")
        }
    }

    private static func decimalType(_ element: SchemaElement, path: String) throws(ParquetError) -> DataType? {
        var precision: Int
        var scale: Int
        if case .decimal(let s, let p)? = element.logicalType {
            precision = Int(p)
            scale = Int(s)
        } else if element.convertedType == .decimal {
            precision = Int(element.precision ?? 0)
            scale = Int(element.scale ?? 0)
        } else {
            return nil
        }
        guard precision > 0, scale >= 0, scale <= precision else {
            throw ParquetError.corrupt("DECIMAL column '\(path)' has invalid precision \(precision) and scale \(scale)")
        }
        guard precision <= 38 else {
            throw ParquetError.unsupported("DECIMAL column '\(path)' has precision \(precision); Lagoa reads decimals of up to 38 digits")
        }
        if element.type == .fixedLenByteArray {
            let width = Int(element.typeLength ?? 0)
            guard width > 0 else {
                throw ParquetError.corrupt("DECIMAL column '\(path)' is a FIXED_LEN_BYTE_ARRAY with type_length \(width); it must be at least 1")
            }
            guard width <= 16 else {
                throw ParquetError.unsupported("DECIMAL column '\(path)' uses \(width)-byte values; Lagoa reads decimals of up to 16 bytes")
            }
        }
        switch element.type {
        case .int32?, .int64?, .byteArray?, .fixedLenByteArray?: break
        default:
            throw ParquetError.corrupt("DECIMAL column '\(path)' is stored as \(element.type.map { "\($0)" } ?? "nothing"); expected INT32, INT64, BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY")
        }
        precision = max(precision, 1)
        return .decimal128(precision: precision, scale: scale)
    }

    private static func int32Type(_ element: SchemaElement) -> DataType {
        switch element.logicalType {
        case .integer(let bitWidth, let isSigned)?:
            switch (bitWidth, isSigned) {
            case (8, true): return .int8
            case (16, true): return .int16
            case (8, false): return .uint8
            case (16, false): return .uint16
            case (32, false): return .uint32
            default: return .int32
            }
        case .date?: return .date32
        case .time(_, let unit)?: return .time64(timeUnit(unit))
        default: break
        }
        switch element.convertedType {
        case .int8?: return .int8
        case .int16?: return .int16
        case .uint8?: return .uint8
        case .uint16?: return .uint16
        case .uint32?: return .uint32
        case .date?: return .date32
        case .timeMillis?: return .time64(.millisecond)
        default: return .int32
        }
    }

    private static func int64Type(_ element: SchemaElement) -> DataType {
        switch element.logicalType {
        case .integer(_, let isSigned)?: return isSigned ? .int64 : .uint64
        case .time(_, let unit)?: return .time64(timeUnit(unit))
        case .timestamp(let utc, let unit)?: return .timestamp(timeUnit(unit), timeZone: utc ? "UTC" : nil)
        default: break
        }
        switch element.convertedType {
        case .uint64?: return .uint64
        case .timeMicros?: return .time64(.microsecond)
        case .timestampMillis?: return .timestamp(.millisecond, timeZone: "UTC")
        case .timestampMicros?: return .timestamp(.microsecond, timeZone: "UTC")
        default: return .int64
        }
    }

    private static func timeUnit(_ unit: ParquetTimeUnit) -> TimeUnit {
        switch unit {
        case .millis: .millisecond
        case .micros: .microsecond
        case .nanos: .nanosecond
        }
    }
}
