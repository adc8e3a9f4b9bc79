extension AvroSchema {
    /// The schema's Parsing Canonical Form (Avro specification, "Parsing Canonical Form for
    /// Schemas"): full names, no attributes but `type`, `name`, `fields`, `symbols`, `items`,
    /// `values` and `size`, in that order, no white space. Two schemas with the same canonical form
    /// encode data identically.
    public var canonicalForm: String {
        var defined: Set<String> = []
        return Self.canonical(self, defined: &defined).text
    }

    private static func canonical(_ schema: AvroSchema, defined: inout Set<String>) -> AvroJSON {
        switch schema {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            return .string(schema.typeName)
        case .logical(_, let base, _), .annotated(let base, _):
            return canonical(base, defined: &defined)
        case .reference(let name):
            return .string(name)
        case .record(let record):
            guard defined.insert(record.fullName).inserted else { return .string(record.fullName) }
            var fields: [AvroJSON] = []
            for field in record.fields {
                fields.append(["name": .string(field.name), "type": canonical(field.type, defined: &defined)])
            }
            return ["name": .string(record.fullName), "type": "record", "fields": .array(fields)]
        case .enumeration(let enumeration):
            guard defined.insert(enumeration.fullName).inserted else { return .string(enumeration.fullName) }
            return ["name": .string(enumeration.fullName), "type": "enum", "symbols": .array(enumeration.symbols.map { .string($0) })]
        case .fixed(let fixed):
            guard defined.insert(fixed.fullName).inserted else { return .string(fixed.fullName) }
            return ["name": .string(fixed.fullName), "type": "fixed", "size": .int(Int64(fixed.size))]
        case .array(let items, _):
            return ["type": "array", "items": canonical(items, defined: &defined)]
        case .map(let values, _):
            return ["type": "map", "values": canonical(values, defined: &defined)]
        case .union(let branches):
            return .array(branches.map { canonical($0, defined: &defined) })
        }
    }
}
