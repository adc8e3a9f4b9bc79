/// Works out an ``AvroDecodePlan`` for data written with one schema and read with another
/// (Avro specification 1.11, "Schema Resolution").
///
/// - Records: writer fields are matched to reader fields by name or by a reader field's alias;
///   writer-only fields are skipped; reader-only fields take their default, and a reader field
///   without default is an error. Record names are not compared (Iceberg's Spark, PyIceberg and
///   Java writers name nested records differently, `r2`, `r102`); in unions they choose the branch.
/// - Promotions: `int` → `long`, `float`, `double`; `long` → `float`, `double`; `float` → `double`;
///   `string` ↔ `bytes`.
/// - Enums: writer symbols missing from the reader take the reader's default, else reading such a
///   value is an error. Fixed types must have the same size.
/// - Unions: a writer union is resolved branch by branch (a branch the reader cannot read fails
///   only when data uses it); a reader union takes the first branch that matches the writer type
///   exactly (same primitive, or named type with the same unqualified name), then the first of the
///   same kind, then the first the writer type promotes to.
struct AvroResolver {
    private let writerNames: AvroNamedTypes
    private let readerNames: AvroNamedTypes
    private var inProgress: [String: AvroPlanBox] = [:]

    /// The plan reading `writer` data as `reader` values.
    /// - Throws: ``AvroError/Code/schemaMismatch`` naming the first element that cannot be resolved.
    static func plan(writer: AvroSchema, reader: AvroSchema) throws(AvroError) -> AvroDecodePlan {
        var resolver = AvroResolver(writerNames: AvroNamedTypes(writer), readerNames: AvroNamedTypes(reader))
        return try resolver.build(writer, reader, path: reader.fullName.map(avroSimpleName) ?? "value")
    }

    /// The plan reading `schema` data as-is.
    static func plan(_ schema: AvroSchema) throws(AvroError) -> AvroDecodePlan {
        try plan(writer: schema, reader: schema)
    }

    private init(writerNames: AvroNamedTypes, readerNames: AvroNamedTypes) {
        self.writerNames = writerNames
        self.readerNames = readerNames
    }

    private func mismatch(_ writer: AvroSchema, _ reader: AvroSchema, _ path: String) -> AvroError {
        AvroError(.schemaMismatch, "writer type \(writer.typeName) cannot be read as reader type \(reader.typeName) at '\(path)'")
    }

    private mutating func build(_ writer: AvroSchema, _ reader: AvroSchema, path: String) throws(AvroError) -> AvroDecodePlan {
        let w = try writerNames.resolve(writer)
        let r = try readerNames.resolve(reader)
        if case .union(let branches) = w {
            var plans: [AvroDecodePlan] = []
            for branch in branches {
                do {
                    plans.append(try build(branch, r, path: path))
                } catch {
                    plans.append(.fail(error))
                }
            }
            return .union(plans)
        }
        if case .union(let branches) = r {
            var resolved: [AvroSchema] = []
            for branch in branches { resolved.append(try readerNames.resolve(branch)) }
            guard let index = Self.branch(for: w, in: resolved) else {
                let kinds = branches.map(\.typeName).joined(separator: ", ")
                throw AvroError(.schemaMismatch, "writer type \(w.typeName) matches no branch of reader union [\(kinds)] at '\(path)'")
            }
            return try build(w, resolved[index], path: path)
        }
        switch (w, r) {
        case (.null, .null): return .null
        case (.boolean, .boolean): return .boolean
        case (.int, .int): return .int
        case (.int, .long): return .intAsLong
        case (.int, .float): return .intAsFloat
        case (.int, .double): return .intAsDouble
        case (.long, .long): return .long
        case (.long, .float): return .longAsFloat
        case (.long, .double): return .longAsDouble
        case (.float, .float): return .float
        case (.float, .double): return .floatAsDouble
        case (.double, .double): return .double
        case (.bytes, .bytes): return .bytes
        case (.bytes, .string): return .bytesAsString
        case (.string, .string): return .string
        case (.string, .bytes): return .stringAsBytes
        case (.fixed(let wf), .fixed(let rf)):
            guard wf.size == rf.size else {
                throw AvroError(
                    .schemaMismatch,
                    "writer fixed '\(wf.fullName)' has \(wf.size) bytes, reader fixed '\(rf.fullName)' \(rf.size) at '\(path)'")
            }
            return .fixed(wf.size)
        case (.enumeration(let we), .enumeration(let re)):
            let symbols: [AvroValue?] = we.symbols.map { symbol in
                let target = re.symbols.contains(symbol) ? symbol : re.default
                return target.flatMap { t in re.symbols.firstIndex(of: t).map { .enumeration(index: $0, symbol: t) } }
            }
            return .enumeration(symbols: symbols, writerSymbols: we.symbols, readerName: re.fullName)
        case (.array(let wi, _), .array(let ri, _)):
            let items = try build(wi, ri, path: path + "[]")
            return .array(items, minimumItemSize: items.minimumSize)
        case (.map(let wv, _), .map(let rv, _)):
            return .map(try build(wv, rv, path: path + "[]"))
        case (.record(let wr), .record(let rr)):
            return try buildRecord(wr, rr, path: path)
        default:
            throw mismatch(w, r, path)
        }
    }

    private mutating func buildRecord(_ writer: AvroRecordSchema, _ reader: AvroRecordSchema, path: String)
        throws(AvroError) -> AvroDecodePlan
    {
        let key = writer.fullName + "\u{0}" + reader.fullName
        if let box = inProgress[key] { return .recursive(box) }
        let box = AvroPlanBox()
        inProgress[key] = box
        defer { inProgress[key] = nil }

        var steps: [AvroRecordPlan.Step] = []
        var filled = [Bool](repeating: false, count: reader.fields.count)
        for field in writer.fields {
            let target =
                reader.index(of: field.name)
                ?? reader.fields.firstIndex { $0.aliases.contains(field.name) }
            if let target, !filled[target] {
                filled[target] = true
                steps.append(.read(try build(field.type, reader.fields[target].type, path: path + "." + field.name), into: target))
            } else {
                steps.append(.skip(try skipPlan(field.type)))
            }
        }
        var template = [AvroValue](repeating: .null, count: reader.fields.count)
        for (index, field) in reader.fields.enumerated() where !filled[index] {
            guard let json = field.default else {
                throw AvroError(
                    .schemaMismatch,
                    "reader field '\(field.name)' of record '\(reader.name)' is not in the writer schema and has no default")
            }
            do {
                template[index] = try AvroValue(json: json, schema: field.type, names: readerNames)
            } catch {
                throw AvroError(
                    .invalidSchema, "the default of reader field '\(field.name)' of record '\(reader.name)' is invalid: \(error.message)")
            }
        }
        let plan = AvroDecodePlan.record(AvroRecordPlan(steps: steps, template: template))
        box.plan = plan
        return plan
    }

    /// A plan that reads `writer` data as-is (for skipping it).
    private func skipPlan(_ writer: AvroSchema) throws(AvroError) -> AvroDecodePlan {
        var resolver = AvroResolver(writerNames: writerNames, readerNames: writerNames)
        return try resolver.build(writer, writer, path: "skipped")
    }

    /// The reader union branch for writer type `writer` (see the type's documentation).
    static func branch(for writer: AvroSchema, in branches: [AvroSchema]) -> Int? {
        func exact(_ r: AvroSchema) -> Bool {
            switch (writer, r) {
            case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float),
                (.double, .double), (.bytes, .bytes), (.string, .string), (.array, .array), (.map, .map):
                return true
            case (.record, .record), (.enumeration, .enumeration), (.fixed, .fixed):
                return avroSimpleName(writer.fullName ?? "") == avroSimpleName(r.fullName ?? "")
            default: return false
            }
        }
        func sameKind(_ r: AvroSchema) -> Bool {
            switch (writer, r) {
            case (.record, .record), (.enumeration, .enumeration): return true
            case (.fixed(let a), .fixed(let b)): return a.size == b.size
            default: return false
            }
        }
        func promotes(_ r: AvroSchema) -> Bool {
            switch (writer, r) {
            case (.int, .long), (.int, .float), (.int, .double), (.long, .float), (.long, .double), (.float, .double),
                (.string, .bytes), (.bytes, .string):
                return true
            default: return false
            }
        }
        return branches.firstIndex(where: exact) ?? branches.firstIndex(where: sameKind) ?? branches.firstIndex(where: promotes)
    }
}
