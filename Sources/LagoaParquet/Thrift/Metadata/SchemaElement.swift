/// parquet.thrift `SchemaElement`: one node of the schema tree, which the footer stores flattened in
/// depth-first order with the root first.
///
/// A group (inner node) has ``numChildren`` and no ``type``; a leaf has a ``type`` and no
/// ``numChildren``. The root has no ``repetitionType``.
public struct SchemaElement: Hashable, Sendable, ThriftStruct {
    /// Field 1 `type`: the physical type; `nil` for groups.
    public var type: PhysicalType? = nil
    /// Field 2 `type_length`: the byte width of FIXED_LEN_BYTE_ARRAY values.
    public var typeLength: Int32? = nil
    /// Field 3 `repetition_type`: `nil` only for the root.
    public var repetitionType: FieldRepetitionType? = nil
    /// Field 4 `name` (required).
    public var name: String
    /// Field 5 `num_children`: the number of direct children of a group.
    public var numChildren: Int32? = nil
    /// Field 6 `converted_type`: the legacy annotation, written alongside ``logicalType``.
    public var convertedType: ConvertedType? = nil
    /// Field 7 `scale`: legacy decimal scale.
    public var scale: Int32? = nil
    /// Field 8 `precision`: legacy decimal precision.
    public var precision: Int32? = nil
    /// Field 9 `field_id`: the id from the writer's schema (Iceberg field ids live here).
    public var fieldId: Int32? = nil
    /// Field 10 `logicalType`.
    public var logicalType: LogicalType? = nil

    /// Creates an element; every field but the name is optional.
    public init(
        name: String,
        type: PhysicalType? = nil,
        typeLength: Int32? = nil,
        repetitionType: FieldRepetitionType? = nil,
        numChildren: Int32? = nil,
        convertedType: ConvertedType? = nil,
        scale: Int32? = nil,
        precision: Int32? = nil,
        fieldId: Int32? = nil,
        logicalType: LogicalType? = nil
    ) {
        self.name = name
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldId = fieldId
        self.logicalType = logicalType
    }
}

extension SchemaElement {
    package init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        let start = reader.position
        var name: String?
        var value = SchemaElement(name: "")
        try reader.readStruct("SchemaElement") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: value.type = try reader.readEnum(field)
            case 2: value.typeLength = try reader.readI32(field)
            case 3: value.repetitionType = try reader.readEnum(field)
            case 4: name = try reader.readString(field)
            case 5: value.numChildren = try reader.readI32(field)
            case 6: value.convertedType = try reader.readEnum(field)
            case 7: value.scale = try reader.readI32(field)
            case 8: value.precision = try reader.readI32(field)
            case 9: value.fieldId = try reader.readI32(field)
            case 10: value.logicalType = try reader.readStruct(field) as LogicalType
            default: try reader.skip(field.type)
            }
        }
        value.name = try reader.require(name, "name", in: "SchemaElement", at: start)
        self = value
    }

    /// Writes the element; a logical type this version does not recognise is left out.
    package func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, type)
            writer.writeField(2, typeLength)
            writer.writeField(3, repetitionType)
            writer.writeField(4, name)
            writer.writeField(5, numChildren)
            writer.writeField(6, convertedType)
            writer.writeField(7, scale)
            writer.writeField(8, precision)
            writer.writeField(9, fieldId)
            writer.writeField(10, logicalType.flatMap { $0.isRecognized ? $0 : nil })
        }
    }
}
