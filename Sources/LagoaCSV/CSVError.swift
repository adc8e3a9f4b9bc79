public import LagoaCore

/// Every failure of the CSV reader and writer.
///
/// Messages name the file, the line and, for values, the column, and say how to fix the problem,
/// e.g. `'prices.csv' line 7, column 'price': cannot parse "abc" as float64; pass --type
/// price=string to read the column as text`.
public struct CSVError: LagoaError {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case malformedFile = "malformed_file"
            case invalidValue = "invalid_value"
            case invalidArgument = "invalid_argument"
            case schemaMismatch = "schema_mismatch"
            case unsupported
            case io
            case cancelled
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The bytes do not follow CSV: a row with the wrong number of fields, an unclosed quote.
        public static let malformedFile = Code(.malformedFile)
        /// A field does not parse as its column's type.
        public static let invalidValue = Code(.invalidValue)
        /// The caller asked for something impossible (unknown column, bad option).
        public static let invalidArgument = Code(.invalidArgument)
        /// A batch given to the writer does not match the writer's schema.
        public static let schemaMismatch = Code(.schemaMismatch)
        /// A type CSV cannot represent on read (lists, structs, maps).
        public static let unsupported = Code(.unsupported)
        /// The byte source or sink failed; ``CSVError/cause`` holds the underlying error.
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
    static func io(_ error: any Error, _ name: String, file: String = #fileID, line: Int = #line) -> CSVError {
        if let csv = error as? CSVError { return csv }
        let message = (error as? any LagoaError)?.message ?? "I/O error on '\(name)': \(error)"
        return CSVError(.io, message, cause: error, location: SourceLocation(file: file, line: line))
    }

    /// Returns a copy with one more context entry, unless that key is already present.
    public func adding(_ key: String, _ value: String) -> CSVError {
        guard !context.contains(where: { $0.key == key }) else { return self }
        var copy = self
        copy.context.append(ErrorContext(key, value))
        return copy
    }
}
