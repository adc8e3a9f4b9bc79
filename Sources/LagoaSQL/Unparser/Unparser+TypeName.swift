extension Unparser {
    /// Canonical SQL text of a type name: `DECIMAL(15, 2)`, `VARCHAR`, `INTEGER[]`, `STRUCT(a INTEGER)`.
    public static func typeName(_ type: TypeName) -> String {
        switch type.name {
        case "list" where type.fields.count == 1:
            return typeName(type.fields[0].type) + "[]"
        case "struct":
            let fields = type.fields.map { field in
                (field.name.map { identifier($0) + " " } ?? "") + typeName(field.type)
            }
            return "STRUCT(" + fields.joined(separator: ", ") + ")"
        case "map" where type.fields.count == 2:
            return "MAP(" + typeName(type.fields[0].type) + ", " + typeName(type.fields[1].type) + ")"
        default:
            let base = Keywords.isKnownTypeName(type.name) ? type.name.uppercased() : quoted(type.name, by: "\"")
            if type.parameters.isEmpty { return base }
            return base + "(" + type.parameters.map(String.init).joined(separator: ", ") + ")"
        }
    }
}
