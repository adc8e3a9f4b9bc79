/// A generic Avro datum, in its physical form.
///
/// Unions are not wrapped: a `["null","long"]` value is `.null` or `.long(5)`. Logical types keep
/// their physical value (a date is `.int`, a timestamp `.long`, a decimal `.bytes` or `.fixed`);
/// see `AvroValue+Logical.swift` for conversions. Records are positional, in the order of the
/// schema's fields (the reader schema's, when reading with one).
public enum AvroValue: Sendable, Hashable {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case bytes([UInt8])
    case string(String)
    case fixed([UInt8])
    /// An enum symbol: its position in the schema's symbol list and its name.
    case enumeration(index: Int, symbol: String)
    case array([AvroValue])
    /// Key/value pairs in the order they were read or given.
    case map([AvroMapEntry])
    /// Field values in the order of the record schema's fields.
    case record([AvroValue])

    /// A short name of the value's kind for messages (`long`, `record`, …).
    public var kindName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .fixed: "fixed"
        case .enumeration: "enum"
        case .array: "array"
        case .map: "map"
        case .record: "record"
        }
    }

    /// The integer value of `.int` or `.long`.
    public var int64: Int64? {
        switch self {
        case .int(let value): Int64(value)
        case .long(let value): value
        default: nil
        }
    }

    /// The value of `.string`, or `.bytes` decoded as UTF-8.
    public var string: String? {
        switch self {
        case .string(let value): value
        case .bytes(let value): String(validating: value, as: UTF8.self)
        default: nil
        }
    }

    /// The bytes of `.bytes` or `.fixed`.
    public var byteArray: [UInt8]? {
        switch self {
        case .bytes(let value), .fixed(let value): value
        default: nil
        }
    }

    /// The fields of `.record`.
    public var fields: [AvroValue]? {
        if case .record(let values) = self { return values }
        return nil
    }

    /// Whether the value is `.null`.
    public var isNull: Bool { self == .null }

    /// The field of a `.record` value at `index`.
    public subscript(index: Int) -> AvroValue {
        guard case .record(let values) = self else { preconditionFailure("subscripting a \(kindName) value, not a record") }
        return values[index]
    }
}

/// One key/value pair of an Avro map.
public struct AvroMapEntry: Sendable, Hashable {
    public var key: String
    public var value: AvroValue

    public init(key: String, value: AvroValue) {
        self.key = key
        self.value = value
    }
}
