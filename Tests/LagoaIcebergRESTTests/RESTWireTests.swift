import LagoaIceberg
import LagoaIcebergREST
import LagoaJSON
import Testing

/// The REST catalog's wire model: strict request bodies with 400s naming the field, the spec's
/// ErrorModel, namespace path segments and pagination.
@Suite struct RESTWireTests {
    func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func createNamespaceReadsLevelsAndProperties() throws {
        let request = try CreateNamespaceRequest(body: body(#"{"namespace": ["sales", "sor"], "properties": {"owner": "ana"}}"#))
        #expect(request.namespace.levels == ["sales", "sor"] && request.properties == ["owner": "ana"])
        #expect(CreateNamespaceRequest.response(request.namespace, properties: request.properties).text == #"{"namespace":["sales","sor"],"properties":{"owner":"ana"}}"#)
    }

    @Test(arguments: [
        (#"{"namespace": "sales"}"#, "namespace must be an array of strings"),
        (#"{"namespace": ["sales"], "propertys": {}}"#, "unknown field 'propertys'; expected 'namespace', 'properties'"),
        (#"{"namespace": ["sales"], "properties": {"a": 1}}"#, "properties.a must be a string"),
        (#"{"properties": {}}"#, "namespace is required"),
        (#"["sales"]"#, "the request body must be a JSON object"),
        (#"{"namespace": ["sales"]"#, "the request body is not valid JSON"),
        (#"{"namespace": [""]}"#, "invalid namespace [\"\"]"),
    ])
    func badBodiesAre400sNamingTheField(_ text: String, _ message: String) {
        do {
            _ = try CreateNamespaceRequest(body: body(text))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == 400 && error.type == "BadRequestException")
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func hugeBodiesAreRefused() {
        #expect(throws: RESTError.badRequest("the request body is 2000001 bytes; the limit is 1048576")) {
            _ = try RESTObject(body: [UInt8](repeating: 0x20, count: 2_000_001))
        }
    }

    @Test func errorModelIsTheSpecShape() {
        #expect(RESTError.noSuchTable("table sales.sor.x does not exist").json.text
            == #"{"error":{"message":"table sales.sor.x does not exist","type":"NoSuchTableException","code":404}}"#)
    }

    @Test func propertyUpdatesRefuseAKeyBothRemovedAndSet() throws {
        let request = try UpdateNamespacePropertiesRequest(body: body(#"{"removals": ["a"], "updates": {"b": "1"}}"#))
        #expect(request.removals == ["a"] && request.updates == ["b": "1"])
        #expect(throws: RESTError(code: 422, type: "UnprocessableEntityException", message: "property 'a' is both removed and updated")) {
            _ = try UpdateNamespacePropertiesRequest(body: body(#"{"removals": ["a"], "updates": {"a": "1"}}"#))
        }
    }

    @Test func namespaceSegmentsUseTheUnitSeparator() throws {
        let namespace = try RESTNamespace.parse(segment: "sales\u{1F}sor")
        #expect(namespace.levels == ["sales", "sor"] && RESTNamespace.segment(namespace) == "sales\u{1F}sor")
        #expect(throws: RESTError.self) { try RESTNamespace.parse(segment: "sales\u{1F}") }
    }

    @Test func pagesFollowTheLastNameAndEmptyTokensStartOver() throws {
        let names = ["a", "b", "c", "d", "e"]
        let first = try PageToken(token: "", size: "2").page(names)
        #expect(first.items == ["a", "b"] && first.next == "after:b")
        let second = try PageToken(token: first.next, size: "2").page(names)
        #expect(second.items == ["c", "d"] && second.next == "after:d")
        let last = try PageToken(token: second.next, size: "2").page(names)
        #expect(last.items == ["e"] && last.next == nil)
        #expect(try PageToken(token: nil, size: nil).page(names).items == names)
        #expect(throws: RESTError.badRequest("pageSize must be a positive whole number, not '0'")) { try PageToken(token: nil, size: "0") }
        #expect(throws: RESTError.self) { try PageToken(token: "garbage", size: nil) }
    }
}

@Suite struct RESTTableAndTokenTests {
    @Test func renameReadsBothIdentifiersStrictly() throws {
        let rename = try RenameTableRequest(body: Array(#"{"source": {"namespace": ["a"], "name": "t"}, "destination": {"namespace": ["b", "c"], "name": "u"}}"#.utf8))
        #expect(rename.source.description == "a.t" && rename.destination.description == "b.c.u")
        #expect(throws: RESTError.badRequest("unknown field 'source.nam'; expected 'namespace', 'name'")) {
            try RenameTableRequest(body: Array(#"{"source": {"namespace": ["a"], "nam": "t"}, "destination": {"namespace": ["b"], "name": "u"}}"#.utf8))
        }
    }

    @Test func listResponsesCarryTheNextPageToken() throws {
        let id = try TableIdentifier(parsing: "sales.sor.orders")
        #expect(ListResponses.tables([id], next: "after:orders").text == #"{"identifiers":[{"namespace":["sales","sor"],"name":"orders"}],"next-page-token":"after:orders"}"#)
        #expect(ListResponses.namespaces([id.namespace], next: nil).text == #"{"namespaces":[["sales","sor"]]}"#)
        #expect(CatalogConfigResponse.json(defaults: [:], overrides: ["prefix": "lagoa"], endpoints: ["GET /v1/{prefix}/namespaces"]).text
            == #"{"defaults":{},"overrides":{"prefix":"lagoa"},"endpoints":["GET /v1/{prefix}/namespaces"]}"#)
    }

    @Test func tokenRequestsAcceptFormOrBasicCredentials() throws {
        let form = try OAuthTokenRequest(form: Array("grant_type=client_credentials&client_id=spark&client_secret=s%2Bcr%3Dt&scope=catalog".utf8))
        #expect(form.clientID == "spark" && form.clientSecret == "s+cr=t" && form.scope == "catalog")
        let basic = try OAuthTokenRequest(form: Array("grant_type=client_credentials".utf8), basic: ("duck", "pw"))
        #expect(basic.clientID == "duck" && basic.clientSecret == "pw")
        #expect(throws: OAuthError("unsupported_grant_type", "grant_type 'password' is not supported; use client_credentials")) {
            try OAuthTokenRequest(form: Array("grant_type=password&client_id=a&client_secret=b".utf8))
        }
        #expect(throws: OAuthError("invalid_client", "client_id and client_secret are required", status: 401)) {
            try OAuthTokenRequest(form: Array("grant_type=client_credentials".utf8))
        }
        #expect(throws: OAuthError("invalid_request", "the token request body is not valid form encoding")) {
            try OAuthTokenRequest(form: Array("grant_type=%zz".utf8))
        }
    }
}
