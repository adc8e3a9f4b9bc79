/// One HTTP exchange, fully buffered: what the S3 client sends.
package struct S3HTTPRequest: Sendable {
    package var method: String
    /// The full URL, path and query already encoded.
    package var url: String
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(method: String, url: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// The answer to an ``S3HTTPRequest``.
package struct S3HTTPResponse: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Sends requests: AsyncHTTPClient in production, a fake in tests (to script 503s, drops, …).
package protocol S3HTTPTransport: Sendable {
    /// Sends `request` and returns the whole response.
    /// - Throws: any error for a failure to connect or transfer; HTTP error statuses are responses.
    func execute(_ request: S3HTTPRequest, timeout: Duration) async throws -> S3HTTPResponse
}
