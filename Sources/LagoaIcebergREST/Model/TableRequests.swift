public import LagoaIceberg
public import LagoaJSON

/// Table identifiers in bodies: `{"namespace": ["sales", "sor"], "name": "orders"}`.
public enum RESTTableIdentifier {
    public static func parse(_ object: RESTObject) throws(RESTError) -> TableIdentifier {
        try object.only(["namespace", "name"])
        let namespace = try RESTNamespace.make(try object.strings("namespace"))
        return try make(namespace, try object.string("name"))
    }

    public static func make(_ namespace: Namespace, _ name: String) throws(RESTError) -> TableIdentifier {
        do {
            return try TableIdentifier(namespace: namespace, name: name)
        } catch {
            throw RESTError.badRequest("invalid table name '\(name)': \(error.message)")
        }
    }

    public static func json(_ identifier: TableIdentifier) -> JSONValue {
        .pairs([("namespace", .array(identifier.namespace.levels.map { .string($0) })), ("name", .string(identifier.name))])
    }
}

/// `POST /v1/{prefix}/tables/rename` body.
public struct RenameTableRequest: Sendable, Equatable {
    public var source: TableIdentifier
    public var destination: TableIdentifier

    public init(body: [UInt8]) throws(RESTError) {
        let object = try RESTObject(body: body)
        try object.only(["source", "destination"])
        source = try RESTTableIdentifier.parse(try object.object("source"))
        destination = try RESTTableIdentifier.parse(try object.object("destination"))
    }
}

/// List responses with the next page's token when there is one.
public enum ListResponses {
    /// `ListTablesResponse` (and `ListViewsResponse`).
    public static func tables(_ identifiers: [TableIdentifier], next: String?) -> JSONValue {
        var members: [(String, JSONValue)] = [("identifiers", .array(identifiers.map(RESTTableIdentifier.json)))]
        if let next { members.append(("next-page-token", .string(next))) }
        return .pairs(members)
    }

    /// `ListNamespacesResponse`.
    public static func namespaces(_ namespaces: [Namespace], next: String?) -> JSONValue {
        var members: [(String, JSONValue)] = [("namespaces", .array(namespaces.map { .array($0.levels.map { .string($0) }) }))]
        if let next { members.append(("next-page-token", .string(next))) }
        return .pairs(members)
    }
}

/// `GET /v1/config`: the catalog's defaults and overrides, and the endpoints it serves (clients
/// of spec 1.10+ only call what is listed).
public enum CatalogConfigResponse {
    public static func json(defaults: [String: String], overrides: [String: String], endpoints: [String]) -> JSONValue {
        func map(_ m: [String: String]) -> JSONValue { .pairs(m.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }) }
        return .pairs([("defaults", map(defaults)), ("overrides", map(overrides)), ("endpoints", .array(endpoints.map { .string($0) }))])
    }
}
