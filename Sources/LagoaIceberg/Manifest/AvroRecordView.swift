import LagoaAvro

/// Reads the fields of an Avro record by name through its writer schema, so manifests written by
/// any engine (v1 or v2 layouts, extra or missing optional fields) are read by what they say.
struct AvroRecordView {
    let values: [AvroValue]
    let schema: AvroRecordSchema
    let file: String

    init(_ value: AvroValue, _ schema: AvroSchema, file: String, what: String) throws(IcebergError) {
        guard case .record(let values) = value, case .record(let record) = Self.unwrap(schema) else {
            throw IcebergError(.invalidMetadata, "\(file): \(what) is not an Avro record")
        }
        self.values = values
        self.schema = record
        self.file = file
    }

    /// The schema inside an optional union or logical wrapper.
    static func unwrap(_ schema: AvroSchema) -> AvroSchema {
        switch schema {
        case .union(let branches): branches.first { $0 != .null }.map(unwrap) ?? schema
        case .logical(_, let base, _), .annotated(let base, _): unwrap(base)
        default: schema
        }
    }

    func value(_ name: String) -> AvroValue? {
        guard let index = schema.index(of: name), index < values.count else { return nil }
        let v = values[index]
        return v == .null ? nil : v
    }

    func type(_ name: String) -> AvroSchema? {
        schema.field(name).map { Self.unwrap($0.type) }
    }

    func long(_ name: String) throws(IcebergError) -> Int64 {
        guard let v = optionalLong(name) else {
            throw IcebergError(.invalidMetadata, "\(file): \(schema.name) has no '\(name)'")
        }
        return v
    }

    func optionalLong(_ name: String) -> Int64? {
        switch value(name) {
        case .long(let v): v
        case .int(let v): Int64(v)
        default: nil
        }
    }

    func string(_ name: String) throws(IcebergError) -> String {
        guard case .string(let s) = value(name) else {
            throw IcebergError(.invalidMetadata, "\(file): \(schema.name) has no '\(name)'")
        }
        return s
    }

    func record(_ name: String) throws(IcebergError) -> AvroRecordView {
        guard let v = value(name), let t = type(name) else {
            throw IcebergError(.invalidMetadata, "\(file): \(schema.name) has no '\(name)'")
        }
        return try AvroRecordView(v, t, file: file, what: name)
    }

    /// An Iceberg `map<int, X>` (array of key/value records) or an Avro map with numeric keys.
    func intMap(_ name: String) -> [Int32: AvroValue] {
        var out: [Int32: AvroValue] = [:]
        switch value(name) {
        case .array(let items):
            for item in items {
                if case .record(let kv) = item, kv.count == 2, case .int(let key) = kv[0] { out[key] = kv[1] }
            }
        case .map(let entries):
            for entry in entries { if let key = Int32(entry.key) { out[key] = entry.value } }
        default: break
        }
        return out
    }

    func longArray(_ name: String) -> [Int64]? {
        guard case .array(let items) = value(name) else { return nil }
        return items.compactMap { if case .long(let v) = $0 { v } else if case .int(let v) = $0 { Int64(v) } else { nil } }
    }
}

extension AvroValue {
    var longValue: Int64? {
        switch self {
        case .long(let v): v
        case .int(let v): Int64(v)
        default: nil
        }
    }

    var bytesValue: [UInt8]? {
        switch self {
        case .bytes(let b), .fixed(let b): b
        default: nil
        }
    }
}
