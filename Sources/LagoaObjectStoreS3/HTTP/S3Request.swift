/// One S3 API call before addressing and signing: what to send and how to retry it.
struct S3Request: Sendable {
    /// Which failures may be retried.
    enum Retry: Sendable {
        /// 5xx, 429, `SlowDown` and connection errors (GET, HEAD, PUT, DELETE, …).
        case idempotent
        /// Only answers that prove the request was not applied (503, 429, `SlowDown`, 409
        /// `ConditionalRequestConflict`): a conditional PUT that timed out may have succeeded, and
        /// repeating it would then report a spurious conflict.
        case throttlingOnly
    }

    var method: String
    /// The full key inside the bucket, or nil for bucket-level calls (list, create, delete batch).
    var key: String?
    var query: [(name: String, value: String)] = []
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    var retry: Retry = .idempotent
    /// An object body (PUT, UploadPart): sent as `UNSIGNED-PAYLOAD` over https when the
    /// configuration says so.
    var isUpload = false
    /// `s3://bucket/key`, the name in error messages.
    var name: String
}
