/// Writes ``AvroValue``s in Avro's binary encoding, checking each value against the schema.
///
/// Unions are not wrapped in values, so the encoder picks the branch:
/// 1. `.null` goes to the `null` branch;
/// 2. otherwise the first branch of the same kind: the same primitive type, a `fixed` of the same
///    size, an `enum` that has the symbol, a `record` with as many fields whose values each fit
///    their field's type (checked one level deep), any `array`/`map`;
/// 3. otherwise the first branch the value can be promoted to: `int` → `long`, `float`, `double`;
///    `long` → `float`, `double`; `float` → `double`.
/// The same promotions are accepted outside unions. Anything else is an
/// ``AvroError/Code/invalidValue`` naming the path of the value (`manifest_entry.data_file.partition`).
struct AvroValueEncoder {
    let names: AvroNamedTypes
    var out = AvroEncoder()

    init(schema: AvroSchema) {
        names = AvroNamedTypes(schema)
    }

    /// Stands for the value's path in messages; paths are built only when encoding fails, by each
    /// enclosing array, map and record adding its part on the way up (see `encode(_:_:path:)`).
    static let pathMarker = "\u{1}"

    /// Encodes `value`; failure messages name the value by `root` followed by its path.
    mutating func encode(_ value: AvroValue, _ schema: AvroSchema, root: String) throws(AvroError) {
        do {
            try encode(value, schema, path: Self.pathMarker)
        } catch {
            var error = error
            error.message = error.message.replacing(Self.pathMarker, with: root + error.valuePath)
            error.valuePath = ""
            throw error
        }
    }

    private func mismatch(_ value: AvroValue, _ schema: AvroSchema, _ path: String) -> AvroError {
        AvroError(.invalidValue, "value at '\(path)' is \(Self.describe(value)), which does not match schema \(schema.typeName)")
    }

    static func describe(_ value: AvroValue) -> String {
        switch value {
        case .null: "null"
        case .int(let v): "int \(v)"
        case .long(let v): "long \(v)"
        case .string(let v): "string \"\(v.prefix(40))\""
        case .fixed(let v): "fixed of \(v.count) bytes"
        case .record(let v): "a record of \(v.count) fields"
        case .enumeration(_, let symbol): "enum symbol '\(symbol)'"
        default: "a \(value.kindName)"
        }
    }

    /// `path` is ``pathMarker``, replaced by the real path only when an error reaches the top.
    mutating func encode(_ value: AvroValue, _ schema: AvroSchema, path: String) throws(AvroError) {
        let physical = try names.resolve(schema)
        switch (physical, value) {
        case (.null, .null): break
        case (.boolean, .boolean(let v)): out.writeBoolean(v)
        case (.int, .int(let v)): out.writeLong(Int64(v))
        case (.long, .long(let v)): out.writeLong(v)
        case (.long, .int(let v)): out.writeLong(Int64(v))
        case (.float, .float(let v)): out.writeFloat(v)
        case (.float, .int(let v)): out.writeFloat(Float(v))
        case (.float, .long(let v)): out.writeFloat(Float(v))
        case (.double, .double(let v)): out.writeDouble(v)
        case (.double, .float(let v)): out.writeDouble(Double(v))
        case (.double, .int(let v)): out.writeDouble(Double(v))
        case (.double, .long(let v)): out.writeDouble(Double(v))
        case (.bytes, .bytes(let v)): out.writeBytes(v)
        case (.string, .string(let v)): out.writeString(v)
        case (.fixed(let fixed), .fixed(let v)):
            guard v.count == fixed.size else {
                throw AvroError(
                    .invalidValue, "value at '\(path)' has \(v.count) bytes, but fixed '\(fixed.fullName)' holds \(fixed.size)")
            }
            out.bytes.append(contentsOf: v)
        case (.enumeration(let e), .enumeration(_, let symbol)):
            guard let index = e.symbols.firstIndex(of: symbol) else {
                throw AvroError(.invalidValue, "value at '\(path)' is symbol '\(symbol)', which enum '\(e.fullName)' does not have")
            }
            out.writeLong(Int64(index))
        case (.array(let items, _), .array(let values)):
            if !values.isEmpty {
                out.writeLong(Int64(values.count))
                for (i, item) in values.enumerated() {
                    do { try encode(item, items, path: path) } catch { throw error.under("[\(i)]") }
                }
            }
            out.writeLong(0)
        case (.map(let valueSchema, _), .map(let entries)):
            if !entries.isEmpty {
                out.writeLong(Int64(entries.count))
                for entry in entries {
                    out.writeString(entry.key)
                    do { try encode(entry.value, valueSchema, path: path) } catch { throw error.under("[\"\(entry.key)\"]") }
                }
            }
            out.writeLong(0)
        case (.record(let record), .record(let values)):
            guard values.count == record.fields.count else {
                throw AvroError(
                    .invalidValue,
                    "value at '\(path)' has \(values.count) fields, but record '\(record.fullName)' has \(record.fields.count)")
            }
            for (field, item) in zip(record.fields, values) {
                do { try encode(item, field.type, path: path) } catch { throw error.under("." + field.name) }
            }
        case (.union(let branches), _):
            guard let index = try branchIndex(for: value, in: branches) else {
                let kinds = branches.map(\.typeName).joined(separator: ", ")
                throw AvroError(.invalidValue, "value at '\(path)' is \(Self.describe(value)), which matches no branch of union [\(kinds)]")
            }
            out.writeLong(Int64(index))
            try encode(value, branches[index], path: path)
        default:
            throw mismatch(value, physical, path)
        }
    }

    /// The union branch `value` is written to (see the type's documentation for the rule).
    func branchIndex(for value: AvroValue, in branches: [AvroSchema]) throws(AvroError) -> Int? {
        var resolved: [AvroSchema] = []
        for branch in branches { resolved.append(try names.resolve(branch)) }
        if let exact = resolved.firstIndex(where: { Self.sameKind(value, $0) }) { return exact }
        return resolved.firstIndex { Self.promotable(value, $0) }
    }

    static func sameKind(_ value: AvroValue, _ schema: AvroSchema) -> Bool {
        switch (value, schema) {
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float),
            (.double, .double), (.bytes, .bytes), (.string, .string), (.array, .array), (.map, .map):
            return true
        case (.fixed(let v), .fixed(let f)): return v.count == f.size
        case (.enumeration(_, let symbol), .enumeration(let e)): return e.symbols.contains(symbol)
        case (.record(let v), .record(let r)):
            // One level deep: every field value must fit its field's kind, so that records with the
            // same number of fields in one union are told apart.
            guard v.count == r.fields.count else { return false }
            return zip(v, r.fields).allSatisfy { value, field in
                let type = field.type.physical
                if case .union(let branches) = type {
                    return branches.contains { fieldFits(value, $0.physical) }
                }
                return fieldFits(value, type)
            }
        default: return false
        }
    }

    private static func fieldFits(_ value: AvroValue, _ schema: AvroSchema) -> Bool {
        if case .reference = schema { return true }
        if case .record(let v) = value, case .record(let r) = schema { return v.count == r.fields.count }
        return sameKind(value, schema) || promotable(value, schema)
    }

    static func promotable(_ value: AvroValue, _ schema: AvroSchema) -> Bool {
        switch (value, schema) {
        case (.int, .long), (.int, .float), (.int, .double), (.long, .float), (.long, .double), (.float, .double):
            return true
        default: return false
        }
    }
}
