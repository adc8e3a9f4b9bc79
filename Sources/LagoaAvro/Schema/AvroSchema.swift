/// An Apache Avro schema (specification 1.11).
///
/// Primitive types are bare cases; named types (record, enum, fixed) carry a struct with their name,
/// namespace and custom attributes. Logical types wrap the physical schema they annotate:
/// `{"type":"long","logicalType":"timestamp-micros"}` is `.logical(.timestampMicros, .long)`.
/// Custom attributes are kept everywhere, so `AvroSchema(json:)` followed by ``json`` returns the
/// same attributes (Iceberg's `field-id`, `element-id`, `key-id`, `value-id`, `adjust-to-utc`).
///
/// Named types used more than once are stored inline at every use; ``json`` writes the definition
/// once and the name afterwards. A type that refers to itself (a recursive schema) holds
/// ``reference(_:)`` with the referenced full name at the point of recursion.
public indirect enum AvroSchema: Sendable, Hashable {
    case null, boolean, int, long, float, double, bytes, string
    case record(AvroRecordSchema)
    case enumeration(AvroEnumSchema)
    /// An array of items; `properties` holds attributes such as Iceberg's `element-id`.
    case array(AvroSchema, properties: AvroProperties = [:])
    /// A map from string keys to values; `properties` holds attributes such as `key-id`/`value-id`.
    case map(AvroSchema, properties: AvroProperties = [:])
    case union([AvroSchema])
    case fixed(AvroFixedSchema)
    /// A logical type on its physical schema. For a primitive physical schema, `properties` holds
    /// the other attributes of the same JSON object (e.g. `adjust-to-utc`); for complex physical
    /// schemas they live in the physical schema's own properties and this list stays empty.
    case logical(AvroLogicalType, AvroSchema, properties: AvroProperties = [:])
    /// A primitive type with custom attributes and no logical type, e.g. `{"type":"int","x":1}`.
    case annotated(AvroSchema, properties: AvroProperties)
    /// A reference, by full name, to an enclosing named type (only in recursive schemas).
    case reference(String)

    /// The schema without ``logical(_:_:properties:)`` and ``annotated(_:properties:)`` wrappers:
    /// what is written on the wire.
    public var physical: AvroSchema {
        switch self {
        case .logical(_, let base, _), .annotated(let base, _): return base.physical
        default: return self
        }
    }

    /// The logical type on this schema, if any.
    public var logicalType: AvroLogicalType? {
        switch self {
        case .logical(let type, _, _): return type
        case .annotated(let base, _): return base.logicalType
        default: return nil
        }
    }

    /// Whether this is a union with a `null` branch (an optional value).
    public var isNullable: Bool {
        if case .union(let branches) = physical { return branches.contains { $0.physical == .null } }
        return physical == .null
    }

    /// For `["null", T]` or `[T, "null"]`: `T`; otherwise `nil`.
    public var nonNullBranch: AvroSchema? {
        guard case .union(let branches) = physical, branches.count == 2 else { return nil }
        if branches[0].physical == .null { return branches[1] }
        if branches[1].physical == .null { return branches[0] }
        return nil
    }

    /// The name of a primitive type as Avro spells it (`"long"`), or the kind of a complex one
    /// (`"record"`, `"array"`); used in messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .record(let r): "record '\(r.fullName)'"
        case .enumeration(let e): "enum '\(e.fullName)'"
        case .array: "array"
        case .map: "map"
        case .union: "union"
        case .fixed(let f): "fixed '\(f.fullName)' (\(f.size) bytes)"
        case .logical(let type, let base, _): "\(base.typeName) (\(type.name))"
        case .annotated(let base, _): base.typeName
        case .reference(let name): "'\(name)'"
        }
    }

    /// The full name of a named type (record, enum, fixed or reference), else `nil`.
    public var fullName: String? {
        switch physical {
        case .record(let r): r.fullName
        case .enumeration(let e): e.fullName
        case .fixed(let f): f.fullName
        case .reference(let name): name
        default: nil
        }
    }
}

/// Joins a namespace and a simple name into a full name.
func avroFullName(_ name: String, _ namespace: String?) -> String {
    guard let namespace, !namespace.isEmpty else { return name }
    return namespace + "." + name
}

/// The part of a full name after its last dot.
func avroSimpleName(_ fullName: String) -> String {
    guard let dot = fullName.lastIndex(of: ".") else { return fullName }
    return String(fullName[fullName.index(after: dot)...])
}
