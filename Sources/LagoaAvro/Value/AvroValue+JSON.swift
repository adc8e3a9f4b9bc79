extension AvroValue {
    /// The value a JSON default denotes for `schema` (Avro specification, field defaults): bytes and
    /// fixed as strings of code points 0–255, enums as symbol strings, records as objects (missing
    /// fields take their own defaults), maps as objects. For a union the first branch that accepts
    /// the JSON is used (the specification asks for the first branch; later branches are tried so
    /// that files from lenient writers still read).
    /// - Throws: ``AvroError/Code/invalidValue`` when the JSON does not fit the schema.
    public init(json: AvroJSON, schema: AvroSchema) throws(AvroError) {
        self = try AvroValue(json: json, schema: schema, names: AvroNamedTypes(schema))
    }

    init(json: AvroJSON, schema: AvroSchema, names: AvroNamedTypes) throws(AvroError) {
        let physical = try names.resolve(schema)
        func bad() -> AvroError { AvroError(.invalidValue, "JSON \(json.text) is not a valid \(physical.typeName) value") }
        switch (physical, json) {
        case (.null, .null): self = .null
        case (.boolean, .bool(let v)): self = .boolean(v)
        case (.int, _):
            guard let v = json.intValue, let narrow = Int32(exactly: v) else { throw bad() }
            self = .int(narrow)
        case (.long, _):
            guard let v = json.intValue else { throw bad() }
            self = .long(v)
        case (.float, .int(let v)): self = .float(Float(v))
        case (.float, .double(let v)): self = .float(Float(v))
        case (.double, .int(let v)): self = .double(Double(v))
        case (.double, .double(let v)): self = .double(v)
        case (.string, .string(let v)): self = .string(v)
        case (.bytes, .string(let v)):
            guard let bytes = Self.latin1(v) else { throw bad() }
            self = .bytes(bytes)
        case (.fixed(let f), .string(let v)):
            guard let bytes = Self.latin1(v), bytes.count == f.size else { throw bad() }
            self = .fixed(bytes)
        case (.enumeration(let e), .string(let v)):
            guard let index = e.symbols.firstIndex(of: v) else { throw bad() }
            self = .enumeration(index: index, symbol: v)
        case (.array(let items, _), .array(let values)):
            var result: [AvroValue] = []
            for value in values { result.append(try AvroValue(json: value, schema: items, names: names)) }
            self = .array(result)
        case (.map(let valueSchema, _), .object(let members)):
            var result: [AvroMapEntry] = []
            for entry in members.entries {
                result.append(AvroMapEntry(key: entry.name, value: try AvroValue(json: entry.value, schema: valueSchema, names: names)))
            }
            self = .map(result)
        case (.record(let record), .object(let members)):
            var result: [AvroValue] = []
            for field in record.fields {
                guard let value = members[field.name] ?? field.default else {
                    throw AvroError(.invalidValue, "JSON \(json.text) has no value for field '\(field.name)' of record '\(record.fullName)'")
                }
                result.append(try AvroValue(json: value, schema: field.type, names: names))
            }
            self = .record(result)
        case (.union(let branches), _):
            for branch in branches {
                if let value = try? AvroValue(json: json, schema: branch, names: names) {
                    self = value
                    return
                }
            }
            throw bad()
        default:
            throw bad()
        }
    }

    private static func latin1(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }
}
