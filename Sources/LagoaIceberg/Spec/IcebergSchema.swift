/// A table schema: a struct of fields with unique ids, plus its own id within the table's history.
public struct IcebergSchema: Sendable, Hashable {
    public var schemaID: Int32
    public var fields: [NestedField]
    /// Fields that identify a row (for upserts); Lagoa keeps them but does not enforce them.
    public var identifierFieldIDs: [Int32]

    public init(schemaID: Int32 = 0, fields: [NestedField], identifierFieldIDs: [Int32] = []) {
        self.schemaID = schemaID
        self.fields = fields
        self.identifierFieldIDs = identifierFieldIDs
    }

    /// The schema as a struct type.
    public var asStruct: StructType { StructType(fields: fields) }

    /// The top-level field named `name`.
    public func field(named name: String) -> NestedField? {
        fields.first { $0.name == name }
    }

    /// Every field at any depth (struct members, list elements, map keys and values), parents first.
    public var allFields: [NestedField] {
        var out: [NestedField] = []
        func visit(_ field: NestedField) {
            out.append(field)
            for child in field.type.children { visit(child) }
        }
        for field in fields { visit(field) }
        return out
    }

    /// The field with `id` at any depth.
    public func field(id: Int32) -> NestedField? {
        allFields.first { $0.id == id }
    }

    /// The dotted name of the field with `id` (`address.city`, `tags.element`), if any.
    public func columnName(id: Int32) -> String? {
        func search(_ fields: [NestedField], _ prefix: String) -> String? {
            for field in fields {
                let name = prefix.isEmpty ? field.name : prefix + "." + field.name
                if field.id == id { return name }
                if let found = search(field.type.children, name) { return found }
            }
            return nil
        }
        return search(fields, "")
    }

    /// The field at a dotted path of struct member names (`address.city`).
    public func field(path: String) -> NestedField? {
        var candidates = fields
        var found: NestedField?
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = candidates.first(where: { $0.name == part }) else { return nil }
            found = next
            candidates = next.type.children
        }
        return found
    }

    /// The largest field id used anywhere in the schema (0 when empty).
    public var highestFieldID: Int32 {
        allFields.map(\.id).max() ?? 0
    }
}

extension IcebergType {
    /// The nested fields directly inside this type.
    public var children: [NestedField] {
        switch self {
        case .structType(let s): s.fields
        case .list(let l): [l.elementField]
        case .map(let m): [m.keyField, m.valueField]
        default: []
        }
    }
}
