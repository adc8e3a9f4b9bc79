public import LagoaColumnar

extension IcebergSchema {
    /// The columnar schema of this table's rows, every field (nested ones too) carrying its Iceberg
    /// field id, as the Parquet writer needs for `field_id`.
    public var arrowSchema: Schema {
        Schema(fields.map(\.arrowField))
    }

    /// A new table schema for rows shaped like `arrow`, with fresh ids: top-level columns get 1…n,
    /// then nested fields are numbered struct by struct (as Iceberg's `assignFreshIds` does).
    /// - Throws: for column types Iceberg cannot store (e.g. uint64).
    public init(fresh arrow: Schema) throws(IcebergError) {
        var next: Int32 = 0
        func assign(_ fields: [Field], _ path: String) throws(IcebergError) -> [NestedField] {
            var ids: [Int32] = []
            for _ in fields {
                next += 1
                ids.append(next)
            }
            var out: [NestedField] = []
            for (field, id) in zip(fields, ids) {
                let name = path.isEmpty ? field.name : path + "." + field.name
                out.append(NestedField(id: id, name: field.name, type: try type(field, name), required: !field.nullable))
            }
            return out
        }
        func type(_ field: Field, _ name: String) throws(IcebergError) -> IcebergType {
            switch field.type {
            case .struct(let children):
                return .structType(StructType(fields: try assign(children, name)))
            case .list(let element):
                next += 1
                let id = next
                return .list(ListType(elementID: id, element: try type(element, name + ".element"), elementRequired: !element.nullable))
            case .map(let key, let value, _):
                next += 2
                let keyID = next - 1
                let valueID = next
                return .map(MapType(
                    keyID: keyID,
                    key: try type(key, name + ".key"),
                    valueID: valueID,
                    value: try type(value, name + ".value"),
                    valueRequired: !value.nullable
                ))
            default:
                return try IcebergType(primitive: field, column: name)
            }
        }
        self.init(schemaID: 0, fields: try assign(arrow.fields, ""))
    }
}

extension NestedField {
    /// This field as a columnar field with its id.
    public var arrowField: Field {
        var metadata: [String: String] = [:]
        if type == .uuid { metadata[Field.extensionKey] = "arrow.uuid" }
        return Field(name, type.arrowType, nullable: !required, id: id, metadata: metadata)
    }
}

extension IcebergType {
    /// The columnar type that holds values of this type.
    public var arrowType: DataType {
        switch self {
        case .boolean: .boolean
        case .int: .int32
        case .long: .int64
        case .float: .float32
        case .double: .float64
        case .decimal(let p, let s): .decimal128(precision: p, scale: s)
        case .date: .date32
        case .time: .time64(.microsecond)
        case .timestamp: .timestamp(.microsecond, timeZone: nil)
        case .timestamptz: .timestamp(.microsecond, timeZone: "UTC")
        case .timestampNs: .timestamp(.nanosecond, timeZone: nil)
        case .timestamptzNs: .timestamp(.nanosecond, timeZone: "UTC")
        case .string: .string
        case .uuid: .fixedSizeBinary(16)
        case .fixed(let n): .fixedSizeBinary(n)
        case .binary: .binary
        case .structType(let s): .struct(s.fields.map(\.arrowField))
        case .list(let l): .list(l.elementField.arrowField)
        case .map(let m): .map(key: m.keyField.arrowField, value: m.valueField.arrowField, keysSorted: false)
        }
    }

    /// The Iceberg type for a primitive columnar field; narrow integers widen to `int`, `uint32` to
    /// `long`, and second/millisecond/nanosecond times and timestamps are stored in microseconds.
    init(primitive field: Field, column: String) throws(IcebergError) {
        switch field.type {
        case .boolean: self = .boolean
        case .int8, .int16, .int32, .uint8, .uint16: self = .int
        case .int64, .uint32: self = .long
        case .float32: self = .float
        case .float64: self = .double
        case .decimal128(let p, let s): self = .decimal(precision: p, scale: s)
        case .date32: self = .date
        case .time64: self = .time
        case .timestamp(_, let zone): self = zone == nil ? .timestamp : .timestamptz
        case .string: self = .string
        case .binary: self = .binary
        case .fixedSizeBinary(let n): self = (n == 16 && field.extensionName == "arrow.uuid") ? .uuid : .fixed(n)
        case .uint64:
            throw IcebergError(
                .unsupported,
                "column '\(column)' is uint64, which Iceberg cannot store; cast it to int64 or decimal(20, 0)"
            )
        case .list, .struct, .map:
            throw IcebergError(.internal, "nested column '\(column)' reached the primitive mapping; this is a bug, please report it")
        }
    }
}
