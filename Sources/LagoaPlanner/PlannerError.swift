public import LagoaCore

/// Bind- and plan-time errors: unknown tables and columns (with suggestions), type errors, invalid
/// statements. ``span`` points into the SQL text when known, so the CLI can draw a caret.
public struct PlannerError: LagoaError {
    public enum Code: String, Sendable {
        case unknownTable = "unknown_table"
        case unknownColumn = "unknown_column"
        case ambiguousColumn = "ambiguous_column"
        case unknownFunction = "unknown_function"
        case typeMismatch = "type_mismatch"
        case invalidStatement = "invalid_statement"
        case unsupported
    }

    public var code: Code
    public var message: String
    /// Byte offsets `[start, end)` in the statement text.
    public var span: Range<Int>?
    public var context: [ErrorContext] = []
    public var cause: (any Error)?

    public init(_ code: Code, _ message: String, span: Range<Int>? = nil, context: [ErrorContext] = [], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.span = span
        self.context = context
        self.cause = cause
    }

    public var codeName: String { code.rawValue }
}
