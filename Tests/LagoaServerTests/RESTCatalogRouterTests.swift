import LagoaColumnar
import LagoaIceberg
import LagoaIcebergREST
import LagoaJSON
import LagoaObjectStore
import LagoaServer
import LagoaTesting
import Testing

/// The REST catalog's routes, in process: spec bodies, spec errors, pagination.
@Suite struct RESTCatalogRouterTests {
    let router: RESTCatalogRouter

    init() {
        let store = InMemoryObjectStore(name: "wh")
        router = RESTCatalogRouter(catalog: Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url), prefix: "lagoa")
    }

    func call(_ method: String, _ path: String, query: [String: String] = [:], _ body: String = "") async -> (Int, String) {
        let response = await router.handle(RESTRequest(method: method, path: path, query: query, body: Array(body.utf8)))
        return (response.status, response.body?.text ?? "")
    }

    @Test func configNamespacesAndProperties() async throws {
        let (status, config) = await call("GET", "/v1/config")
        #expect(status == 200 && config.hasPrefix(#"{"defaults":{},"overrides":{"prefix":"lagoa"},"endpoints":["GET /v1/{prefix}/namespaces""#))
        #expect(await call("POST", "/v1/lagoa/namespaces", #"{"namespace": ["sales"], "properties": {"owner": "ana"}}"#) == (200, #"{"namespace":["sales"],"properties":{"owner":"ana"}}"#))
        #expect(await call("POST", "/v1/lagoa/namespaces", #"{"namespace": ["sales", "sor"]}"#).0 == 200)
        #expect(await call("POST", "/v1/lagoa/namespaces", #"{"namespace": ["sales"]}"#).0 == 409)
        #expect(await call("GET", "/v1/lagoa/namespaces") == (200, #"{"namespaces":[["sales"]]}"#))
        #expect(await call("GET", "/v1/lagoa/namespaces", query: ["parent": "sales"]) == (200, #"{"namespaces":[["sales","sor"]]}"#))
        #expect(await call("HEAD", "/v1/lagoa/namespaces/sales%1Fsor").0 == 204)
        #expect(await call("HEAD", "/v1/lagoa/namespaces/nope").0 == 404)
        #expect(await call("POST", "/v1/lagoa/namespaces/sales/properties", #"{"removals": ["owner", "ghost"], "updates": {"tier": "gold"}}"#)
            == (200, #"{"updated":["tier"],"removed":["owner"],"missing":["ghost"]}"#))
        #expect(await call("GET", "/v1/lagoa/namespaces/sales") == (200, #"{"namespace":["sales"],"properties":{"tier":"gold"}}"#))
        #expect(await call("DELETE", "/v1/lagoa/namespaces/sales").0 == 409)  // not empty
        #expect(await call("DELETE", "/v1/lagoa/namespaces/sales%1Fsor").0 == 204)
    }

    @Test func tablesLoadListRenameDropAndPage() async throws {
        _ = await call("POST", "/v1/lagoa/namespaces", #"{"namespace": ["db"]}"#)
        for name in ["a", "b", "c"] {
            let schema = try IcebergSchema(fresh: Schema([Field("id", .int64)]))
            _ = try await router.catalog.createTable(try TableIdentifier(parsing: "db.\(name)"), schema: schema)
        }
        #expect(await call("GET", "/v1/lagoa/namespaces/db/tables", query: ["pageSize": "2", "pageToken": ""])
            == (200, #"{"identifiers":[{"namespace":["db"],"name":"a"},{"namespace":["db"],"name":"b"}],"next-page-token":"after:b"}"#))
        #expect(await call("GET", "/v1/lagoa/namespaces/db/tables", query: ["pageSize": "2", "pageToken": "after:b"])
            == (200, #"{"identifiers":[{"namespace":["db"],"name":"c"}]}"#))
        let (status, loaded) = await call("GET", "/v1/lagoa/namespaces/db/tables/a", query: ["snapshots": "all"])
        #expect(status == 200 && loaded.contains(#""metadata-location":"#) && loaded.contains(#""format-version":2"#))
        #expect(await call("POST", "/v1/lagoa/tables/rename", #"{"source": {"namespace": ["db"], "name": "a"}, "destination": {"namespace": ["db"], "name": "z"}}"#).0 == 204)
        #expect(await call("HEAD", "/v1/lagoa/namespaces/db/tables/z").0 == 204)
        #expect(await call("DELETE", "/v1/lagoa/namespaces/db/tables/z", query: ["purgeRequested": "true"]).0 == 204)
        let missing = await call("GET", "/v1/lagoa/namespaces/db/tables/z")
        #expect(missing.0 == 404 && missing.1.contains(#""type":"NoSuchTableException""#))
    }

    @Test(arguments: [
        ("GET", "/v1/lagoa/namespaces/db%1Ft%1Fx\u{1F}/tables/y", 400),  // an empty namespace level
        ("GET", "/v1/lagoa/namespaces/db%ZZ", 400),  // malformed percent-encoding
        ("GET", "/v1/lagoa/namespaces/db%1Fsnapshots%1Ft/tables/x", 404),  // Spark's metadata-table probe: a missing namespace
        ("PUT", "/v1/lagoa/namespaces", 404),
        ("GET", "/v2/anything", 404),
        ("POST", "/v1/lagoa/namespaces", 400),  // empty body
    ])
    func badRequestsGetSpecErrorsNever500(_ method: String, _ path: String, _ status: Int) async {
        let (code, body) = await call(method, path)
        #expect(code == status, "\(body)")
        #expect(body.hasPrefix(#"{"error":{"message":"#))
    }
}

/// Commits through the REST routes: one table, and atomic transactions over several.
@Suite struct RESTCommitRouteTests {
    let router: RESTCatalogRouter

    init() {
        let store = InMemoryObjectStore(name: "wh")
        router = RESTCatalogRouter(catalog: Catalog(store: InMemoryCatalogStore(), io: FileIO(stores: [store]), warehouse: store.url))
    }

    func call(_ method: String, _ path: String, _ body: String = "") async -> (Int, String) {
        let response = await router.handle(RESTRequest(method: method, path: path, body: Array(body.utf8)))
        return (response.status, response.body?.text ?? "")
    }

    func setUp() async throws {
        try await router.catalog.createNamespace(try Namespace(["db"]))
        for name in ["a", "b"] {
            _ = try await router.catalog.createTable(try TableIdentifier(parsing: "db.\(name)"), schema: try IcebergSchema(fresh: Schema([Field("id", .int64)])))
        }
    }

    func property(_ table: String, _ key: String) async throws -> String? {
        try await router.catalog.loadTable(try TableIdentifier(parsing: table)).metadata.properties[key]
    }

    @Test func aCommitChecksRequirementsThenAppliesUpdates() async throws {
        try await setUp()
        let ok = await call("POST", "/v1/namespaces/db/tables/a", """
            {"requirements": [{"type": "assert-ref-snapshot-id", "ref": "main", "snapshot-id": null}, {"type": "assert-current-schema-id", "current-schema-id": 0}],
             "updates": [{"action": "set-properties", "updates": {"owner": "spark"}}]}
            """)
        #expect(ok.0 == 200 && ok.1.contains(#""metadata-location":"#) && ok.1.contains(#""owner":"spark""#))
        let conflict = await call("POST", "/v1/namespaces/db/tables/a", #"{"requirements": [{"type": "assert-current-schema-id", "current-schema-id": 5}], "updates": []}"#)
        #expect(conflict.0 == 409 && conflict.1.contains(#""type":"CommitFailedException""#))
        let unknown = await call("POST", "/v1/namespaces/db/tables/a", #"{"requirements": [{"type": "assert-nothing"}], "updates": []}"#)
        #expect(unknown.0 == 400)
        let create = await call("POST", "/v1/namespaces/db/tables/new", #"{"requirements": [{"type": "assert-create"}], "updates": []}"#)
        #expect(create.0 == 406)
        #expect(await call("POST", "/v1/namespaces/db/tables/missing", #"{"requirements": [], "updates": []}"#).0 == 404)
    }

    @Test func transactionsCommitAllTablesOrNone() async throws {
        try await setUp()
        func change(_ table: String, schemaID: Int) -> String {
            #"{"identifier": {"namespace": ["db"], "name": "\#(table)"}, "requirements": [{"type": "assert-current-schema-id", "current-schema-id": \#(schemaID)}], "updates": [{"action": "set-properties", "updates": {"batch": "1"}}]}"#
        }
        let failing = await call("POST", "/v1/transactions/commit", #"{"table-changes": [\#(change("a", schemaID: 0)), \#(change("b", schemaID: 9))]}"#)
        #expect(failing.0 == 409)
        let (a1, b1) = (try await property("db.a", "batch"), try await property("db.b", "batch"))
        #expect(a1 == nil && b1 == nil)
        let passing = await call("POST", "/v1/transactions/commit", #"{"table-changes": [\#(change("a", schemaID: 0)), \#(change("b", schemaID: 0))]}"#)
        #expect(passing.0 == 204, "\(passing.1)")
        let (a2, b2) = (try await property("db.a", "batch"), try await property("db.b", "batch"))
        #expect(a2 == "1" && b2 == "1")
    }
}
