public import LagoaJSON

/// An error answer of the Iceberg REST catalog: the HTTP status and the spec's `ErrorModel` body
/// (`{"error": {"message": …, "type": …, "code": …}}`), exactly as clients (PyIceberg, Spark,
/// DuckDB) parse it to pick their exception.
public struct RESTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, also the body's `code`.
    public var code: Int
    /// The exception name clients map: `NoSuchTableException`, `CommitFailedException`, …
    public var type: String
    public var message: String

    public init(code: Int, type: String, message: String) {
        self.code = code
        self.type = type
        self.message = message
    }

    public var description: String { "\(code) \(type): \(message)" }

    /// The `ErrorModel` body.
    public var json: JSONValue {
        .pairs([("error", .pairs([("message", .string(message)), ("type", .string(type)), ("code", .int(Int64(code)))]))])
    }

    public static func badRequest(_ message: String) -> RESTError { RESTError(code: 400, type: "BadRequestException", message: message) }
    public static func notAuthorized(_ message: String) -> RESTError { RESTError(code: 401, type: "NotAuthorizedException", message: message) }
    public static func forbidden(_ message: String) -> RESTError { RESTError(code: 403, type: "ForbiddenException", message: message) }
    public static func noSuchNamespace(_ message: String) -> RESTError { RESTError(code: 404, type: "NoSuchNamespaceException", message: message) }
    public static func noSuchTable(_ message: String) -> RESTError { RESTError(code: 404, type: "NoSuchTableException", message: message) }
    public static func noSuchView(_ message: String) -> RESTError { RESTError(code: 404, type: "NoSuchViewException", message: message) }
    public static func alreadyExists(_ message: String) -> RESTError { RESTError(code: 409, type: "AlreadyExistsException", message: message) }
    public static func commitFailed(_ message: String) -> RESTError { RESTError(code: 409, type: "CommitFailedException", message: message) }
    public static func notAcceptable(_ message: String) -> RESTError { RESTError(code: 406, type: "UnsupportedOperationException", message: message) }
    public static func internalError(_ message: String) -> RESTError { RESTError(code: 500, type: "InternalServerError", message: message) }
}
