import LagoaObjectStore
import Logging

/// Addresses, signs, sends and retries S3 requests for one bucket, and turns failures into
/// ``ObjectStoreError``s that name the bucket, key and S3 error code.
struct S3Client: Sendable {
    let bucket: String
    let configuration: S3Configuration
    let transport: any S3HTTPTransport
    let signer: SigV4Signer?
    let logger = Logger(label: "lagoa.objectstore.s3")

    init(bucket: String, configuration: S3Configuration, transport: any S3HTTPTransport) {
        self.bucket = bucket
        self.configuration = configuration
        self.transport = transport
        self.signer = configuration.credentials.map {
            SigV4Signer(credentials: $0, region: configuration.region, service: "s3")
        }
    }

    /// Whether the bucket goes in the host name: virtual-hosted style, unless the bucket has dots
    /// (which break TLS wildcard certificates), as botocore does.
    var usesVirtualHost: Bool {
        configuration.addressingStyle == .virtualHosted && !bucket.contains(".")
    }

    /// Scheme and `Host` header value.
    var schemeAndHost: (scheme: String, host: String) {
        if let endpoint = configuration.endpoint {
            return (endpoint.scheme, endpoint.authority(host: usesVirtualHost ? "\(bucket).\(endpoint.host)" : endpoint.host))
        }
        let awsHost = "s3.\(configuration.region).amazonaws.com"
        return ("https", usesVirtualHost ? "\(bucket).\(awsHost)" : awsHost)
    }

    /// The encoded path of `key` (nil: the bucket itself).
    func encodedPath(key: String?) -> String {
        let keyPart = key.map { "/" + SigV4Encoding.uriEncode($0, keepSlash: true) } ?? ""
        if usesVirtualHost { return keyPart.isEmpty ? "/" : keyPart }
        return "/" + bucket + keyPart
    }

    /// Sends `request`, retrying as its policy allows; returns any 2xx response.
    /// - Throws: the mapped ``ObjectStoreError`` for any other status or a transport failure.
    func send(_ request: S3Request) async throws(ObjectStoreError) -> S3HTTPResponse {
        let policy = configuration.retry
        var attempt = 1
        while true {
            let outcome: Result<S3HTTPResponse, any Error>
            do {
                outcome = .success(try await transport.execute(signed(request), timeout: configuration.requestTimeout))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response) where (200..<300).contains(response.status):
                return response
            case .success(let response):
                let failure = S3ErrorResponse(response)
                let retryable = failure.isRetryable(for: request.retry)
                if retryable, attempt < policy.maxAttempts {
                    logger.debug(
                        "S3 request failed, retrying",
                        metadata: ["method": "\(request.method)", "object": "\(request.name)", "status": "\(response.status)", "code": "\(failure.code)", "attempt": "\(attempt)"]
                    )
                } else {
                    throw failure.error(name: request.name, attempts: retryable ? attempt : nil)
                }
            case .failure(let error):
                if error is CancellationError { throw ObjectStoreError(.io, "\(request.name): \(request.method) was cancelled", cause: error) }
                if request.retry == .idempotent, attempt < policy.maxAttempts {
                    logger.debug(
                        "S3 connection failed, retrying",
                        metadata: ["method": "\(request.method)", "object": "\(request.name)", "error": "\(error)", "attempt": "\(attempt)"]
                    )
                } else {
                    throw ObjectStoreError(
                        .unavailable,
                        "\(request.name): \(request.method) failed after \(attempt) attempt\(attempt == 1 ? "" : "s"): \(error); check the endpoint \(schemeAndHost.scheme)://\(schemeAndHost.host) and the network",
                        cause: error
                    )
                }
            }
            try await backoff(attempt: attempt, name: request.name)
            attempt += 1
        }
    }

    /// The addressed, signed HTTP request.
    func signed(_ request: S3Request) -> S3HTTPRequest {
        let (scheme, host) = schemeAndHost
        let path = encodedPath(key: request.key)
        let sigV4 = SigV4Request(
            method: request.method,
            host: host,
            encodedPath: path,
            query: request.query,
            headers: request.headers,
            payload: request.isUpload && !configuration.signsUploadPayloads && scheme == "https" ? .unsigned : .bytes(request.body)
        )
        let query = sigV4.encodedQuery
        var headers = request.headers
        headers.append(("host", host))
        if let signer {
            headers += signer.sign(sigV4).headers
        }
        return S3HTTPRequest(
            method: request.method,
            url: "\(scheme)://\(host)\(path)\(query.isEmpty ? "" : "?" + query)",
            headers: headers,
            body: request.body
        )
    }

    /// Sleeps `base * 2^(attempt-1)` capped at the policy's maximum, with full jitter.
    private func backoff(attempt: Int, name: String) async throws(ObjectStoreError) {
        let policy = configuration.retry
        let base = policy.baseDelay.components
        let baseNanos = base.seconds * 1_000_000_000 + base.attoseconds / 1_000_000_000
        let cap = policy.maxDelay.components
        let capNanos = cap.seconds * 1_000_000_000 + cap.attoseconds / 1_000_000_000
        let exponential = baseNanos.multipliedReportingOverflow(by: Int64(1) << min(attempt - 1, 30))
        let ceiling = exponential.overflow ? capNanos : min(exponential.partialValue, capNanos)
        guard ceiling > 0 else { return }
        do {
            try await Task.sleep(for: .nanoseconds(Int64.random(in: 0...ceiling)))
        } catch {
            throw ObjectStoreError(.io, "\(name): cancelled while waiting to retry", cause: error)
        }
    }
}
