/// The named types (records, enums, fixed) defined in a schema, by full name: how
/// ``AvroSchema/reference(_:)`` is resolved.
struct AvroNamedTypes {
    private(set) var byName: [String: AvroSchema] = [:]

    init(_ schema: AvroSchema) {
        collect(schema)
    }

    private mutating func collect(_ schema: AvroSchema) {
        switch schema {
        case .record(let record):
            guard byName[record.fullName] == nil else { return }
            byName[record.fullName] = schema
            for field in record.fields { collect(field.type) }
        case .enumeration(let e): byName[e.fullName] = byName[e.fullName] ?? schema
        case .fixed(let f): byName[f.fullName] = byName[f.fullName] ?? schema
        case .array(let items, _): collect(items)
        case .map(let values, _): collect(values)
        case .union(let branches): for branch in branches { collect(branch) }
        case .logical(_, let base, _), .annotated(let base, _): collect(base)
        default: break
        }
    }

    /// The physical schema with references resolved.
    func resolve(_ schema: AvroSchema) throws(AvroError) -> AvroSchema {
        let physical = schema.physical
        guard case .reference(let name) = physical else { return physical }
        guard let definition = byName[name] else {
            throw AvroError(.invalidSchema, "the schema refers to type '\(name)', which it does not define")
        }
        return definition.physical
    }
}
