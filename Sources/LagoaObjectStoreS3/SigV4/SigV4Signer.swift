import Crypto
import Synchronization

/// AWS Signature Version 4 for S3 (header-based), byte for byte as botocore's `S3SigV4Auth` signs.
///
/// - The canonical URI is the path as sent: S3 keys are percent-encoded once per segment (RFC 3986
///   unreserved characters kept), never normalised or double-encoded.
/// - The canonical query sorts the encoded pairs by name, then value.
/// - Every header of the request is signed except hop-by-hop and tracing ones (`user-agent`,
///   `expect`, `transfer-encoding`, …, botocore's list); values are trimmed and inner runs of
///   whitespace collapsed.
/// - The derived signing key is cached per day.
public struct SigV4Signer: Sendable {
    public let credentials: S3Credentials
    public let region: String
    public let service: String
    private let cache = SigningKeyCache()

    /// Headers never signed: they may be changed by proxies or the HTTP client (botocore's list).
    static let unsignedHeaders: Set<String> = [
        "baggage", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "traceparent", "tracestate", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The hex SHA-256 of no bytes.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` as of `timestamp`.
    public func sign(_ request: SigV4Request, at timestamp: SigV4Timestamp = .now()) -> SigV4Signature {
        let payloadHash: String
        switch request.payload {
        case .bytes(let bytes): payloadHash = bytes.isEmpty ? Self.emptyPayloadHash : SigV4Encoding.hex(SHA256.hash(data: bytes))
        case .sha256Hex(let hash): payloadHash = hash
        case .unsigned: payloadHash = "UNSIGNED-PAYLOAD"
        }
        let amzDate = timestamp.amzDate
        var added: [(name: String, value: String)] = [("x-amz-date", amzDate)]
        if let token = credentials.sessionToken { added.append(("x-amz-security-token", token)) }
        added.append(("x-amz-content-sha256", payloadHash))

        // Lower-cased names, signer-owned headers replaced, host added when absent.
        let owned: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]
        var signed: [(name: String, value: String)] = request.headers
            .map { (name: $0.name.lowercased(), value: $0.value) }
            .filter { !owned.contains($0.name) && !Self.unsignedHeaders.contains($0.name) }
        signed += added
        if !signed.contains(where: { $0.name == "host" }) { signed.append(("host", request.host)) }

        var grouped: [String: [String]] = [:]
        for header in signed { grouped[header.name, default: []].append(Self.trimAll(header.value)) }
        let names = grouped.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let canonicalHeaders = names.map { "\($0):\(grouped[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")

        let canonicalRequest = [
            request.method.uppercased(), request.encodedPath, request.encodedQuery, canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let scope = "\(timestamp.dateStamp)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, SigV4Encoding.hex(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let key = signingKey(dateStamp: timestamp.dateStamp)
        let signature = SigV4Encoding.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        added.append(("authorization", authorization))
        return SigV4Signature(
            canonicalRequest: canonicalRequest,
            stringToSign: stringToSign,
            signature: signature,
            authorization: authorization,
            headers: added
        )
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`,
    /// computed once per day.
    func signingKey(dateStamp: String) -> SymmetricKey {
        if let cached = cache.key(for: dateStamp) { return cached }
        func hmac(_ key: SymmetricKey, _ message: String) -> SymmetricKey {
            SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: key)))
        }
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [dateStamp, region, service, "aws4_request"] { key = hmac(key, part) }
        cache.store(key, for: dateStamp)
        return key
    }

    /// Trims leading and trailing whitespace and collapses inner runs to one space (Python's
    /// `' '.join(value.split())`, which botocore uses).
    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The derived signing key of the current day, shared by copies of one signer.
private final class SigningKeyCache: Sendable {
    private let entry = Mutex<(day: String, key: SymmetricKey)?>(nil)

    func key(for day: String) -> SymmetricKey? {
        entry.withLock { $0?.day == day ? $0?.key : nil }
    }

    func store(_ key: SymmetricKey, for day: String) {
        entry.withLock { $0 = (day, key) }
    }
}
