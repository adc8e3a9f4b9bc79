public import LagoaCore

/// Every failure of the JSON parser, the JSON-lines reader and the writer.
///
/// Messages name the file, the line, the byte column and what was expected, e.g.
/// `'events.jsonl' line 3, column 17: expected ',' or '}' after an object member, found 'x'`, or for
/// values the field and the fix: `'events.jsonl' line 9, field 'age': expected int64 but found
/// string "ten"; pass --type age=string to read the field as text`.
public struct JSONError: LagoaError {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case syntax
            case invalidValue = "invalid_value"
            case invalidArgument = "invalid_argument"
            case schemaMismatch = "schema_mismatch"
            case resourceLimit = "resource_limit"
            case io
            case cancelled
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The text is not valid JSON, or a line of a JSON-lines file is not an object.
        public static let syntax = Code(.syntax)
        /// A value does not fit its field's type.
        public static let invalidValue = Code(.invalidValue)
        /// The caller asked for something impossible (bad option, unsupported type).
        public static let invalidArgument = Code(.invalidArgument)
        /// A batch given to the writer does not match the writer's schema.
        public static let schemaMismatch = Code(.schemaMismatch)
        /// Input nested deeper than the configured limit.
        public static let resourceLimit = Code(.resourceLimit)
        /// The byte source or sink failed; ``JSONError/cause`` holds the underlying error.
        public static let io = Code(.io)
        /// The task reading or writing was cancelled.
        public static let cancelled = Code(.cancelled)
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

    /// Wraps a failure of the byte source or sink.
    static func io(_ error: any Error, _ name: String, file: String = #fileID, line: Int = #line) -> JSONError {
        if let json = error as? JSONError { return json }
        let message = (error as? any LagoaError)?.message ?? "I/O error on '\(name)': \(error)"
        return JSONError(.io, message, cause: error, location: SourceLocation(file: file, line: line))
    }

    /// Returns a copy with one more context entry, unless that key is already present.
    public func adding(_ key: String, _ value: String) -> JSONError {
        guard !context.contains(where: { $0.key == key }) else { return self }
        var copy = self
        copy.context.append(ErrorContext(key, value))
        return copy
    }
}
