import LagoaJSON

/// Typed, path-aware access to a JSON object in a metadata file, so every error names the file and
/// the member (`v3.metadata.json: schemas[0].fields[2].id must be an integer`).
struct JSONFields {
    let value: JSONValue
    let path: String
    let file: String

    init(_ value: JSONValue, path: String = "", file: String) throws(IcebergError) {
        guard case .object = value else {
            throw IcebergError(.invalidMetadata, "\(file): \(path.isEmpty ? "the document" : path) must be a JSON object")
        }
        self.value = value
        self.path = path
        self.file = file
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func fail(_ key: String, _ problem: String) -> IcebergError {
        IcebergError(.invalidMetadata, "\(file): \(name(key)) \(problem)")
    }

    func has(_ key: String) -> Bool {
        if let v = value[key], v != .null { return true }
        return false
    }

    func optionalInt(_ key: String) throws(IcebergError) -> Int64? {
        guard let v = value[key], v != .null else { return nil }
        guard case .int(let n) = v else { throw fail(key, "must be an integer") }
        return n
    }

    func int(_ key: String) throws(IcebergError) -> Int64 {
        guard let n = try optionalInt(key) else { throw fail(key, "is missing") }
        return n
    }

    func int32(_ key: String) throws(IcebergError) -> Int32 {
        let n = try int(key)
        guard let small = Int32(exactly: n) else { throw fail(key, "is out of range") }
        return small
    }

    func optionalInt32(_ key: String) throws(IcebergError) -> Int32? {
        guard let n = try optionalInt(key) else { return nil }
        guard let small = Int32(exactly: n) else { throw fail(key, "is out of range") }
        return small
    }

    func optionalString(_ key: String) throws(IcebergError) -> String? {
        guard let v = value[key], v != .null else { return nil }
        guard case .string(let s) = v else { throw fail(key, "must be a string") }
        return s
    }

    func string(_ key: String) throws(IcebergError) -> String {
        guard let s = try optionalString(key) else { throw fail(key, "is missing") }
        return s
    }

    func optionalBool(_ key: String) throws(IcebergError) -> Bool? {
        guard let v = value[key], v != .null else { return nil }
        guard case .bool(let b) = v else { throw fail(key, "must be true or false") }
        return b
    }

    func raw(_ key: String) -> JSONValue? { value[key] }

    func optionalArray(_ key: String) throws(IcebergError) -> [JSONValue]? {
        guard let v = value[key], v != .null else { return nil }
        guard case .array(let items) = v else { throw fail(key, "must be an array") }
        return items
    }

    /// The objects of an array member, each wrapped with its own path (`schemas[2]`).
    func objects(_ key: String, required: Bool = true) throws(IcebergError) -> [JSONFields] {
        guard let items = try optionalArray(key) else {
            if required { throw fail(key, "is missing") }
            return []
        }
        var out: [JSONFields] = []
        for (k, item) in items.enumerated() {
            out.append(try JSONFields(item, path: name(key) + "[\(k)]", file: file))
        }
        return out
    }

    func object(_ key: String) throws(IcebergError) -> JSONFields? {
        guard let v = value[key], v != .null else { return nil }
        return try JSONFields(v, path: name(key), file: file)
    }

    /// A `{string: string}` member; numbers and booleans are kept as their text.
    func stringMap(_ key: String) throws(IcebergError) -> [String: String] {
        guard let v = value[key], v != .null else { return [:] }
        guard case .object(let keys, let values) = v else { throw fail(key, "must be an object") }
        var out: [String: String] = [:]
        for (k, item) in zip(keys, values) {
            switch item {
            case .string(let s): out[k] = s
            case .int(let n): out[k] = String(n)
            case .number(let text): out[k] = text
            case .bool(let b): out[k] = b ? "true" : "false"
            default: throw fail(key + "." + k, "must be a string")
            }
        }
        return out
    }

    var members: [(String, JSONValue)] {
        guard case .object(let keys, let values) = value else { return [] }
        return Array(zip(keys, values))
    }
}

/// Builds a JSON object with members in insertion order.
struct JSONObject {
    private(set) var keys: [String] = []
    private(set) var values: [JSONValue] = []

    mutating func set(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    mutating func set(_ key: String, _ value: String) { set(key, .string(value)) }
    mutating func set(_ key: String, _ value: Int64) { set(key, .int(value)) }
    mutating func set(_ key: String, _ value: Int32) { set(key, .int(Int64(value))) }
    mutating func set(_ key: String, _ value: Int) { set(key, .int(Int64(value))) }
    mutating func set(_ key: String, _ value: Bool) { set(key, .bool(value)) }

    mutating func setIfPresent(_ key: String, _ value: String?) {
        if let value { set(key, .string(value)) }
    }

    mutating func setIfPresent(_ key: String, _ value: Int64?) {
        if let value { set(key, .int(value)) }
    }

    var json: JSONValue { .object(keys: keys, values: values) }

    static func strings(_ map: [String: String]) -> JSONValue {
        let sorted = map.keys.sorted()
        return .object(keys: sorted, values: sorted.map { .string(map[$0]!) })
    }
}
