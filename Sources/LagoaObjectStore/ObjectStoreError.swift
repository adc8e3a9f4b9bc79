public import LagoaCore

/// Every failure of an object store: local disk, memory or S3.
///
/// Messages name the store and the key (`s3://bucket/key` or the local path) and, for remote stores,
/// the service's own error code (`NoSuchKey`, `AccessDenied`, `SlowDown`), e.g.
/// `s3://lake/sales/orders/metadata/v3.metadata.json: 403 AccessDenied: Access Denied`.
public struct ObjectStoreError: LagoaError {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case notFound = "not_found"
            case alreadyExists = "already_exists"
            case preconditionFailed = "precondition_failed"
            case invalidPath = "invalid_path"
            case invalidArgument = "invalid_argument"
            case permissionDenied = "permission_denied"
            case unavailable
            case io
            case unsupported
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No object at the key (S3 `NoSuchKey`/`NoSuchBucket`, ENOENT).
        public static let notFound = Code(.notFound)
        /// `putIfAbsent` found an object already there.
        public static let alreadyExists = Code(.alreadyExists)
        /// A conditional request's condition did not hold (S3 412 on `If-Match`).
        public static let preconditionFailed = Code(.preconditionFailed)
        /// A key that is empty, absolute, or has `.`/`..`/empty segments.
        public static let invalidPath = Code(.invalidPath)
        /// A malformed URL, range or option.
        public static let invalidArgument = Code(.invalidArgument)
        /// Credentials missing or refused (S3 403, EACCES).
        public static let permissionDenied = Code(.permissionDenied)
        /// The service failed or throttled even after retries (S3 5xx, `SlowDown`); worth retrying later.
        public static let unavailable = Code(.unavailable)
        /// Any other I/O failure; ``ObjectStoreError/cause`` holds the underlying error.
        public static let io = Code(.io)
        /// The store cannot do this (e.g. conditional PUT on a server without it).
        public static let unsupported = Code(.unsupported)
        /// A bug in Lagoa.
        public static let `internal` = Code(.internal)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String
    public var context: [ErrorContext]
    public var cause: (any Error)?
    public var location: SourceLocation

    public init(
        _ code: Code,
        _ message: String,
        context: [ErrorContext] = [],
        cause: (any Error)? = nil,
        location: SourceLocation = SourceLocation()
    ) {
        self.code = code
        self.message = message
        self.context = context
        self.cause = cause
        self.location = location
    }

    public var codeName: String { code.description }

    /// Returns a copy with one more context entry, unless that key is already present.
    public func adding(_ key: String, _ value: String) -> ObjectStoreError {
        guard !context.contains(where: { $0.key == key }) else { return self }
        var copy = self
        copy.context.append(ErrorContext(key, value))
        return copy
    }
}
