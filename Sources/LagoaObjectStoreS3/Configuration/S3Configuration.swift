/// How to reach S3: region, endpoint, addressing style, credentials, retries and multipart settings.
public struct S3Configuration: Sendable {
    /// Where the bucket name goes in the URL.
    public enum AddressingStyle: Sendable, Hashable {
        /// `https://endpoint/bucket/key`: works everywhere, the norm for custom endpoints.
        case path
        /// `https://bucket.endpoint/key`: AWS's default.
        case virtualHosted
    }

    /// When and how often failed requests are tried again: 5xx, 429, `SlowDown` and connection
    /// errors, with exponential backoff and full jitter.
    public struct RetryPolicy: Sendable, Hashable {
        /// Total tries per request, the first included (at least 1).
        public var maxAttempts: Int
        /// The backoff before the second try; doubled for each further try, with jitter.
        public var baseDelay: Duration
        /// The longest single backoff.
        public var maxDelay: Duration

        public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(5)) {
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
        }

        /// One try, no retries.
        public static let none = RetryPolicy(maxAttempts: 1)
    }

    /// S3's smallest part size for all but the last part of a multipart upload: 5 MiB.
    public static let minimumPartSize = 5 * 1024 * 1024

    /// The signing region, e.g. `eu-west-1`; `us-east-1` for most custom endpoints.
    public var region: String
    /// A custom endpoint (MinIO, Ceph, moto); nil for AWS (`s3.<region>.amazonaws.com`, https).
    public var endpoint: S3Endpoint?
    public var addressingStyle: AddressingStyle
    /// nil sends unsigned (anonymous) requests, for public buckets.
    public var credentials: S3Credentials?
    public var retry: RetryPolicy
    /// The size of each part of a multipart upload; objects smaller than this go up in one PUT.
    /// Raised to ``minimumPartSize`` when smaller.
    public var partSize: Int {
        didSet { partSize = max(partSize, Self.minimumPartSize) }
    }
    /// How many parts of one upload are in flight at once.
    public var partConcurrency: Int {
        didSet { partConcurrency = max(partConcurrency, 1) }
    }
    /// The limit for one HTTP request, transfer included.
    public var requestTimeout: Duration
    /// Whether object bodies (PUT, UploadPart) are covered by the signature. When false, uploads
    /// over https send `UNSIGNED-PAYLOAD` and skip hashing the body (TLS protects it); plain http
    /// always signs bodies.
    public var signsUploadPayloads: Bool

    /// - Parameters:
    ///   - addressingStyle: defaults to `.virtualHosted` on AWS and `.path` for a custom endpoint.
    public init(
        region: String = "us-east-1",
        endpoint: S3Endpoint? = nil,
        addressingStyle: AddressingStyle? = nil,
        credentials: S3Credentials?,
        retry: RetryPolicy = RetryPolicy(),
        partSize: Int = 8 * 1024 * 1024,
        partConcurrency: Int = 4,
        requestTimeout: Duration = .seconds(300),
        signsUploadPayloads: Bool = true
    ) {
        self.region = region
        self.endpoint = endpoint
        self.addressingStyle = addressingStyle ?? (endpoint == nil ? .virtualHosted : .path)
        self.credentials = credentials
        self.retry = retry
        self.partSize = max(partSize, Self.minimumPartSize)
        self.partConcurrency = max(partConcurrency, 1)
        self.requestTimeout = requestTimeout
        self.signsUploadPayloads = signsUploadPayloads
    }
}
