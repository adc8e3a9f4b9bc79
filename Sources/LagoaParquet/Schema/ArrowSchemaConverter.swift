import LagoaColumnar

/// Maps an Arrow ``Schema`` to Parquet schema elements for writing, the inverse of
/// ``ArrowTypeMapping``: lists use the standard three-level layout (`list` / `element`), maps the
/// `key_value` layout, and every logical type is written with both the LogicalType and the legacy
/// ConvertedType annotation where one exists, as pyarrow does.
enum ArrowSchemaConverter {
    /// Footer schema elements for `schema`, root first (depth-first order).
    /// - Throws: ``ParquetError`` (invalid argument) for a field Parquet cannot hold, e.g. an empty
    ///   struct or a decimal wider than 38 digits.
    static func elements(for schema: Schema, rootName: String = "schema") throws(ParquetError) -> [SchemaElement] {
        var elements = [SchemaElement(name: rootName)]
        elements[0].numChildren = Int32(schema.fields.count)
        for field in schema.fields {
            try append(field, repetition: field.nullable ? .optional : .required, to: &elements)
        }
        return elements
    }

    private static func append(_ field: Field, repetition: FieldRepetitionType, to elements: inout [SchemaElement]) throws(ParquetError) {
        var element = SchemaElement(name: field.name)
        element.repetitionType = repetition
        element.fieldId = field.id
        switch field.type {
        case .list(let item):
            element.numChildren = 1
            element.logicalType = .list
            element.convertedType = .list
            elements.append(element)
            var repeated = SchemaElement(name: "list")
            repeated.repetitionType = .repeated
            repeated.numChildren = 1
            elements.append(repeated)
            var renamed = item
            renamed.name = "element"
            try append(renamed, repetition: item.nullable ? .optional : .required, to: &elements)
        case .map(let key, let value, _):
            element.numChildren = 1
            element.logicalType = .map
            element.convertedType = .map
            elements.append(element)
            var keyValue = SchemaElement(name: "key_value")
            keyValue.repetitionType = .repeated
            keyValue.numChildren = 2
            elements.append(keyValue)
            var k = key
            k.name = "key"
            try append(k, repetition: .required, to: &elements)
            var v = value
            v.name = "value"
            try append(v, repetition: value.nullable ? .optional : .required, to: &elements)
        case .struct(let children):
            guard !children.isEmpty else {
                throw ParquetError(.invalidArgument, "struct column '\(field.name)' has no fields; Parquet cannot store an empty group")
            }
            element.numChildren = Int32(children.count)
            elements.append(element)
            for child in children {
                try append(child, repetition: child.nullable ? .optional : .required, to: &elements)
            }
        default:
            try annotatePrimitive(&element, field)
            elements.append(element)
        }
    }

    private static func annotatePrimitive(_ element: inout SchemaElement, _ field: Field) throws(ParquetError) {
        switch field.type {
        case .boolean:
            element.type = .boolean
        case .int8, .int16, .int32, .uint8, .uint16, .uint32:
            element.type = .int32
            let (bits, signed, converted): (Int8, Bool, ConvertedType?) = switch field.type {
            case .int8: (8, true, .int8)
            case .int16: (16, true, .int16)
            case .uint8: (8, false, .uint8)
            case .uint16: (16, false, .uint16)
            case .uint32: (32, false, .uint32)
            default: (32, true, nil)
            }
            if converted != nil {
                element.logicalType = .integer(bitWidth: bits, isSigned: signed)
                element.convertedType = converted
            }
        case .int64:
            element.type = .int64
        case .uint64:
            element.type = .int64
            element.logicalType = .integer(bitWidth: 64, isSigned: false)
            element.convertedType = .uint64
        case .float32:
            element.type = .float
        case .float64:
            element.type = .double
        case .decimal128(let precision, let scale):
            guard precision >= 1, precision <= 38, scale >= 0, scale <= precision else {
                throw ParquetError(.invalidArgument, "decimal column '\(field.name)' has precision \(precision) and scale \(scale); Parquet needs 1 ≤ precision ≤ 38 and 0 ≤ scale ≤ precision")
            }
            element.type = .fixedLenByteArray
            element.typeLength = Int32(decimalByteWidth(precision: precision))
            element.logicalType = .decimal(scale: Int32(scale), precision: Int32(precision))
            element.convertedType = .decimal
            element.scale = Int32(scale)
            element.precision = Int32(precision)
        case .date32:
            element.type = .int32
            element.logicalType = .date
            element.convertedType = .date
        case .time64(let unit):
            // An Arrow time is a local time of day: not adjusted to UTC (the legacy TIME_MILLIS /
            // TIME_MICROS converted types imply UTC, so they are not written).
            element.type = unit == .millisecond ? .int32 : .int64
            element.logicalType = .time(isAdjustedToUTC: false, unit: parquetUnit(unit))
        case .timestamp(let unit, let timeZone):
            element.type = .int64
            element.logicalType = .timestamp(isAdjustedToUTC: timeZone != nil, unit: parquetUnit(unit))
            if timeZone != nil {
                element.convertedType = unit == .millisecond ? .timestampMillis : unit == .microsecond ? .timestampMicros : nil
            }
        case .string:
            element.type = .byteArray
            switch field.extensionName {
            case "arrow.json":
                element.logicalType = .json
                element.convertedType = .json
            case "lagoa.enum":
                element.logicalType = .enum
                element.convertedType = .enum
            default:
                element.logicalType = .string
                element.convertedType = .utf8
            }
        case .binary:
            element.type = .byteArray
        case .fixedSizeBinary(let width):
            element.type = .fixedLenByteArray
            element.typeLength = Int32(width)
            if width == 16 && field.extensionName == "arrow.uuid" {
                element.logicalType = .uuid
            }
        case .list, .struct, .map:
            preconditionFailure("nested types are handled by append(_:repetition:to:)")
        }
    }

    /// The fewest bytes that hold every unscaled value of `precision` digits (as pyarrow writes).
    static func decimalByteWidth(precision: Int) -> Int {
        var width = 1
        while true {
            // Largest magnitude a `width`-byte two's-complement value holds: 2^(8w-1) - 1.
            let digits = Double(8 * width - 1) * 0.301_029_995_663_981_2
            if Int(digits.rounded(.down)) >= precision { return width }
            width += 1
        }
    }

    private static func parquetUnit(_ unit: TimeUnit) -> ParquetTimeUnit {
        switch unit {
        case .millisecond: .millis
        case .microsecond: .micros
        case .nanosecond: .nanos
        }
    }
}
