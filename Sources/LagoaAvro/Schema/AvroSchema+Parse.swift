extension AvroSchema {
    /// Parses a schema from its JSON text (Avro specification 1.11 "Schema Declaration").
    ///
    /// Accepts primitive names (`"long"`), primitive types in object form (`{"type":"long"}`),
    /// records, enums, arrays, maps, unions, fixed, named-type references resolved against the
    /// enclosing namespace, logical types and custom attributes on every element.
    /// - Throws: ``AvroError/Code/invalidSchema`` saying what is wrong and where.
    public init(json: String) throws(AvroError) {
        let document = try AvroJSONParser.parse(json)
        var parser = AvroSchemaParser()
        self = try parser.parse(document, namespace: nil, path: "schema")
    }
}

/// Turns a JSON document into an ``AvroSchema``, keeping the named types defined so far.
struct AvroSchemaParser {
    private var defined: [String: AvroSchema] = [:]
    private var inProgress: Set<String> = []

    private static let primitives: [String: AvroSchema] = [
        "null": .null, "boolean": .boolean, "int": .int, "long": .long,
        "float": .float, "double": .double, "bytes": .bytes, "string": .string,
    ]

    private func invalid(_ path: String, _ what: String) -> AvroError {
        AvroError(.invalidSchema, "invalid Avro schema at \(path): \(what)")
    }

    mutating func parse(_ json: AvroJSON, namespace: String?, path: String) throws(AvroError) -> AvroSchema {
        switch json {
        case .string(let name):
            return try resolve(name, namespace: namespace, path: path)
        case .array(let branches):
            var schemas: [AvroSchema] = []
            var seen: Set<String> = []
            for (i, branch) in branches.enumerated() {
                let schema = try parse(branch, namespace: namespace, path: "\(path)[\(i)]")
                if case .union = schema.physical { throw invalid(path, "a union may not directly contain another union") }
                let key = schema.fullName ?? schema.physical.typeName
                guard seen.insert(key).inserted else { throw invalid(path, "the union contains \(key) twice") }
                schemas.append(schema)
            }
            return .union(schemas)
        case .object(let members):
            return try parseObject(members, namespace: namespace, path: path)
        default:
            throw invalid(path, "expected a type name, an object or an array, found \(json.text)")
        }
    }

    private func resolve(_ name: String, namespace: String?, path: String) throws(AvroError) -> AvroSchema {
        if let primitive = Self.primitives[name] { return primitive }
        var candidates: [String] = []
        if !name.contains("."), let namespace, !namespace.isEmpty { candidates.append(namespace + "." + name) }
        candidates.append(name)
        for candidate in candidates {
            if inProgress.contains(candidate) { return .reference(candidate) }
            if let schema = defined[candidate] { return schema }
        }
        throw invalid(path, "unknown type '\(name)'; define a named type before using its name")
    }

    private mutating func parseObject(_ members: AvroProperties, namespace: String?, path: String) throws(AvroError) -> AvroSchema {
        guard let type = members["type"] else { throw invalid(path, "the object has no \"type\"") }
        var attributes = members
        attributes["type"] = nil
        let logicalName = attributes["logicalType"]?.stringValue
        attributes["logicalType"] = nil
        let declared = attributes
        let base: AvroSchema
        switch type {
        case .string("record"), .string("error"):
            base = try parseRecord(&attributes, namespace: namespace, path: path)
        case .string("enum"):
            base = try parseEnum(&attributes, namespace: namespace, path: path)
        case .string("fixed"):
            base = try parseFixed(&attributes, namespace: namespace, path: path, logicalName: logicalName)
        case .string("array"):
            guard let items = attributes["items"] else { throw invalid(path, "the array has no \"items\"") }
            attributes["items"] = nil
            base = .array(try parse(items, namespace: namespace, path: path + ".items"), properties: attributes)
            attributes = [:]
        case .string("map"):
            guard let values = attributes["values"] else { throw invalid(path, "the map has no \"values\"") }
            attributes["values"] = nil
            base = .map(try parse(values, namespace: namespace, path: path + ".values"), properties: attributes)
            attributes = [:]
        default:
            // A primitive or named type in object form, possibly with a logical type and attributes.
            base = try parse(type, namespace: namespace, path: path)
        }
        guard let logicalName else {
            return attributes.isEmpty ? base : .annotated(base, properties: attributes)
        }
        switch base {
        case .record, .enumeration, .fixed, .array, .map:
            return .logical(AvroLogicalType.recognise(logicalName, on: base, attributes: declared), base)
        default:
            let logical = AvroLogicalType.recognise(logicalName, on: base, attributes: attributes)
            if case .decimal = logical {
                attributes["precision"] = nil
                attributes["scale"] = nil
            }
            return .logical(logical, base, properties: attributes)
        }
    }

    /// Splits `name` (possibly dotted) and the `namespace` attribute into simple name and namespace.
    private func qualify(_ attributes: inout AvroProperties, enclosing: String?, path: String) throws(AvroError)
        -> (name: String, namespace: String?)
    {
        guard let name = attributes["name"]?.stringValue, !name.isEmpty else {
            throw invalid(path, "a named type needs a non-empty \"name\"")
        }
        attributes["name"] = nil
        var namespace = enclosing
        if let explicit = attributes["namespace"] {
            guard let text = explicit.stringValue else { throw invalid(path, "\"namespace\" must be a string") }
            namespace = text.isEmpty ? nil : text
            attributes["namespace"] = nil
        }
        if let dot = name.lastIndex(of: ".") {
            return (String(name[name.index(after: dot)...]), String(name[..<dot]))
        }
        return (name, namespace)
    }

    private mutating func define(_ fullName: String, path: String) throws(AvroError) {
        guard defined[fullName] == nil, !inProgress.contains(fullName), Self.primitives[fullName] == nil else {
            throw invalid(path, "type '\(fullName)' is defined twice")
        }
    }

    private func strings(_ json: AvroJSON?, _ what: String, path: String) throws(AvroError) -> [String] {
        guard let json else { return [] }
        guard case .array(let values) = json else { throw invalid(path, "\"\(what)\" must be an array of strings") }
        var result: [String] = []
        for value in values {
            guard let text = value.stringValue else { throw invalid(path, "\"\(what)\" must be an array of strings") }
            result.append(text)
        }
        return result
    }

    private mutating func parseRecord(_ attributes: inout AvroProperties, namespace: String?, path: String)
        throws(AvroError) -> AvroSchema
    {
        let (name, space) = try qualify(&attributes, enclosing: namespace, path: path)
        let fullName = avroFullName(name, space)
        try define(fullName, path: path)
        let recordPath = "record '\(fullName)'"
        guard case .array(let fieldList)? = attributes["fields"] else {
            throw invalid(recordPath, "a record needs a \"fields\" array")
        }
        let doc = attributes["doc"]?.stringValue
        let aliases = try strings(attributes["aliases"], "aliases", path: recordPath)
        for key in ["fields", "doc", "aliases"] { attributes[key] = nil }
        inProgress.insert(fullName)
        var fields: [AvroField] = []
        for (i, entry) in fieldList.enumerated() {
            guard case .object(var members) = entry else { throw invalid(recordPath, "field \(i) is not an object") }
            guard let fieldName = members["name"]?.stringValue, !fieldName.isEmpty else {
                throw invalid(recordPath, "field \(i) needs a non-empty \"name\"")
            }
            let fieldPath = "field '\(fullName).\(fieldName)'"
            guard !fields.contains(where: { $0.name == fieldName }) else { throw invalid(recordPath, "two fields are named '\(fieldName)'") }
            guard let typeJSON = members["type"] else { throw invalid(fieldPath, "the field has no \"type\"") }
            let type = try parse(typeJSON, namespace: space, path: fieldPath)
            let fieldAliases = try strings(members["aliases"], "aliases", path: fieldPath)
            var field = AvroField(
                name: fieldName,
                type: type,
                doc: members["doc"]?.stringValue,
                default: members["default"],
                aliases: fieldAliases,
                order: members["order"]?.stringValue
            )
            for key in ["name", "type", "doc", "default", "aliases", "order"] { members[key] = nil }
            field.properties = members
            fields.append(field)
        }
        inProgress.remove(fullName)
        let schema = AvroSchema.record(
            AvroRecordSchema(
                name: name, namespace: space, doc: doc, fields: fields,
                aliases: aliases.map { avroQualifiedAlias($0, space) }, properties: attributes
            )
        )
        defined[fullName] = schema
        attributes = [:]
        return schema
    }

    private mutating func parseEnum(_ attributes: inout AvroProperties, namespace: String?, path: String)
        throws(AvroError) -> AvroSchema
    {
        let (name, space) = try qualify(&attributes, enclosing: namespace, path: path)
        let fullName = avroFullName(name, space)
        try define(fullName, path: path)
        let enumPath = "enum '\(fullName)'"
        let symbols = try strings(attributes["symbols"], "symbols", path: enumPath)
        guard attributes["symbols"] != nil else { throw invalid(enumPath, "an enum needs a \"symbols\" array") }
        guard Set(symbols).count == symbols.count else { throw invalid(enumPath, "the symbols are not unique") }
        let defaultSymbol = attributes["default"]?.stringValue
        if let defaultSymbol, !symbols.contains(defaultSymbol) {
            throw invalid(enumPath, "the default '\(defaultSymbol)' is not one of the symbols")
        }
        let schema = AvroSchema.enumeration(
            AvroEnumSchema(
                name: name, namespace: space, doc: attributes["doc"]?.stringValue, symbols: symbols,
                default: defaultSymbol,
                aliases: try strings(attributes["aliases"], "aliases", path: enumPath).map { avroQualifiedAlias($0, space) }
            )
        )
        for key in ["symbols", "default", "doc", "aliases"] { attributes[key] = nil }
        guard case .enumeration(var enumeration) = schema else { preconditionFailure("built an enum above") }
        enumeration.properties = attributes
        attributes = [:]
        defined[fullName] = .enumeration(enumeration)
        return .enumeration(enumeration)
    }

    private mutating func parseFixed(_ attributes: inout AvroProperties, namespace: String?, path: String, logicalName: String?)
        throws(AvroError) -> AvroSchema
    {
        let (name, space) = try qualify(&attributes, enclosing: namespace, path: path)
        let fullName = avroFullName(name, space)
        try define(fullName, path: path)
        guard let size = attributes["size"]?.intValue, size >= 0, size <= Int64(Int32.max) else {
            throw invalid("fixed '\(fullName)'", "a fixed type needs a non-negative integer \"size\"")
        }
        attributes["size"] = nil
        let aliases = try strings(attributes["aliases"], "aliases", path: path).map { avroQualifiedAlias($0, space) }
        attributes["aliases"] = nil
        var fixed = AvroFixedSchema(name: name, namespace: space, size: Int(size), aliases: aliases, properties: attributes)
        if logicalName == "decimal",
            case .decimal = AvroLogicalType.recognise("decimal", on: .fixed(fixed), attributes: attributes)
        {
            // precision and scale belong to the logical type, which carries them.
            fixed.properties["precision"] = nil
            fixed.properties["scale"] = nil
        }
        attributes = [:]
        let schema = AvroSchema.fixed(fixed)
        defined[fullName] = schema
        return schema
    }
}

extension AvroSchema {
    /// The custom attributes stored on a complex schema itself.
    var ownProperties: AvroProperties {
        switch self {
        case .record(let r): r.properties
        case .enumeration(let e): e.properties
        case .fixed(let f): f.properties
        case .array(_, let p), .map(_, let p): p
        case .logical(_, _, let p), .annotated(_, let p): p
        default: [:]
        }
    }
}

/// An alias relative to `namespace` when it has no dot, as the specification says.
func avroQualifiedAlias(_ alias: String, _ namespace: String?) -> String {
    alias.contains(".") ? alias : avroFullName(alias, namespace)
}
