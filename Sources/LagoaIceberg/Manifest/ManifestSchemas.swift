import LagoaAvro
import LagoaJSON

/// The Avro schemas of manifests and manifest lists exactly as the Iceberg spec (v2) lays them out,
/// with the spec's field ids and Java's record names, so every engine can read what Lagoa writes.
enum ManifestSchemas {
    private static func field(_ name: String, _ type: JSONValue, id: Int32, optional: Bool = false) -> JSONValue {
        var o = JSONObject()
        o.set("name", name)
        o.set("type", optional ? .array([.string("null"), type]) : type)
        if optional { o.set("default", .null) }
        o.set("field-id", id)
        return o.json
    }

    private static func record(_ name: String, _ fields: [JSONValue]) -> JSONValue {
        var o = JSONObject()
        o.set("type", "record")
        o.set("name", name)
        o.set("fields", .array(fields))
        return o.json
    }

    /// Iceberg's encoding of `map<int, X>`: an array of key/value records marked `logicalType: map`.
    private static func intMap(_ value: JSONValue, keyID: Int32, valueID: Int32) -> JSONValue {
        var o = JSONObject()
        o.set("type", "array")
        o.set("items", record("k\(keyID)_v\(valueID)", [
            field("key", .string("int"), id: keyID),
            field("value", value, id: valueID),
        ]))
        o.set("logicalType", "map")
        return o.json
    }

    private static func list(_ element: JSONValue, elementID: Int32) -> JSONValue {
        var o = JSONObject()
        o.set("type", "array")
        o.set("items", element)
        o.set("element-id", elementID)
        return o.json
    }

    /// The Avro type of a partition value of Iceberg `type`.
    static func avroType(_ type: IcebergType) -> JSONValue {
        func logical(_ base: String, _ name: String, _ extra: [(String, JSONValue)] = []) -> JSONValue {
            var o = JSONObject()
            o.set("type", base)
            o.set("logicalType", name)
            for (k, v) in extra { o.set(k, v) }
            return o.json
        }
        switch type {
        case .boolean: return .string("boolean")
        case .int: return .string("int")
        case .long: return .string("long")
        case .float: return .string("float")
        case .double: return .string("double")
        case .date: return logical("int", "date")
        case .time: return logical("long", "time-micros")
        case .timestamp: return logical("long", "timestamp-micros", [("adjust-to-utc", .bool(false))])
        case .timestamptz: return logical("long", "timestamp-micros", [("adjust-to-utc", .bool(true))])
        case .timestampNs: return logical("long", "timestamp-nanos", [("adjust-to-utc", .bool(false))])
        case .timestamptzNs: return logical("long", "timestamp-nanos", [("adjust-to-utc", .bool(true))])
        case .string: return .string("string")
        case .binary: return .string("bytes")
        case .uuid:
            var o = JSONObject()
            o.set("type", "fixed")
            o.set("name", "uuid_fixed")
            o.set("size", 16)
            o.set("logicalType", "uuid")
            return o.json
        case .fixed(let n):
            var o = JSONObject()
            o.set("type", "fixed")
            o.set("name", "fixed_\(n)")
            o.set("size", n)
            return o.json
        case .decimal(let p, let s):
            var o = JSONObject()
            o.set("type", "fixed")
            o.set("name", "decimal_\(p)_\(s)")
            o.set("size", decimalBytes(p))
            o.set("logicalType", "decimal")
            o.set("precision", p)
            o.set("scale", s)
            return o.json
        case .structType, .list, .map:
            return .string("null")
        }
    }

    /// The number of bytes Iceberg gives a fixed decimal of precision `p`.
    static func decimalBytes(_ p: Int) -> Int {
        var bytes = 1
        while true {
            let maxDigits = Double(8 * bytes - 1) * 0.30102999566398120
            if Double(p) <= maxDigits.rounded(.down) { return bytes }
            bytes += 1
        }
    }

    /// The `manifest_entry` schema for a partition struct of `partitionType`.
    static func manifestEntry(_ partitionType: StructType) throws(IcebergError) -> AvroSchema {
        let partition = record("r102", partitionType.fields.map { f in
            field(f.name, avroType(f.type), id: f.id, optional: true)
        })
        let dataFile = record("r2", [
            field("content", .string("int"), id: 134),
            field("file_path", .string("string"), id: 100),
            field("file_format", .string("string"), id: 101),
            field("partition", partition, id: 102),
            field("record_count", .string("long"), id: 103),
            field("file_size_in_bytes", .string("long"), id: 104),
            field("column_sizes", intMap(.string("long"), keyID: 117, valueID: 118), id: 108, optional: true),
            field("value_counts", intMap(.string("long"), keyID: 119, valueID: 120), id: 109, optional: true),
            field("null_value_counts", intMap(.string("long"), keyID: 121, valueID: 122), id: 110, optional: true),
            field("nan_value_counts", intMap(.string("long"), keyID: 138, valueID: 139), id: 137, optional: true),
            field("lower_bounds", intMap(.string("bytes"), keyID: 126, valueID: 127), id: 125, optional: true),
            field("upper_bounds", intMap(.string("bytes"), keyID: 129, valueID: 130), id: 128, optional: true),
            field("key_metadata", .string("bytes"), id: 131, optional: true),
            field("split_offsets", list(.string("long"), elementID: 133), id: 132, optional: true),
            field("equality_ids", list(.string("int"), elementID: 136), id: 135, optional: true),
            field("sort_order_id", .string("int"), id: 140, optional: true),
        ])
        let entry = record("manifest_entry", [
            field("status", .string("int"), id: 0),
            field("snapshot_id", .string("long"), id: 1, optional: true),
            field("sequence_number", .string("long"), id: 3, optional: true),
            field("file_sequence_number", .string("long"), id: 4, optional: true),
            field("data_file", dataFile, id: 2),
        ])
        return try parse(entry)
    }

    /// The `manifest_file` schema of manifest lists.
    static func manifestFile() throws(IcebergError) -> AvroSchema {
        let summary = record("r508", [
            field("contains_null", .string("boolean"), id: 509),
            field("contains_nan", .string("boolean"), id: 518, optional: true),
            field("lower_bound", .string("bytes"), id: 510, optional: true),
            field("upper_bound", .string("bytes"), id: 511, optional: true),
        ])
        let manifest = record("manifest_file", [
            field("manifest_path", .string("string"), id: 500),
            field("manifest_length", .string("long"), id: 501),
            field("partition_spec_id", .string("int"), id: 502),
            field("content", .string("int"), id: 517),
            field("sequence_number", .string("long"), id: 515),
            field("min_sequence_number", .string("long"), id: 516),
            field("added_snapshot_id", .string("long"), id: 503),
            field("added_files_count", .string("int"), id: 504),
            field("existing_files_count", .string("int"), id: 505),
            field("deleted_files_count", .string("int"), id: 506),
            field("added_rows_count", .string("long"), id: 512),
            field("existing_rows_count", .string("long"), id: 513),
            field("deleted_rows_count", .string("long"), id: 514),
            field("partitions", list(summary, elementID: 508), id: 507, optional: true),
            field("key_metadata", .string("bytes"), id: 519, optional: true),
        ])
        return try parse(manifest)
    }

    private static func parse(_ json: JSONValue) throws(IcebergError) -> AvroSchema {
        do {
            return try AvroSchema(json: json.text)
        } catch {
            throw IcebergError(.internal, "manifest schema does not parse (\(error.message)); this is a bug, please report it")
        }
    }
}
