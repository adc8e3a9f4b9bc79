import LagoaJSON

extension IcebergType {
    /// The type as metadata JSON: a string for primitives, an object for struct, list and map.
    var json: JSONValue {
        switch self {
        case .structType(let s):
            var o = JSONObject()
            o.set("type", "struct")
            o.set("fields", .array(s.fields.map(\.json)))
            return o.json
        case .list(let l):
            var o = JSONObject()
            o.set("type", "list")
            o.set("element-id", l.elementID)
            o.set("element", l.element.json)
            o.set("element-required", l.elementRequired)
            return o.json
        case .map(let m):
            var o = JSONObject()
            o.set("type", "map")
            o.set("key-id", m.keyID)
            o.set("key", m.key.json)
            o.set("value-id", m.valueID)
            o.set("value", m.value.json)
            o.set("value-required", m.valueRequired)
            return o.json
        default:
            return .string(description)
        }
    }

    /// Parses a type from metadata JSON at `path` of `file`.
    init(json: JSONValue, path: String, file: String) throws(IcebergError) {
        if case .string(let name) = json {
            guard let type = IcebergType(primitiveName: name) else {
                throw IcebergError(.invalidMetadata, "\(file): \(path) has unknown type '\(name)'")
            }
            self = type
            return
        }
        let o = try JSONFields(json, path: path, file: file)
        switch try o.string("type") {
        case "struct":
            var fields: [NestedField] = []
            for f in try o.objects("fields") { fields.append(try NestedField(f)) }
            self = .structType(StructType(fields: fields))
        case "list":
            self = .list(ListType(
                elementID: try o.int32("element-id"),
                element: try IcebergType(json: o.raw("element") ?? .null, path: path + ".element", file: file),
                elementRequired: try o.optionalBool("element-required") ?? false
            ))
        case "map":
            self = .map(MapType(
                keyID: try o.int32("key-id"),
                key: try IcebergType(json: o.raw("key") ?? .null, path: path + ".key", file: file),
                valueID: try o.int32("value-id"),
                value: try IcebergType(json: o.raw("value") ?? .null, path: path + ".value", file: file),
                valueRequired: try o.optionalBool("value-required") ?? false
            ))
        case let other:
            throw o.fail("type", "has unknown nested type '\(other)'")
        }
    }
}

extension NestedField {
    var json: JSONValue {
        var o = JSONObject()
        o.set("id", id)
        o.set("name", name)
        o.set("required", required)
        o.set("type", type.json)
        o.setIfPresent("doc", doc)
        return o.json
    }

    init(_ o: JSONFields) throws(IcebergError) {
        self.init(
            id: try o.int32("id"),
            name: try o.string("name"),
            type: try IcebergType(json: o.raw("type") ?? .null, path: o.path + ".type", file: o.file),
            required: try o.optionalBool("required") ?? false,
            doc: try o.optionalString("doc")
        )
    }
}

extension IcebergSchema {
    var json: JSONValue {
        var o = JSONObject()
        o.set("type", "struct")
        o.set("schema-id", schemaID)
        if !identifierFieldIDs.isEmpty {
            o.set("identifier-field-ids", .array(identifierFieldIDs.map { .int(Int64($0)) }))
        }
        o.set("fields", .array(fields.map(\.json)))
        return o.json
    }

    /// The schema as compact JSON text (used in manifest metadata).
    public var jsonText: String { json.text }

    init(_ o: JSONFields) throws(IcebergError) {
        var fields: [NestedField] = []
        for f in try o.objects("fields") { fields.append(try NestedField(f)) }
        var ids: [Int32] = []
        for item in try o.optionalArray("identifier-field-ids") ?? [] {
            guard case .int(let n) = item, let id = Int32(exactly: n) else {
                throw o.fail("identifier-field-ids", "must hold integers")
            }
            ids.append(id)
        }
        self.init(schemaID: try o.optionalInt32("schema-id") ?? 0, fields: fields, identifierFieldIDs: ids)
    }

    /// Parses a schema from JSON text (as stored in a manifest's `schema` metadata).
    public init(jsonText: String, file: String) throws(IcebergError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: jsonText)
        } catch {
            throw IcebergError(.invalidMetadata, "\(file): schema is not valid JSON: \(error.message)")
        }
        try self.init(JSONFields(value, path: "schema", file: file))
    }
}
