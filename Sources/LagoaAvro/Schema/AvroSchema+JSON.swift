extension AvroSchema {
    /// The schema as compact JSON text with every attribute, as written into file headers.
    ///
    /// Deterministic: the same schema always gives the same text. A named type is defined at its
    /// first use and referred to by name afterwards; `namespace` is written only where it differs
    /// from the enclosing one.
    ///
    /// A named type in the null namespace that is used again inside a namespaced type is referred to
    /// by its simple name, which Java's Avro and Lagoa resolve (falling back to the null namespace)
    /// but fastavro does not: give nested named types the enclosing namespace, or none anywhere
    /// (as Iceberg does), when other readers must read the file.
    public var json: String {
        var writer = AvroSchemaJSONWriter()
        return writer.json(self, namespace: nil).text
    }

    /// The schema as a JSON value (see ``json``).
    public var jsonValue: AvroJSON {
        var writer = AvroSchemaJSONWriter()
        return writer.json(self, namespace: nil)
    }
}

extension AvroSchema: CustomStringConvertible {
    public var description: String { json }
}

/// Builds the full JSON form of a schema, remembering which named types it has defined.
struct AvroSchemaJSONWriter {
    private var defined: Set<String> = []

    private func nameReference(_ fullName: String, _ namespace: String?) -> AvroJSON {
        if let namespace, !namespace.isEmpty, fullName.hasPrefix(namespace + "."),
            !fullName.dropFirst(namespace.count + 1).contains(".")
        {
            return .string(String(fullName.dropFirst(namespace.count + 1)))
        }
        return .string(fullName)
    }

    private func header(_ type: String, _ name: String, _ space: String?, _ enclosing: String?) -> [AvroProperties.Entry] {
        var entries = [AvroProperties.Entry(name: "type", value: .string(type)), .init(name: "name", value: .string(name))]
        if (space ?? "") != (enclosing ?? "") {
            entries.append(.init(name: "namespace", value: .string(space ?? "")))
        }
        return entries
    }

    private func aliases(_ aliases: [String], _ namespace: String?) -> AvroJSON {
        .array(aliases.map { alias in
            if let namespace, alias.hasPrefix(namespace + "."), !alias.dropFirst(namespace.count + 1).contains(".") {
                return .string(String(alias.dropFirst(namespace.count + 1)))
            }
            return .string(alias)
        })
    }

    mutating func json(_ schema: AvroSchema, namespace: String?) -> AvroJSON {
        switch schema {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            return .string(schema.typeName)
        case .reference(let fullName):
            return nameReference(fullName, namespace)
        case .record(let record):
            guard defined.insert(record.fullName).inserted else { return nameReference(record.fullName, namespace) }
            var entries = header("record", record.name, record.namespace, namespace)
            if let doc = record.doc { entries.append(.init(name: "doc", value: .string(doc))) }
            var fields: [AvroJSON] = []
            for field in record.fields {
                var members = [AvroProperties.Entry(name: "name", value: .string(field.name))]
                members.append(.init(name: "type", value: json(field.type, namespace: record.namespace)))
                if let doc = field.doc { members.append(.init(name: "doc", value: .string(doc))) }
                if let value = field.default { members.append(.init(name: "default", value: value)) }
                if let order = field.order { members.append(.init(name: "order", value: .string(order))) }
                if !field.aliases.isEmpty { members.append(.init(name: "aliases", value: .array(field.aliases.map { .string($0) }))) }
                members += field.properties.entries
                fields.append(.object(AvroProperties(members)))
            }
            entries.append(.init(name: "fields", value: .array(fields)))
            if !record.aliases.isEmpty { entries.append(.init(name: "aliases", value: aliases(record.aliases, record.namespace))) }
            return .object(AvroProperties(entries + record.properties.entries))
        case .enumeration(let enumeration):
            guard defined.insert(enumeration.fullName).inserted else { return nameReference(enumeration.fullName, namespace) }
            var entries = header("enum", enumeration.name, enumeration.namespace, namespace)
            if let doc = enumeration.doc { entries.append(.init(name: "doc", value: .string(doc))) }
            entries.append(.init(name: "symbols", value: .array(enumeration.symbols.map { .string($0) })))
            if let value = enumeration.default { entries.append(.init(name: "default", value: .string(value))) }
            if !enumeration.aliases.isEmpty {
                entries.append(.init(name: "aliases", value: aliases(enumeration.aliases, enumeration.namespace)))
            }
            return .object(AvroProperties(entries + enumeration.properties.entries))
        case .fixed(let fixed):
            guard defined.insert(fixed.fullName).inserted else { return nameReference(fixed.fullName, namespace) }
            var entries = header("fixed", fixed.name, fixed.namespace, namespace)
            entries.append(.init(name: "size", value: .int(Int64(fixed.size))))
            if !fixed.aliases.isEmpty { entries.append(.init(name: "aliases", value: aliases(fixed.aliases, fixed.namespace))) }
            return .object(AvroProperties(entries + fixed.properties.entries))
        case .array(let items, let properties):
            let entries: [AvroProperties.Entry] = [.init(name: "type", value: "array"), .init(name: "items", value: json(items, namespace: namespace))]
            return .object(AvroProperties(entries + properties.entries))
        case .map(let values, let properties):
            let entries: [AvroProperties.Entry] = [.init(name: "type", value: "map"), .init(name: "values", value: json(values, namespace: namespace))]
            return .object(AvroProperties(entries + properties.entries))
        case .union(let branches):
            return .array(branches.map { json($0, namespace: namespace) })
        case .annotated(let base, let properties):
            var entries: [AvroProperties.Entry] = [.init(name: "type", value: json(base, namespace: namespace))]
            entries += properties.entries
            return .object(AvroProperties(entries))
        case .logical(let logical, let base, let properties):
            var logicalEntries = [AvroProperties.Entry(name: "logicalType", value: .string(logical.name))]
            if case .decimal(let precision, let scale) = logical {
                logicalEntries.append(.init(name: "precision", value: .int(Int64(precision))))
                logicalEntries.append(.init(name: "scale", value: .int(Int64(scale))))
            }
            var entries: [AvroProperties.Entry]
            let wasDefined = base.fullName.map { defined.contains($0) } ?? false
            if !wasDefined, case .object(let object) = json(base, namespace: namespace) {
                // A complex schema: the logical type joins the schema's own object, after "type".
                entries = object.entries
                entries.insert(contentsOf: logicalEntries, at: 1)
            } else {
                entries = [.init(name: "type", value: json(base, namespace: namespace))] + logicalEntries
            }
            return .object(AvroProperties(entries + properties.entries))
        }
    }
}
