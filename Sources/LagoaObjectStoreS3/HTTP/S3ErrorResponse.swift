import LagoaObjectStore

/// A non-2xx S3 answer: status plus the `<Error><Code>…</Code><Message>…</Message></Error>` body
/// (HEAD answers have no body; the status alone then decides).
struct S3ErrorResponse: Sendable {
    var status: Int
    var code: String
    var message: String?

    init(_ response: S3HTTPResponse) {
        self.init(status: response.status, body: response.body)
    }

    init(status: Int, body: [UInt8]) {
        self.status = status
        let parsed = try? XMLNode.parse(body)
        let node = parsed.map { $0.name == "Error" ? $0 : ($0.child("Error") ?? $0) }
        self.code = node?.text(of: "Code") ?? Self.defaultCode(status)
        self.message = node?.text(of: "Message")
    }

    init(status: Int, code: String, message: String?) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func defaultCode(_ status: Int) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 405: return "MethodNotAllowed"
        case 409: return "Conflict"
        case 412: return "PreconditionFailed"
        case 416: return "InvalidRange"
        case 429: return "TooManyRequests"
        case 500: return "InternalError"
        case 501: return "NotImplemented"
        case 503: return "ServiceUnavailable"
        default: return "HTTP\(status)"
        }
    }

    /// Whether repeating the request may succeed.
    func isRetryable(for retry: S3Request.Retry) -> Bool {
        let throttled = status == 503 || status == 429 || code == "SlowDown" || code == "Throttling" || code == "ThrottlingException"
            || code == "ConditionalRequestConflict"
        switch retry {
        case .throttlingOnly:
            return throttled
        case .idempotent:
            return throttled || (status >= 500 && status != 501) || code == "RequestTimeout" || code == "InternalError"
        }
    }

    /// The error for a request on `name`; `attempts` is set when retries were exhausted.
    func error(name: String, attempts: Int? = nil) -> ObjectStoreError {
        var text = "\(name): \(status) \(code)"
        if let message, !message.isEmpty { text += ": \(message)" }
        if let attempts, attempts > 1 { text += " (after \(attempts) attempts)" }
        let kind: ObjectStoreError.Code
        switch (status, code) {
        case (_, "NoSuchKey"), (_, "NoSuchBucket"), (_, "NoSuchUpload"), (404, _):
            kind = .notFound
        case (_, "SignatureDoesNotMatch"):
            kind = .permissionDenied
            text += "; check the secret access key (and the region, '\(code)' also comes from signing for the wrong one)"
        case (_, "InvalidAccessKeyId"):
            kind = .permissionDenied
            text += "; check the access key id"
        case (403, _), (401, _), (_, "AccessDenied"), (_, "AllAccessDisabled"), (_, "ExpiredToken"), (_, "InvalidToken"):
            kind = .permissionDenied
        case (412, _):
            kind = .preconditionFailed
        case (416, _), (_, "InvalidRange"):
            kind = .invalidArgument
        case (501, _), (_, "NotImplemented"):
            kind = .unsupported
        case (429, _), (503, _), (_, "SlowDown"), (_, "InternalError"), (_, "ServiceUnavailable"):
            kind = .unavailable
        case (500..., _):
            kind = .unavailable
        case (400, _), (405, _), (409, _), (411, _), (413, _):
            kind = .invalidArgument
        default:
            kind = .io
        }
        return ObjectStoreError(kind, text)
    }
}
