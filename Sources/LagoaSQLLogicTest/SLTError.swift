public import LagoaCore

/// Errors of the sqllogictest tooling: unreadable or malformed `.slt` files, bad options.
public struct SLTError: LagoaError {
    /// What went wrong; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case invalidFile = "invalid_file", io, invalidOption = "invalid_option" }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file does not follow the sqllogictest format.
        public static let invalidFile = Code(.invalidFile)
        /// A file or folder cannot be read or written.
        public static let io = Code(.io)
        /// A command-line option or setting is invalid.
        public static let invalidOption = Code(.invalidOption)

        public var description: String { base.rawValue }
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

    public var codeName: String { code.description }
}
