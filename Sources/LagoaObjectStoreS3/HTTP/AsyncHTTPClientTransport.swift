import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// ``S3HTTPTransport`` over AsyncHTTPClient.
struct AsyncHTTPClientTransport: S3HTTPTransport {
    let client: HTTPClient

    func execute(_ request: S3HTTPRequest, timeout: Duration) async throws -> S3HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let amount = timeout.components
        let nanoseconds = amount.seconds * 1_000_000_000 + amount.attoseconds / 1_000_000_000
        let response = try await client.execute(outgoing, timeout: .nanoseconds(nanoseconds))
        var body = try await response.body.collect(upTo: Int.max)
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        return S3HTTPResponse(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: bytes
        )
    }
}
