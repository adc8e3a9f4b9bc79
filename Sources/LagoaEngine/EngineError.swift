public import LagoaCore

/// Errors raised by the engine facade itself (statement dispatch, catalog mapping, cancellation).
public struct EngineError: LagoaError {
    public enum Code: String, Sendable {
        case unsupported
        case invalidInput = "invalid_input"
        case cancelled
        case notFound = "not_found"
        case alreadyExists = "already_exists"
    }

    public var code: Code
    public var message: String
    public var context: [ErrorContext] = []
    public var cause: (any Error)?

    public init(_ code: Code, _ message: String, context: [ErrorContext] = [], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.context = context
        self.cause = cause
    }

    public var codeName: String { code.rawValue }
}
