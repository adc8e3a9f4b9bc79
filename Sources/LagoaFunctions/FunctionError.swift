public import LagoaCore

/// Why a function, operator or cast could not be bound or evaluated.
public struct FunctionError: LagoaError {
    public enum Code: String, Sendable {
        /// No overload accepts the argument types (bind time).
        case signature
        /// A value is outside what the function accepts (runtime): bad cast, division by zero,
        /// overflow, invalid regular expression…
        case invalidValue = "invalid_value"
        case divisionByZero = "division_by_zero"
        case overflow
        case unknownFunction = "unknown_function"
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
