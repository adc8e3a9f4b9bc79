import AsyncHTTPClient
import LagoaCore
import LagoaObjectStore
@testable import LagoaObjectStoreS3
import LagoaTesting
import Testing

/// Whether integration tests against Python peers run (`LAGOA_INTEGRATION=1`).
let integrationEnabled = TestPaths.environment("LAGOA_INTEGRATION") == "1"

/// S3ObjectStore against a real S3 emulator (`moto_server` from the `.venv`): the shared contract,
/// pagination, multipart uploads, aborts and signature checking. Each test starts its own server.
@Suite(.enabled(if: integrationEnabled, "S3 tests against moto run only with LAGOA_INTEGRATION=1"), .serialized)
struct S3MotoTests {
    static let credentials = S3Credentials(accessKeyID: "testing", secretAccessKey: "testing")

    static var python: String {
        TestPaths.environment("LAGOA_PYTHON") ?? TestPaths.repositoryRoot() + "/.venv/bin/python"
    }

    static func configuration(_ server: MotoServer, credentials: S3Credentials = credentials, partConcurrency: Int = 4) throws -> S3Configuration {
        S3Configuration(
            endpoint: try S3Endpoint(server.endpoint),
            credentials: credentials,
            retry: .init(maxAttempts: 3, baseDelay: .milliseconds(10)),
            partSize: S3Configuration.minimumPartSize,
            partConcurrency: partConcurrency
        )
    }

    static func store(
        _ server: MotoServer,
        bucket: String,
        prefix: String = "",
        credentials: S3Credentials = credentials,
        transport: (any S3HTTPTransport)? = nil,
        listPageSize: Int = 1000
    ) throws -> S3ObjectStore {
        S3ObjectStore(
            bucket: bucket,
            prefix: prefix,
            configuration: try configuration(server, credentials: credentials),
            transport: transport ?? AsyncHTTPClientTransport(client: .shared),
            listPageSize: listPageSize
        )
    }

    @Test func contract() async throws {
        let server = try await MotoServer.start(python: Self.python)
        defer { server.stop() }
        for (index, check) in ObjectStoreContract.checks.enumerated() {
            // Half the checks at the bucket root, half under a prefix.
            let store = try Self.store(server, bucket: "contract-\(check.name.lowercased())", prefix: index.isMultiple(of: 2) ? "" : "warehouse/db")
            try await store.createBucket()
            do {
                try await check.run(store)
            } catch {
                Issue.record("\(check.name) on \(store.url): \(error)")
            }
        }
    }

    @Test func listingFollowsEveryPage() async throws {
        let server = try await MotoServer.start(python: Self.python)
        defer { server.stop() }
        let store = try Self.store(server, bucket: "pages", prefix: "p", listPageSize: 7)
        try await store.createBucket()
        var keys: [String] = []
        for index in 0..<40 {
            let digits = String(String(1000 + index).dropFirst())
            keys.append("t/data/f\(digits).parquet")
        }
        keys += ["t/datax", "u/other"]
        for key in keys { try await store.put(try ObjectPath(key), [1]) }
        #expect(try await store.list(prefix: nil).map(\.path.string) == keys)
        #expect(try await store.list(prefix: try ObjectPath("t/data")).count == 40)
        // A second store on the bucket root sees the prefix in the keys.
        let root = try Self.store(server, bucket: "pages", listPageSize: 5)
        #expect(try await root.list(prefix: try ObjectPath("p/u")).map(\.path.string) == ["p/u/other"])
    }

    @Test func multipartUploadInParallelParts() async throws {
        let server = try await MotoServer.start(python: Self.python)
        defer { server.stop() }
        let store = try Self.store(server, bucket: "multipart")
        try await store.createBucket()
        let path = try ObjectPath("big/12MiB.bin")
        let bytes = ObjectStoreContract.pattern(12 * 1024 * 1024 + 123, seed: 9)
        let writer = try await store.writer(path)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 1_000_003, bytes.count)
            try await writer.write(Array(bytes[offset..<end]))
            offset = end
        }
        try await writer.close()
        #expect(try await store.get(path) == bytes)
        let meta = try await store.head(path)
        #expect(meta.size == Int64(bytes.count))
        #expect(meta.eTag?.hasSuffix("-3") == true, "three parts: \(meta.eTag ?? "no ETag")")
        #expect(try await store.pendingUploads().isEmpty)
        #expect(try await store.get(path, range: 5_242_870..<5_242_890) == Array(bytes[5_242_870..<5_242_890]))
    }

    @Test func abortedAndFailedUploadsLeaveNothing() async throws {
        let server = try await MotoServer.start(python: Self.python)
        defer { server.stop() }
        let store = try Self.store(server, bucket: "aborts")
        try await store.createBucket()
        // abort() after one part went up.
        let path = try ObjectPath("aborted.bin")
        let writer = try await store.writer(path)
        try await writer.write(ObjectStoreContract.pattern(6 * 1024 * 1024, seed: 1))
        #expect(try await store.pendingUploads().count == 1)
        await writer.abort()
        #expect(try await store.pendingUploads().isEmpty)
        #expect(try await store.exists(path) == false)

        // A part that fails: the writer aborts the upload itself.
        let failing = FailingPartTransport(inner: AsyncHTTPClientTransport(client: .shared), failingPart: 2)
        let flaky = try Self.store(server, bucket: "aborts", transport: failing)
        let broken = try ObjectPath("broken.bin")
        let second = try await flaky.writer(broken)
        await #expect(throws: ObjectStoreError.self) {
            try await second.write(ObjectStoreContract.pattern(11 * 1024 * 1024, seed: 2))
            try await second.close()
        }
        #expect(try await store.pendingUploads().isEmpty)
        #expect(try await store.exists(broken) == false)
        #expect(try await store.list(prefix: nil).isEmpty)
    }

    @Test func errorsNameBucketAndKey() async throws {
        let server = try await MotoServer.start(python: Self.python)
        defer { server.stop() }
        let store = try Self.store(server, bucket: "errors", prefix: "wh")
        try await store.createBucket()
        do {
            _ = try await store.get(try ObjectPath("missing/v1.metadata.json"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message == "s3://errors/wh/missing/v1.metadata.json: 404 NoSuchKey: The specified key does not exist.")
        }
        let noBucket = try Self.store(server, bucket: "no-such-bucket")
        do {
            try await noBucket.put(try ObjectPath("k"), [1])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message.hasPrefix("s3://no-such-bucket/k: 404 NoSuchBucket"))
        }
        await #expect(throws: ObjectStoreError.self) { try await noBucket.delete(try ObjectPath("k")) }
        try await store.put(try ObjectPath("m/v1.json"), [1])
        do {
            try await store.putIfAbsent(try ObjectPath("m/v1.json"), [2])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .alreadyExists)
            #expect(error.message == "s3://errors/wh/m/v1.json already exists")
        }
        let keys = try (0..<12).map { try ObjectPath("batch/\($0)") }
        for key in keys.prefix(9) { try await store.put(key, [3]) }
        try await store.delete(keys)
        #expect(try await store.list(prefix: try ObjectPath("batch")).isEmpty)
    }

    /// moto with `INITIAL_NO_AUTH_ACTION_COUNT` checks signatures: a wrong secret must fail with
    /// `SignatureDoesNotMatch` and the right one must work, so Lagoa's signatures are valid.
    @Test func signaturesAreVerified() async throws {
        let server = try await MotoServer.start(python: Self.python, initialUnauthenticatedActions: 3)
        defer { server.stop() }
        let key = try await server.createIAMUser(python: Self.python)
        let good = S3Credentials(accessKeyID: key.accessKeyID, secretAccessKey: key.secretAccessKey)
        let store = try Self.store(server, bucket: "signed", credentials: good)
        try await store.createBucket()
        let path = try ObjectPath("dir with space/é 日本/a+b=c&d.json")
        try await store.put(path, Array("{}".utf8))
        #expect(try await store.get(path) == Array("{}".utf8))
        #expect(try await store.get(path, range: 0..<1) == Array("{".utf8))
        #expect(try await store.list(prefix: try ObjectPath("dir with space")).map(\.path) == [path])

        let wrong = try Self.store(server, bucket: "signed", credentials: S3Credentials(accessKeyID: key.accessKeyID, secretAccessKey: "wrong" + key.secretAccessKey))
        do {
            _ = try await wrong.get(path)
            Issue.record("a wrong secret was accepted")
        } catch {
            #expect(error.code == .permissionDenied)
            #expect(error.message.hasPrefix("s3://signed/dir with space/é 日本/a+b=c&d.json: 403 SignatureDoesNotMatch"))
            #expect(!error.message.contains(key.secretAccessKey))
        }
        let unknown = try Self.store(server, bucket: "signed", credentials: S3Credentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: "x"))
        await #expect(throws: ObjectStoreError.self) { _ = try await unknown.get(path) }
    }
}

/// Passes requests through, except that `UploadPart` number `failingPart` gets a 400.
struct FailingPartTransport: S3HTTPTransport {
    let inner: any S3HTTPTransport
    let failingPart: Int

    func execute(_ request: S3HTTPRequest, timeout: Duration) async throws -> S3HTTPResponse {
        if request.method == "PUT", request.url.contains("partNumber=\(failingPart)&") {
            return S3HTTPResponse(status: 400, body: ScriptedTransport.errorBody("InvalidPart", "injected failure"))
        }
        return try await inner.execute(request, timeout: timeout)
    }
}
