public import LagoaCore

/// What went wrong while reading a source or writing the raw (SOR) layer, where, and how to fix it.
public struct IngestError: LagoaError, Equatable {
    public enum Code: String, Sendable {
        /// The source cannot be reached or refused the login (host, port, password, TLS).
        case connection
        /// The connection broke while a table was being read; nothing of that table was committed.
        case connectionLost
        /// A table or column the configuration names does not exist in the source.
        case notFound
        /// A source type Lagoa cannot map, or a value that does not fit its mapped type
        /// (a numeric beyond 38 digits, say).
        case unsupportedType
        /// A column's type changed in the source in a way the SOR table cannot follow.
        case schemaDrift
        /// A source configuration or command-line value that is wrong (with what to write instead).
        case configuration
        /// The source answered with an error of its own (SQL error, unreadable file).
        case source
        /// Writing the SOR table failed (storage, catalog, commit conflict).
        case write
        /// The run was cancelled (Ctrl-C, a failed sibling under fail-fast).
        case cancelled
    }

    public var code: Code
    public var message: String
    public var context: [ErrorContext]
    public var cause: (any Error)?

    public init(_ code: Code, _ message: String, context: [ErrorContext] = [], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.context = context
        self.cause = cause
    }

    public var codeName: String { code.rawValue }

    /// The same error with one more context entry (`table`, `column`, …).
    public func adding(_ key: String, _ value: String) -> IngestError {
        var copy = self
        copy.context.append(ErrorContext(key, value))
        return copy
    }

    public static func == (lhs: IngestError, rhs: IngestError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.context == rhs.context
    }
}
