/// An expression whose columns are resolved to field ids and whose literals have the column's type.
indirect enum BoundExpression: Sendable, Hashable {
    case alwaysTrue
    case alwaysFalse
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case not(BoundExpression)
    case isNull(BoundReference)
    case notNull(BoundReference)
    case compare(BoundReference, IcebergExpression.Operator, IcebergValue)
    case isIn(BoundReference, [IcebergValue])

    /// The ids of the columns the expression reads.
    var fieldIDs: Set<Int32> {
        switch self {
        case .alwaysTrue, .alwaysFalse: []
        case .and(let a, let b), .or(let a, let b): a.fieldIDs.union(b.fieldIDs)
        case .not(let e): e.fieldIDs
        case .isNull(let r), .notNull(let r), .compare(let r, _, _), .isIn(let r, _): [r.fieldID]
        }
    }

    /// Pushes NOT down to the leaves (so evaluators never see `not`).
    var withoutNot: BoundExpression {
        switch self {
        case .not(let e): e.negated
        case .and(let a, let b): .and(a.withoutNot, b.withoutNot)
        case .or(let a, let b): .or(a.withoutNot, b.withoutNot)
        default: self
        }
    }

    private var negated: BoundExpression {
        switch self {
        case .alwaysTrue: .alwaysFalse
        case .alwaysFalse: .alwaysTrue
        case .and(let a, let b): .or(a.negated, b.negated)
        case .or(let a, let b): .and(a.negated, b.negated)
        case .not(let e): e.withoutNot
        case .isNull(let r): .notNull(r)
        case .notNull(let r): .isNull(r)
        case .compare(let r, let op, let v):
            switch op {
            case .equal: .compare(r, .notEqual, v)
            case .notEqual: .compare(r, .equal, v)
            case .less: .compare(r, .greaterOrEqual, v)
            case .lessOrEqual: .compare(r, .greater, v)
            case .greater: .compare(r, .lessOrEqual, v)
            case .greaterOrEqual: .compare(r, .less, v)
            }
        case .isIn(let r, let vs): vs.reduce(BoundExpression.alwaysTrue) { acc, v in
            acc == .alwaysTrue ? .compare(r, .notEqual, v) : .and(acc, .compare(r, .notEqual, v))
        }
        }
    }
}

/// A column of the schema a filter was bound against.
struct BoundReference: Sendable, Hashable {
    var fieldID: Int32
    var name: String
    var type: IcebergType
    /// Child indexes from the top-level column down to the field, through structs.
    var path: [Int]
}

extension IcebergExpression {
    /// Resolves columns against `schema` and converts literals to their types.
    /// - Throws: ``IcebergError/Code/invalidArgument`` for unknown columns, nested non-struct paths
    ///   and literals that do not fit the column type.
    func bind(_ schema: IcebergSchema) throws(IcebergError) -> BoundExpression {
        switch self {
        case .alwaysTrue: return .alwaysTrue
        case .alwaysFalse: return .alwaysFalse
        case .and(let a, let b): return .and(try a.bind(schema), try b.bind(schema))
        case .or(let a, let b): return .or(try a.bind(schema), try b.bind(schema))
        case .not(let e): return .not(try e.bind(schema))
        case .isNull(let c): return .isNull(try Self.reference(c, schema))
        case .notNull(let c): return .notNull(try Self.reference(c, schema))
        case .compare(let c, let op, let literal):
            let ref = try Self.reference(c, schema)
            return .compare(ref, op, try Self.value(literal, ref))
        case .isIn(let c, let literals):
            let ref = try Self.reference(c, schema)
            var values: [IcebergValue] = []
            for literal in literals { values.append(try Self.value(literal, ref)) }
            return .isIn(ref, values)
        }
    }

    static func reference(_ name: String, _ schema: IcebergSchema) throws(IcebergError) -> BoundReference {
        var fields = schema.fields
        var path: [Int] = []
        var found: NestedField?
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard let index = fields.firstIndex(where: { $0.name == part }) else {
                throw IcebergError(
                    .invalidArgument,
                    "unknown column '\(name)' in filter; columns are \(schema.fields.map(\.name).joined(separator: ", "))"
                )
            }
            path.append(index)
            found = fields[index]
            guard case .structType(let s) = fields[index].type else {
                fields = []
                continue
            }
            fields = s.fields
        }
        guard let field = found, field.type.isPrimitive else {
            throw IcebergError(.invalidArgument, "column '\(name)' is not a primitive column and cannot be filtered on")
        }
        return BoundReference(fieldID: field.id, name: name, type: field.type, path: path)
    }

    static func value(_ literal: Literal, _ ref: BoundReference) throws(IcebergError) -> IcebergValue {
        let text: String
        switch literal {
        case .string(let s): text = s
        case .integer(let v): text = String(v)
        case .decimal(let t): text = t
        case .boolean(let b): text = b ? "true" : "false"
        }
        do {
            return try IcebergValue(parsing: text, as: ref.type)
        } catch {
            throw IcebergError(.invalidArgument, "filter on '\(ref.name)': \(error.message)")
        }
    }
}
