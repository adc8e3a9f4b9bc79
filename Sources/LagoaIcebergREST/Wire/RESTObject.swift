public import LagoaJSON

/// Strict, path-aware reading of a request body: every member's type is checked, unknown members
/// are refused, and each problem is a 400 ``RESTError`` naming the member (`properties.owner must
/// be a string`).
public struct RESTObject {
    public let value: JSONValue
    let path: String
    private let members: [(String, JSONValue)]

    /// Parses a request body (at most `limit` bytes) as a JSON object.
    public init(body: [UInt8], limit: Int = 1 << 20) throws(RESTError) {
        guard body.count <= limit else { throw RESTError.badRequest("the request body is \(body.count) bytes; the limit is \(limit)") }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body, maxDepth: 64)
        } catch {
            throw RESTError.badRequest("the request body is not valid JSON: \(error)")
        }
        try self.init(value, path: "")
    }

    public init(_ value: JSONValue, path: String) throws(RESTError) {
        guard case .object(let keys, let values) = value else {
            throw RESTError.badRequest("\(path.isEmpty ? "the request body" : path) must be a JSON object")
        }
        self.value = value
        self.path = path
        self.members = Array(zip(keys, values))
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Refuses members other than `allowed`.
    public func only(_ allowed: [String]) throws(RESTError) {
        var seen = Set<String>()
        for (key, _) in members {
            guard allowed.contains(key) else {
                throw RESTError.badRequest("unknown field '\(name(key))'; expected \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw RESTError.badRequest("field '\(name(key))' appears twice") }
        }
    }

    public func raw(_ key: String) -> JSONValue? {
        guard let found = members.first(where: { $0.0 == key })?.1, found != .null else { return nil }
        return found
    }

    public func optionalString(_ key: String) throws(RESTError) -> String? {
        guard let v = raw(key) else { return nil }
        guard case .string(let s) = v else { throw RESTError.badRequest("\(name(key)) must be a string") }
        return s
    }

    public func string(_ key: String) throws(RESTError) -> String {
        guard let s = try optionalString(key) else { throw RESTError.badRequest("\(name(key)) is required") }
        return s
    }

    public func optionalStrings(_ key: String) throws(RESTError) -> [String]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else { throw RESTError.badRequest("\(name(key)) must be an array of strings") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else { throw RESTError.badRequest("\(name(key))[\(i)] must be a string") }
            out.append(s)
        }
        return out
    }

    public func strings(_ key: String) throws(RESTError) -> [String] {
        guard let s = try optionalStrings(key) else { throw RESTError.badRequest("\(name(key)) is required") }
        return s
    }

    /// A string → string map (`properties`).
    public func optionalStringMap(_ key: String) throws(RESTError) -> [String: String]? {
        guard let v = raw(key) else { return nil }
        guard case .object(let keys, let values) = v else { throw RESTError.badRequest("\(name(key)) must be an object of strings") }
        var out: [String: String] = [:]
        for (k, item) in zip(keys, values) {
            guard case .string(let s) = item else { throw RESTError.badRequest("\(name(key)).\(k) must be a string") }
            out[k] = s
        }
        return out
    }

    public func object(_ key: String) throws(RESTError) -> RESTObject {
        guard let v = raw(key) else { throw RESTError.badRequest("\(name(key)) is required") }
        return try RESTObject(v, path: name(key))
    }
}
