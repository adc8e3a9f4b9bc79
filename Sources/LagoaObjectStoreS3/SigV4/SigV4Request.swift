/// The parts of an HTTP request that Signature Version 4 covers.
public struct SigV4Request: Sendable {
    /// How the body enters the signature (`x-amz-content-sha256`).
    public enum Payload: Sendable, Hashable {
        /// Hex SHA-256 of these bytes.
        case bytes([UInt8])
        /// A hex SHA-256 the caller computed already.
        case sha256Hex(String)
        /// `UNSIGNED-PAYLOAD`: the body is not covered (streaming uploads over TLS).
        case unsigned
    }

    /// `GET`, `PUT`, `HEAD`, `POST` or `DELETE`.
    public var method: String
    /// The `Host` header value: lower-case host name, with `:port` when the port is not the scheme's default.
    public var host: String
    /// The request path exactly as sent, already percent-encoded (S3 does not normalise or re-encode
    /// it), e.g. `/bucket/my%20key`.
    public var encodedPath: String
    /// Query parameters, not encoded (`("prefix", "a b/")`); a bare flag such as `?delete` has value "".
    public var query: [(name: String, value: String)]
    /// Headers to sign besides the ones the signer adds (`host`, `x-amz-date`,
    /// `x-amz-content-sha256`, `x-amz-security-token`), e.g. `range`, `if-none-match`, `content-md5`.
    public var headers: [(name: String, value: String)]
    public var payload: Payload

    public init(
        method: String,
        host: String,
        encodedPath: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        payload: Payload
    ) {
        self.method = method
        self.host = host
        self.encodedPath = encodedPath
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// The query string as Lagoa sends it: pairs encoded and sorted exactly as in the canonical request.
    public var encodedQuery: String {
        query
            .map { (SigV4Encoding.uriEncode($0.name), SigV4Encoding.uriEncode($0.value)) }
            .sorted { $0.0 != $1.0 ? $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }
}

/// The result of signing: the intermediate strings (for tests and debugging) and the headers to send.
public struct SigV4Signature: Sendable {
    public var canonicalRequest: String
    public var stringToSign: String
    /// Hex HMAC-SHA256 of the string to sign.
    public var signature: String
    /// The `Authorization` header value.
    public var authorization: String
    /// Headers to add to the request: `x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token`
    /// (temporary credentials only) and `authorization`.
    public var headers: [(name: String, value: String)]
}
