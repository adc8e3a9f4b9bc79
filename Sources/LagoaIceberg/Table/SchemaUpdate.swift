/// A set of schema changes applied together (spec "Schema Evolution"): columns are added with new
/// ids, renamed, dropped, widened or made optional; ids never change, so old data files keep
/// reading correctly.
public struct SchemaUpdate: Sendable {
    enum Change: Sendable {
        case add(parent: String?, name: String, type: IcebergType, doc: String?)
        case rename(path: String, newName: String)
        case drop(path: String)
        case widen(path: String, type: IcebergType)
        case makeOptional(path: String)
    }

    var changes: [Change] = []

    public init() {}

    /// Adds an optional column, at the top level or inside the struct at `parent` (`address`).
    /// Nested types in `type` may use any ids; they are renumbered.
    public mutating func addColumn(_ name: String, _ type: IcebergType, parent: String? = nil, doc: String? = nil) {
        changes.append(.add(parent: parent, name: name, type: type, doc: doc))
    }

    public mutating func renameColumn(_ path: String, to newName: String) {
        changes.append(.rename(path: path, newName: newName))
    }

    public mutating func dropColumn(_ path: String) {
        changes.append(.drop(path: path))
    }

    /// Widens a column: int→long, float→double, decimal(P,S)→decimal(P',S) with P' ≥ P.
    public mutating func updateColumnType(_ path: String, to type: IcebergType) {
        changes.append(.widen(path: path, type: type))
    }

    public mutating func makeOptional(_ path: String) {
        changes.append(.makeOptional(path: path))
    }

    /// The new schema and last column id.
    func apply(to schema: IcebergSchema, lastColumnID: Int32, identifierIDs: [Int32]) throws(IcebergError) -> (IcebergSchema, Int32) {
        var fields = schema.fields
        var nextID = lastColumnID
        for change in changes {
            switch change {
            case .add(let parent, let name, let type, let doc):
                try Namespace.validate(name: name, kind: "column")
                let renumbered = Self.renumber(type, &nextID)
                nextID += 1
                let field = NestedField(id: nextID, name: name, type: renumbered, required: false, doc: doc)
                if let parent {
                    try Self.modify(&fields, path: Self.split(parent), full: parent) { (target: inout NestedField) throws(IcebergError) in
                        guard case .structType(var s) = target.type else {
                            throw IcebergError(.invalidArgument, "cannot add '\(name)' to '\(parent)': it is not a struct column")
                        }
                        guard s.field(named: name) == nil else {
                            throw IcebergError(.alreadyExists, "column '\(parent).\(name)' already exists")
                        }
                        s.fields.append(field)
                        target.type = .structType(s)
                    }
                } else {
                    guard !fields.contains(where: { $0.name == name }) else {
                        throw IcebergError(.alreadyExists, "column '\(name)' already exists")
                    }
                    fields.append(field)
                }
            case .rename(let path, let newName):
                try Namespace.validate(name: newName, kind: "column")
                let parts = Self.split(path)
                let siblings = parts.count == 1 ? fields : (try Self.find(fields, Array(parts.dropLast()), full: path).type.children)
                guard !siblings.contains(where: { $0.name == newName }) else {
                    throw IcebergError(.alreadyExists, "cannot rename '\(path)' to '\(newName)': that column already exists")
                }
                try Self.modify(&fields, path: parts, full: path) { (target: inout NestedField) throws(IcebergError) in target.name = newName }
            case .drop(let path):
                let parts = Self.split(path)
                let dropped = try Self.find(fields, parts, full: path)
                if identifierIDs.contains(dropped.id) {
                    throw IcebergError(.invalidArgument, "cannot drop '\(path)': it is an identifier column")
                }
                if parts.count == 1 {
                    fields.removeAll { $0.name == parts[0] }
                    guard !fields.isEmpty else { throw IcebergError(.invalidArgument, "cannot drop '\(path)': a table needs at least one column") }
                } else {
                    try Self.modify(&fields, path: Array(parts.dropLast()), full: path) { (target: inout NestedField) throws(IcebergError) in
                        guard case .structType(var s) = target.type else { return }
                        s.fields.removeAll { $0.name == parts[parts.count - 1] }
                        target.type = .structType(s)
                    }
                }
            case .widen(let path, let type):
                try Self.modify(&fields, path: Self.split(path), full: path) { (target: inout NestedField) throws(IcebergError) in
                    guard target.type.canPromote(to: type) else {
                        throw IcebergError(
                            .invalidArgument,
                            "cannot change column '\(path)' from \(target.type) to \(type); allowed: int→long, float→double, decimal(P,S)→decimal(P2,S) with P2 ≥ P"
                        )
                    }
                    target.type = type
                }
            case .makeOptional(let path):
                try Self.modify(&fields, path: Self.split(path), full: path) { (target: inout NestedField) throws(IcebergError) in target.required = false }
            }
        }
        return (IcebergSchema(schemaID: schema.schemaID, fields: fields, identifierFieldIDs: identifierIDs), nextID)
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private static func find(_ fields: [NestedField], _ path: [String], full: String) throws(IcebergError) -> NestedField {
        var current = fields
        var found: NestedField?
        for part in path {
            guard let next = current.first(where: { $0.name == part }) else {
                throw IcebergError(.notFound, "no column '\(full)'")
            }
            found = next
            current = next.type.children
        }
        guard let found else { throw IcebergError(.notFound, "no column '\(full)'") }
        return found
    }

    private static func modify(
        _ fields: inout [NestedField],
        path: [String],
        full: String,
        _ body: (inout NestedField) throws(IcebergError) -> Void
    ) throws(IcebergError) {
        guard let first = path.first, let index = fields.firstIndex(where: { $0.name == first }) else {
            throw IcebergError(.notFound, "no column '\(full)'")
        }
        if path.count == 1 {
            try body(&fields[index])
            return
        }
        guard case .structType(var s) = fields[index].type else {
            throw IcebergError(.invalidArgument, "'\(full)': '\(first)' is not a struct column")
        }
        try modify(&s.fields, path: Array(path.dropFirst()), full: full, body)
        fields[index].type = .structType(s)
    }

    /// Gives every nested field of `type` a new id above `next`.
    private static func renumber(_ type: IcebergType, _ next: inout Int32) -> IcebergType {
        switch type {
        case .structType(let s):
            var out: [NestedField] = []
            for f in s.fields {
                next += 1
                let id = next
                out.append(NestedField(id: id, name: f.name, type: renumber(f.type, &next), required: f.required, doc: f.doc))
            }
            return .structType(StructType(fields: out))
        case .list(let l):
            next += 1
            let id = next
            return .list(ListType(elementID: id, element: renumber(l.element, &next), elementRequired: l.elementRequired))
        case .map(let m):
            next += 2
            let keyID = next - 1
            let valueID = next
            return .map(MapType(keyID: keyID, key: renumber(m.key, &next), valueID: valueID, value: renumber(m.value, &next), valueRequired: m.valueRequired))
        default:
            return type
        }
    }
}

extension Table {
    /// Applies schema changes in one commit.
    public func updateSchema(_ build: (inout SchemaUpdate) -> Void) async throws(IcebergError) -> Table {
        var update = SchemaUpdate()
        build(&update)
        return try await catalog.commit(identifier) { base throws(IcebergError) in
            let m = base.metadata
            let (schema, lastID) = try update.apply(to: m.schema, lastColumnID: m.lastColumnID, identifierIDs: m.schema.identifierFieldIDs)
            var next = m
            next.lastColumnID = lastID
            if let same = m.schemas.first(where: { $0.fields == schema.fields && $0.identifierFieldIDs == schema.identifierFieldIDs }) {
                next.currentSchemaID = same.schemaID
            } else {
                let id = (m.schemas.map(\.schemaID).max() ?? -1) + 1
                next.schemas.append(IcebergSchema(schemaID: id, fields: schema.fields, identifierFieldIDs: schema.identifierFieldIDs))
                next.currentSchemaID = id
            }
            return next
        }
    }
}
