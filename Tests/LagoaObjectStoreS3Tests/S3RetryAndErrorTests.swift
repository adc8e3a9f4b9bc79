import LagoaCore
import LagoaObjectStore
@testable import LagoaObjectStoreS3
import Testing

/// Retries, error mapping and request shape, against a scripted transport.
@Suite struct S3RetryAndErrorTests {
    @Test func serverErrorsAreRetriedThenSucceed() async throws {
        let transport = ScriptedTransport { _, index in
            index < 2 ? S3HTTPResponse(status: 503, body: ScriptedTransport.errorBody("SlowDown", "Please reduce your request rate.")) : S3HTTPResponse(status: 200, body: [1, 2, 3])
        }
        let store = try S3ObjectStore.scripted(transport)
        #expect(try await store.get(try ObjectPath("k")) == [1, 2, 3])
        #expect(transport.requests.count == 3)
        // Each attempt is signed afresh.
        #expect(transport.requests.allSatisfy { $0.header("authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKID/") == true })
    }

    @Test func retriesStopAtTheMaximum() async throws {
        let transport = ScriptedTransport { _, _ in S3HTTPResponse(status: 503, body: ScriptedTransport.errorBody("SlowDown", "Please reduce your request rate.")) }
        let store = try S3ObjectStore.scripted(transport, maxAttempts: 3)
        do {
            _ = try await store.get(try ObjectPath("data/k.parquet"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message == "s3://lake/data/k.parquet: 503 SlowDown: Please reduce your request rate. (after 3 attempts)")
        }
        #expect(transport.requests.count == 3)
    }

    @Test func connectionErrorsAreRetriedForIdempotentRequests() async throws {
        let transport = ScriptedTransport { _, index in
            if index == 0 { throw ConnectionReset() }
            if index == 1 { return S3HTTPResponse(status: 500, body: ScriptedTransport.errorBody("InternalError", "We encountered an internal error.")) }
            return S3HTTPResponse(status: 200)
        }
        let store = try S3ObjectStore.scripted(transport)
        try await store.put(try ObjectPath("k"), [9])
        #expect(transport.requests.count == 3)
    }

    @Test func conditionalPutIsRepeatedAfterAConnectionErrorUpToTheMaximum() async throws {
        let transport = ScriptedTransport { _, _ in throw ConnectionReset() }
        let store = try S3ObjectStore.scripted(transport)
        do {
            try await store.putIfAbsent(try ObjectPath("m/v1.json"), [1])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message.hasPrefix("s3://lake/m/v1.json: PUT failed after 1 attempt: connection reset by peer"))
        }
        #expect(transport.requests.count == 4)
        #expect(transport.requests.allSatisfy { $0.header("if-none-match") == "*" })
    }

    /// After a 500 the PUT may or may not have landed: a 412 on the repeat is our own write when
    /// the stored object's ETag is the MD5 of our bytes, and a real conflict otherwise.
    @Test(arguments: [true, false])
    func conditionalPutAfterAServerErrorRecognisesItsOwnWrite(_ ours: Bool) async throws {
        let bytes: [UInt8] = Array("{\"format-version\":2}".utf8)
        let md5 = S3ObjectStore.md5Hex(ours ? bytes : [0])
        let transport = ScriptedTransport { request, index in
            switch index {
            case 0: return S3HTTPResponse(status: 500, body: ScriptedTransport.errorBody("InternalError", "We encountered an internal error."))
            case 1: return S3HTTPResponse(status: 412, body: ScriptedTransport.errorBody("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"))
            default:
                #expect(request.method == "HEAD")
                return S3HTTPResponse(status: 200, headers: [("etag", "\"\(md5)\""), ("content-length", String(bytes.count))])
            }
        }
        let store = try S3ObjectStore.scripted(transport)
        if ours {
            try await store.putIfAbsent(try ObjectPath("m/v1.json"), bytes)
        } else {
            await #expect { try await store.putIfAbsent(try ObjectPath("m/v1.json"), bytes) } throws: {
                ($0 as? ObjectStoreError)?.code == .alreadyExists
            }
        }
        #expect(transport.requests.count == 3)
    }

    @Test func conditionalPutRetriesThrottlingAndConflicts() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return S3HTTPResponse(status: 503, body: ScriptedTransport.errorBody("SlowDown", "Reduce"))
            case 1: return S3HTTPResponse(status: 409, body: ScriptedTransport.errorBody("ConditionalRequestConflict", "Conflict"))
            default: return S3HTTPResponse(status: 412, body: ScriptedTransport.errorBody("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"))
            }
        }
        let store = try S3ObjectStore.scripted(transport, prefix: "warehouse")
        do {
            try await store.putIfAbsent(try ObjectPath("m/v1.json"), [1])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .alreadyExists)
            #expect(error.message == "s3://lake/warehouse/m/v1.json already exists")
        }
        #expect(transport.requests.count == 3)
    }

    @Test(arguments: [
        (404, "NoSuchKey", "The specified key does not exist.", ObjectStoreError.Code.notFound, "s3://lake/a/b.txt: 404 NoSuchKey: The specified key does not exist."),
        (404, "NoSuchBucket", "The specified bucket does not exist", .notFound, "s3://lake/a/b.txt: 404 NoSuchBucket: The specified bucket does not exist"),
        (403, "AccessDenied", "Access Denied", .permissionDenied, "s3://lake/a/b.txt: 403 AccessDenied: Access Denied"),
        (
            403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", .permissionDenied,
            "s3://lake/a/b.txt: 403 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.; check the secret access key (and the region, 'SignatureDoesNotMatch' also comes from signing for the wrong one)"
        ),
        (400, "InvalidArgument", "Bad thing", .invalidArgument, "s3://lake/a/b.txt: 400 InvalidArgument: Bad thing"),
        (501, "NotImplemented", "A header you provided implies functionality that is not implemented", .unsupported, "s3://lake/a/b.txt: 501 NotImplemented: A header you provided implies functionality that is not implemented"),
    ])
    func errorsAreMapped(_ status: Int, _ code: String, _ text: String, _ expected: ObjectStoreError.Code, _ message: String) async throws {
        let transport = ScriptedTransport { _, _ in S3HTTPResponse(status: status, body: ScriptedTransport.errorBody(code, text)) }
        let store = try S3ObjectStore.scripted(transport)
        do {
            _ = try await store.get(try ObjectPath("a/b.txt"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == expected)
            #expect(error.message == message)
            #expect(!error.message.contains("very-secret-key"))
        }
        #expect(transport.requests.count == 1, "\(code) is not retried")
    }

    @Test func headWithoutBodyUsesTheStatus() async throws {
        let transport = ScriptedTransport { _, _ in S3HTTPResponse(status: 404) }
        let store = try S3ObjectStore.scripted(transport)
        do {
            _ = try await store.head(try ObjectPath("missing"))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s3://lake/missing: 404 NotFound")
            #expect(error.code == .notFound)
        }
        #expect(try await store.exists(try ObjectPath("missing")) == false)
    }

    @Test func pathStyleForCustomEndpointsVirtualHostsOnAWS() async throws {
        let transport = ScriptedTransport { _, _ in S3HTTPResponse(status: 200, body: [1]) }
        _ = try await S3ObjectStore.scripted(transport, prefix: "wh/").get(try ObjectPath("a b/é"))
        _ = try await S3ObjectStore.scripted(transport, endpoint: nil).get(try ObjectPath("k"))
        _ = try await S3ObjectStore.scripted(transport, bucket: "dotted.bucket", endpoint: nil).get(try ObjectPath("k"))
        let requests = transport.requests
        #expect(requests.map(\.url) == [
            "http://127.0.0.1:9000/lake/wh/a%20b/%C3%A9",
            "https://lake.s3.us-east-1.amazonaws.com/k",
            "https://s3.us-east-1.amazonaws.com/dotted.bucket/k",
        ])
        #expect(requests[0].header("host") == "127.0.0.1:9000")
        #expect(requests[0].header("x-amz-content-sha256") == SigV4Signer.emptyPayloadHash)
        #expect(requests[1].header("host") == "lake.s3.us-east-1.amazonaws.com")
    }

    @Test func uploadsMaySkipPayloadHashingOverHTTPS() async throws {
        let transport = ScriptedTransport { _, _ in S3HTTPResponse(status: 200) }
        for endpoint in ["https://s3.internal", "http://127.0.0.1:9000"] {
            var configuration = S3Configuration(endpoint: try S3Endpoint(endpoint), credentials: S3Credentials(accessKeyID: "A", secretAccessKey: "S"))
            configuration.signsUploadPayloads = false
            let store = S3ObjectStore(bucket: "lake", configuration: configuration, transport: transport)
            try await store.put(try ObjectPath("k"), [1, 2, 3])
            try await store.delete(try ObjectPath("k"))
        }
        #expect(transport.requests.map { $0.header("x-amz-content-sha256") } == [
            "UNSIGNED-PAYLOAD", SigV4Signer.emptyPayloadHash,
            "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", SigV4Signer.emptyPayloadHash,
        ])
    }

    @Test func anonymousRequestsAreNotSigned() async throws {
        let transport = ScriptedTransport { _, _ in S3HTTPResponse(status: 200, body: [1]) }
        _ = try await S3ObjectStore.scripted(transport, credentials: nil).get(try ObjectPath("k"))
        #expect(transport.requests[0].header("authorization") == nil)
    }

    @Test func rangedGetSendsARangeHeaderAndChecksTheLength() async throws {
        let transport = ScriptedTransport { request, _ in
            request.header("range") == "bytes=5-14"
                ? S3HTTPResponse(status: 206, headers: [("Content-Range", "bytes 5-11/12")], body: Array(repeating: 7, count: 7))
                : S3HTTPResponse(status: 400)
        }
        let store = try S3ObjectStore.scripted(transport)
        do {
            _ = try await store.get(try ObjectPath("k"), range: 5..<15)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message == "s3://lake/k: range 5..<15 runs past the end (12 bytes)")
        }
    }

    @Test func failedPartAbortsTheMultipartUpload() async throws {
        let transport = ScriptedTransport { request, _ in
            if request.method == "POST", request.url.hasSuffix("?uploads=") {
                return S3HTTPResponse(status: 200, body: Array("<InitiateMultipartUploadResult><Bucket>lake</Bucket><Key>big</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>".utf8))
            }
            if request.method == "PUT", request.url.contains("partNumber=2") {
                return S3HTTPResponse(status: 400, body: ScriptedTransport.errorBody("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size."))
            }
            if request.method == "PUT" { return S3HTTPResponse(status: 200, headers: [("ETag", "\"e\"")]) }
            if request.method == "DELETE" { return S3HTTPResponse(status: 204) }
            return S3HTTPResponse(status: 500)
        }
        let store = try S3ObjectStore.scripted(transport)
        let writer = try await store.writer(try ObjectPath("big"))
        let part = Array(repeating: UInt8(1), count: S3Configuration.minimumPartSize)
        await #expect(throws: ObjectStoreError.self) {
            try await writer.write(part)
            try await writer.write(part)
            try await writer.write(part)
            try await writer.close()
        }
        let requests = transport.requests
        #expect(requests.contains { $0.method == "DELETE" && $0.url == "http://127.0.0.1:9000/lake/big?uploadId=U1" })
        #expect(!requests.contains { $0.method == "POST" && $0.url.contains("uploadId=") }, "no CompleteMultipartUpload after a failure")
    }

    @Test func completeAnsweringAnErrorWith200Fails() async throws {
        let transport = ScriptedTransport { request, _ in
            switch (request.method, request.url) {
            case ("POST", let url) where url.hasSuffix("?uploads="):
                return S3HTTPResponse(status: 200, body: Array("<InitiateMultipartUploadResult><UploadId>U2</UploadId></InitiateMultipartUploadResult>".utf8))
            case ("PUT", _):
                return S3HTTPResponse(status: 200, headers: [("ETag", "\"p\"")])
            case ("POST", _):
                return S3HTTPResponse(status: 200, body: ScriptedTransport.errorBody("InvalidPart", "One or more of the specified parts could not be found."))
            default:
                return S3HTTPResponse(status: 204)
            }
        }
        let store = try S3ObjectStore.scripted(transport)
        let writer = try await store.writer(try ObjectPath("big"))
        try await writer.write(Array(repeating: 2, count: S3Configuration.minimumPartSize + 10))
        do {
            try await writer.close()
            Issue.record("expected an error")
        } catch let error as ObjectStoreError {
            #expect(error.message == "s3://lake/big: 200 InvalidPart: One or more of the specified parts could not be found.")
        }
        let complete = transport.requests.first { $0.method == "POST" && $0.url.contains("uploadId=U2") }
        #expect(complete.map { String(decoding: $0.body, as: UTF8.self) }?.contains("<Part><PartNumber>2</PartNumber><ETag>&quot;p&quot;</ETag></Part>") == true)
        #expect(transport.requests.last?.method == "DELETE")
    }

    @Test func deleteBatchSendsContentMD5AndReportsFailures() async throws {
        let transport = ScriptedTransport { _, _ in
            S3HTTPResponse(
                status: 200,
                body: Array("<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Error><Key>wh/b</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>".utf8)
            )
        }
        let store = try S3ObjectStore.scripted(transport, prefix: "wh")
        do {
            try await store.delete([try ObjectPath("a & b"), try ObjectPath("b")])
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s3://lake/wh/b: 200 AccessDenied: Access Denied")
            #expect(error.code == .permissionDenied)
        }
        let request = try #require(transport.requests.first)
        #expect(request.url == "http://127.0.0.1:9000/lake?delete=")
        #expect(String(decoding: request.body, as: UTF8.self).contains("<Object><Key>wh/a &amp; b</Key></Object>"))
        #expect(request.header("content-md5")?.count == 24)
    }
}
