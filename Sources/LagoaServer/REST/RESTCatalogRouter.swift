public import LagoaIceberg
import LagoaIcebergREST
import LagoaJSON

/// The Iceberg REST catalog's routes over a ``Catalog``, independent of the HTTP server: config,
/// namespaces (list with parent and pagination, create, load, exists, properties, drop) and tables
/// (list, load, exists, drop with purge, rename). Every failure is the spec's `ErrorModel` with
/// the status clients expect; nothing here answers 500 for bad input.
///
/// Authentication and table create/commit are added on top of this router (issue 7, in progress).
public struct RESTCatalogRouter: Sendable {
    public let catalog: Catalog
    /// The `prefix` path segment clients get from `/v1/config` (`nil`: none).
    public let prefix: String?

    public init(catalog: Catalog, prefix: String? = nil) {
        self.catalog = catalog
        self.prefix = prefix
    }

    public static let endpoints = [
        "GET /v1/{prefix}/namespaces", "POST /v1/{prefix}/namespaces", "GET /v1/{prefix}/namespaces/{namespace}",
        "HEAD /v1/{prefix}/namespaces/{namespace}", "DELETE /v1/{prefix}/namespaces/{namespace}",
        "POST /v1/{prefix}/namespaces/{namespace}/properties", "GET /v1/{prefix}/namespaces/{namespace}/tables",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}", "HEAD /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/tables/{table}", "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "POST /v1/{prefix}/tables/rename", "POST /v1/{prefix}/transactions/commit",
    ]

    public func handle(_ request: RESTRequest) async -> RESTResponse {
        do {
            return try await route(request)
        } catch {
            return .error(error)
        }
    }

    private func route(_ request: RESTRequest) async throws(RESTError) -> RESTResponse {
        var segments = request.path.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.first == "v1" else { throw RESTError(code: 404, type: "NoSuchEndpointException", message: "no route \(request.method) \(request.path)") }
        segments.removeFirst()
        if segments == ["config"] && request.method == "GET" {
            return RESTResponse(status: 200, body: CatalogConfigResponse.json(defaults: [:], overrides: prefix.map { ["prefix": $0] } ?? [:], endpoints: Self.endpoints))
        }
        if let prefix, segments.first.map(String.init) == prefix { segments.removeFirst() }
        let parts = try segments.map { segment throws(RESTError) in try percentDecoded(segment) }
        switch (request.method, parts.count, parts.first) {
        case ("GET", 1, "namespaces"): return try await listNamespaces(request)
        case ("POST", 1, "namespaces"): return try await createNamespace(request)
        case (_, 2, "namespaces"): return try await namespace(request, try RESTNamespace.parse(segment: parts[1]))
        case ("POST", 3, "namespaces") where parts[2] == "properties":
            return try await updateProperties(request, try RESTNamespace.parse(segment: parts[1]))
        case ("GET", 3, "namespaces") where parts[2] == "tables":
            return try await listTables(request, try RESTNamespace.parse(segment: parts[1]))
        case (_, 4, "namespaces") where parts[2] == "tables":
            return try await table(request, try RESTTableIdentifier.make(try RESTNamespace.parse(segment: parts[1]), parts[3]))
        case ("POST", 2, "tables") where parts[1] == "rename": return try await rename(request)
        case ("POST", 2, "transactions") where parts[1] == "commit": return try await commitTransaction(request)
        default:
            throw RESTError(code: 404, type: "NoSuchEndpointException", message: "no route \(request.method) \(request.path)")
        }
    }

    // MARK: Namespaces

    private func listNamespaces(_ request: RESTRequest) async throws(RESTError) -> RESTResponse {
        let parent = try request.query["parent"].flatMap { text throws(RESTError) in text.isEmpty ? nil : try RESTNamespace.parse(segment: text) }
        let page = try PageToken(token: request.query["pageToken"], size: request.query["pageSize"])
        let all = try await call(namespaceContext: parent) { () async throws(IcebergError) in try await catalog.listNamespaces(under: parent) }
        let byName = Dictionary(all.map { (RESTNamespace.segment($0), $0) }, uniquingKeysWith: { a, _ in a })
        let (items, next) = page.page(byName.keys.sorted())
        return RESTResponse(status: 200, body: ListResponses.namespaces(items.compactMap { byName[$0] }, next: next))
    }

    private func createNamespace(_ request: RESTRequest) async throws(RESTError) -> RESTResponse {
        let create = try CreateNamespaceRequest(body: request.body)
        try await call(namespaceContext: create.namespace) { () async throws(IcebergError) in
            try await catalog.createNamespace(create.namespace, properties: create.properties)
        }
        return RESTResponse(status: 200, body: CreateNamespaceRequest.response(create.namespace, properties: create.properties))
    }

    private func namespace(_ request: RESTRequest, _ namespace: Namespace) async throws(RESTError) -> RESTResponse {
        switch request.method {
        case "GET":
            let properties = try await call(namespaceContext: namespace) { () async throws(IcebergError) in try await catalog.namespaceProperties(namespace) }
            return RESTResponse(status: 200, body: CreateNamespaceRequest.response(namespace, properties: properties))
        case "HEAD":
            _ = try await call(namespaceContext: namespace) { () async throws(IcebergError) in try await catalog.namespaceProperties(namespace) }
            return RESTResponse(status: 204)
        case "DELETE":
            try await call(namespaceContext: namespace) { () async throws(IcebergError) in try await catalog.dropNamespace(namespace) }
            return RESTResponse(status: 204)
        default:
            throw RESTError(code: 405, type: "MethodNotAllowedException", message: "\(request.method) is not allowed on a namespace")
        }
    }

    private func updateProperties(_ request: RESTRequest, _ namespace: Namespace) async throws(RESTError) -> RESTResponse {
        let update = try UpdateNamespacePropertiesRequest(body: request.body)
        let before = try await call(namespaceContext: namespace) { () async throws(IcebergError) in try await catalog.namespaceProperties(namespace) }
        try await call(namespaceContext: namespace) { () async throws(IcebergError) in
            try await catalog.store.updateNamespaceProperties(namespace, removals: Set(update.removals), updates: update.updates)
        }
        let removed = update.removals.filter { before[$0] != nil }
        let missing = update.removals.filter { before[$0] == nil }
        return RESTResponse(status: 200, body: UpdateNamespacePropertiesRequest.response(updated: Array(update.updates.keys), removed: removed, missing: missing))
    }

    // MARK: Tables

    private func listTables(_ request: RESTRequest, _ namespace: Namespace) async throws(RESTError) -> RESTResponse {
        let page = try PageToken(token: request.query["pageToken"], size: request.query["pageSize"])
        let all = try await call(namespaceContext: namespace) { () async throws(IcebergError) in try await catalog.listTables(in: namespace) }
        let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let (items, next) = page.page(byName.keys.sorted())
        return RESTResponse(status: 200, body: ListResponses.tables(items.compactMap { byName[$0] }, next: next))
    }

    private func table(_ request: RESTRequest, _ identifier: TableIdentifier) async throws(RESTError) -> RESTResponse {
        switch request.method {
        case "GET":
            let table = try await call(table: identifier) { () async throws(IcebergError) in try await catalog.loadTable(identifier) }
            var metadata = table.metadata
            if request.query["snapshots"] == "refs" {
                let referenced = Set(metadata.refs.values.map(\.snapshotID))
                metadata.snapshots = metadata.snapshots.filter { referenced.contains($0.snapshotID) }
            } else if let mode = request.query["snapshots"], mode != "all", !mode.isEmpty {
                throw RESTError.badRequest("snapshots must be 'all' or 'refs', not '\(mode)'")
            }
            return RESTResponse(status: 200, body: .pairs([
                ("metadata-location", .string(table.metadataLocation)), ("metadata", metadata.json), ("config", .pairs([])),
            ]))
        case "HEAD":
            _ = try await call(table: identifier) { () async throws(IcebergError) in try await catalog.loadTable(identifier) }
            return RESTResponse(status: 204)
        case "POST":
            return try await commit(request, identifier)
        case "DELETE":
            let purge = request.query["purgeRequested"] == "true"
            try await call(table: identifier) { () async throws(IcebergError) in try await catalog.dropTable(identifier, purge: purge) }
            return RESTResponse(status: 204)
        default:
            throw RESTError(code: 405, type: "MethodNotAllowedException", message: "\(request.method) is not allowed on a table")
        }
    }

    private func rename(_ request: RESTRequest) async throws(RESTError) -> RESTResponse {
        let rename = try RenameTableRequest(body: request.body)
        try await call(table: rename.source) { () async throws(IcebergError) in try await catalog.renameTable(rename.source, to: rename.destination) }
        return RESTResponse(status: 204)
    }

    /// Requirements checked and updates applied on the freshest metadata, retried by the catalog
    /// when another writer committed in between; a failed requirement is 409 CommitFailedException.
    private func commit(_ request: RESTRequest, _ identifier: TableIdentifier) async throws(RESTError) -> RESTResponse {
        let change = try CommitTableRequest(body: request.body)
        if let named = change.identifier, named != identifier {
            throw RESTError.badRequest("the body's identifier \(named) differs from the path's \(identifier)")
        }
        if change.requirements.contains(.assertCreate) {
            throw RESTError.notAcceptable("creating a table through a commit (assert-create) is not supported yet; create it with POST …/namespaces/{namespace}/tables")
        }
        let table = try await call(table: identifier) { () async throws(IcebergError) in
            try await catalog.commit(identifier) { base throws(IcebergError) in
                for requirement in change.requirements { try requirement.check(base.metadata) }
                return try TableUpdate.apply(change.updates, to: base.metadata)
            }
        }
        return RESTResponse(status: 200, body: CommitTableRequest.response(table))
    }

    /// Every table's requirements checked against one consistent read, then one atomic catalog
    /// swap: all tables move or none.
    private func commitTransaction(_ request: RESTRequest) async throws(RESTError) -> RESTResponse {
        let transaction = try CommitTransactionRequest(body: request.body)
        var changes: [(table: Table, metadata: TableMetadata)] = []
        for change in transaction.changes {
            guard let identifier = change.identifier else { continue }
            let table = try await call(table: identifier) { () async throws(IcebergError) in try await catalog.loadTable(identifier) }
            let metadata = try await call(table: identifier) { () async throws(IcebergError) in
                for requirement in change.requirements { try requirement.check(table.metadata) }
                return try TableUpdate.apply(change.updates, to: table.metadata)
            }
            changes.append((table, metadata))
        }
        _ = try await call { () async throws(IcebergError) in try await catalog.commit(changes) }
        return RESTResponse(status: 204)
    }

    // MARK: Errors

    /// Runs a catalog call, turning its error into the spec's: a missing namespace or table is the
    /// matching 404, conflicts 409, bad arguments 400.
    private func call<T>(namespaceContext: Namespace? = nil, table: TableIdentifier? = nil, _ body: () async throws(IcebergError) -> T) async throws(RESTError) -> T {
        do {
            return try await body()
        } catch {
            throw RESTCatalogRouter.translate(error, table: table)
        }
    }

    static func translate(_ error: IcebergError, table: TableIdentifier?) -> RESTError {
        switch error.code {
        case .notFound:
            return table != nil && !error.message.contains("namespace") ? .noSuchTable(error.message) : .noSuchNamespace(error.message)
        case .alreadyExists: return .alreadyExists(error.message)
        case .namespaceNotEmpty: return RESTError(code: 409, type: "NamespaceNotEmptyException", message: error.message)
        case .commitConflict: return .commitFailed(error.message)
        case .invalidArgument, .invalidMetadata, .validation: return .badRequest(error.message)
        case .unsupported: return .notAcceptable(error.message)
        case .io: return RESTError(code: 503, type: "ServiceUnavailableException", message: error.message)
        default: return .internalError(error.message)
        }
    }
}
