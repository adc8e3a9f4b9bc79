@testable import LagoaObjectStoreS3
import LagoaObjectStore
import Synchronization

/// An ``S3HTTPTransport`` that answers from a script and records every request.
final class ScriptedTransport: S3HTTPTransport {
    typealias Handler = @Sendable (S3HTTPRequest, Int) throws -> S3HTTPResponse
    private let state = Mutex<[S3HTTPRequest]>([])
    private let handler: Handler

    /// `handler` gets each request and its 0-based index.
    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    var requests: [S3HTTPRequest] { state.withLock { $0 } }

    func execute(_ request: S3HTTPRequest, timeout: Duration) async throws -> S3HTTPResponse {
        let index = state.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        return try handler(request, index)
    }

    static func errorBody(_ code: String, _ message: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>1</RequestId></Error>".utf8)
    }
}

/// A connection failure, as AsyncHTTPClient would throw.
struct ConnectionReset: Error, CustomStringConvertible {
    var description: String { "connection reset by peer" }
}

extension S3ObjectStore {
    /// A store on a scripted transport with fast retries.
    static func scripted(
        _ transport: ScriptedTransport,
        bucket: String = "lake",
        prefix: String = "",
        endpoint: String? = "http://127.0.0.1:9000",
        maxAttempts: Int = 4,
        credentials: S3Credentials? = S3Credentials(accessKeyID: "AKID", secretAccessKey: "very-secret-key")
    ) throws -> S3ObjectStore {
        let configuration = S3Configuration(
            endpoint: try endpoint.map { (url: String) throws(ObjectStoreError) in try S3Endpoint(url) },
            credentials: credentials,
            retry: .init(maxAttempts: maxAttempts, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
            partSize: S3Configuration.minimumPartSize,
            partConcurrency: 2
        )
        return S3ObjectStore(bucket: bucket, prefix: prefix, configuration: configuration, transport: transport)
    }
}
