public import LagoaCore

/// Runtime failures of the executor (memory, spill, cancellation, bad data met while running).
public struct ExecutionError: LagoaError {
    public enum Code: String, Sendable {
        case cancelled
        case resourcesExhausted = "resources_exhausted"
        case invalidData = "invalid_data"
        case unsupported
        case io
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
