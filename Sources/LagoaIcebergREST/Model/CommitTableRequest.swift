public import LagoaIceberg
public import LagoaJSON

/// `POST /v1/{prefix}/namespaces/{ns}/tables/{table}` (and each entry of
/// `POST /v1/{prefix}/transactions/commit`): requirements checked against the table, then updates
/// applied in order, in one atomic commit.
public struct CommitTableRequest: Sendable {
    /// Present in transaction entries; optional for the single-table route (the path names it).
    public var identifier: TableIdentifier?
    public var requirements: [TableRequirement]
    public var updates: [TableUpdate]

    public init(body: [UInt8]) throws(RESTError) {
        try self.init(try RESTObject(body: body))
    }

    public init(_ object: RESTObject) throws(RESTError) {
        try object.only(["identifier", "requirements", "updates"])
        identifier = try object.raw("identifier").map { value throws(RESTError) in
            try RESTTableIdentifier.parse(try RESTObject(value, path: "identifier"))
        }
        requirements = try Self.items(object, "requirements") { value, path throws(IcebergError) in try TableRequirement(json: value, path: path) }
        updates = try Self.items(object, "updates") { value, path throws(IcebergError) in try TableUpdate(json: value, path: path) }
    }

    private static func items<T>(
        _ object: RESTObject, _ key: String, _ parse: (JSONValue, String) throws(IcebergError) -> T
    ) throws(RESTError) -> [T] {
        guard let value = object.raw(key) else { throw RESTError.badRequest("\(key) is required (an array, possibly empty)") }
        guard case .array(let items) = value else { throw RESTError.badRequest("\(key) must be an array") }
        var out: [T] = []
        for (i, item) in items.enumerated() {
            do {
                out.append(try parse(item, "\(key)[\(i)]"))
            } catch {
                throw error.code == .unsupported ? .notAcceptable(error.message) : .badRequest(error.message)
            }
        }
        return out
    }

    /// The `CommitTableResponse` body.
    public static func response(_ table: Table) -> JSONValue {
        .pairs([("metadata-location", .string(table.metadataLocation)), ("metadata", table.metadata.json)])
    }
}

/// `POST /v1/{prefix}/transactions/commit`: several tables' commits, all or none.
public struct CommitTransactionRequest: Sendable {
    public var changes: [CommitTableRequest]

    public init(body: [UInt8]) throws(RESTError) {
        let object = try RESTObject(body: body)
        try object.only(["table-changes"])
        guard let value = object.raw("table-changes"), case .array(let items) = value else {
            throw RESTError.badRequest("table-changes is required (an array of table commits)")
        }
        var changes: [CommitTableRequest] = []
        for (i, item) in items.enumerated() {
            let change = try CommitTableRequest(try RESTObject(item, path: "table-changes[\(i)]"))
            guard change.identifier != nil else { throw RESTError.badRequest("table-changes[\(i)].identifier is required") }
            changes.append(change)
        }
        self.changes = changes
    }
}
