public import LagoaIceberg
public import LagoaJSON

/// `POST /v1/{prefix}/namespaces` body.
public struct CreateNamespaceRequest: Sendable, Equatable {
    public var namespace: Namespace
    public var properties: [String: String]

    public init(body: [UInt8]) throws(RESTError) {
        let object = try RESTObject(body: body)
        try object.only(["namespace", "properties"])
        namespace = try RESTNamespace.make(try object.strings("namespace"))
        properties = try object.optionalStringMap("properties") ?? [:]
    }

    /// The `CreateNamespaceResponse` (and `GetNamespaceResponse`) body.
    public static func response(_ namespace: Namespace, properties: [String: String]) -> JSONValue {
        .pairs([
            ("namespace", .array(namespace.levels.map { .string($0) })),
            ("properties", .pairs(properties.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
    }
}

/// `POST /v1/{prefix}/namespaces/{namespace}/properties` body.
public struct UpdateNamespacePropertiesRequest: Sendable, Equatable {
    public var removals: [String]
    public var updates: [String: String]

    public init(body: [UInt8]) throws(RESTError) {
        let object = try RESTObject(body: body)
        try object.only(["removals", "updates"])
        removals = try object.optionalStrings("removals") ?? []
        updates = try object.optionalStringMap("updates") ?? [:]
        if let both = removals.first(where: { updates[$0] != nil }) {
            throw RESTError(code: 422, type: "UnprocessableEntityException", message: "property '\(both)' is both removed and updated")
        }
    }

    /// The `UpdateNamespacePropertiesResponse` body.
    public static func response(updated: [String], removed: [String], missing: [String]) -> JSONValue {
        .pairs([
            ("updated", .array(updated.sorted().map { .string($0) })),
            ("removed", .array(removed.sorted().map { .string($0) })),
            ("missing", .array(missing.sorted().map { .string($0) })),
        ])
    }
}
