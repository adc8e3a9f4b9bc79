public import LagoaCore

/// Every failure of the Parquet reader and writer.
///
/// Decoders throw with a ``message`` describing the fault in the bytes they were given; the column
/// and file readers add where it happened (file, row group, column, byte offset) with
/// ``adding(_:_:)`` so the user sees the whole path, e.g.
/// `corrupt Parquet file: dictionary index 57 is out of range (dictionary has 10 entries)` followed
/// by `file: x.parquet`, `row group: 0`, `column: a.b`, `byte offset: 1234`.
public struct ParquetError: LagoaError {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case corruptFile = "corrupt_file"
            case unsupported
            case invalidArgument = "invalid_argument"
            case schemaMismatch = "schema_mismatch"
            case resourceLimit = "resource_limit"
            case io
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The bytes do not follow the Parquet format (truncated, garbage, out-of-range values).
        public static let corruptFile = Code(.corruptFile)
        /// A valid feature Lagoa does not implement (e.g. the BROTLI codec).
        public static let unsupported = Code(.unsupported)
        /// The caller asked for something impossible (unknown column, bad option).
        public static let invalidArgument = Code(.invalidArgument)
        /// Data written does not match the writer's schema.
        public static let schemaMismatch = Code(.schemaMismatch)
        /// A size limit protecting memory was exceeded (decompression bomb, huge page).
        public static let resourceLimit = Code(.resourceLimit)
        /// The byte source failed.
        public static let io = Code(.io)
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

    /// A corrupt-file error; `detail` says what is wrong with the bytes.
    public static func corrupt(_ detail: String, file: String = #fileID, line: Int = #line) -> ParquetError {
        ParquetError(.corruptFile, "corrupt Parquet file: \(detail)", location: SourceLocation(file: file, line: line))
    }

    /// An unsupported-feature error.
    public static func unsupported(_ detail: String, file: String = #fileID, line: Int = #line) -> ParquetError {
        ParquetError(.unsupported, detail, location: SourceLocation(file: file, line: line))
    }

    /// Returns a copy with one more context entry, unless that key is already present (the innermost
    /// value wins, since it is the most precise).
    public func adding(_ key: String, _ value: String) -> ParquetError {
        guard !context.contains(where: { $0.key == key }) else { return self }
        var copy = self
        copy.context.append(ErrorContext(key, value))
        return copy
    }

    /// Renders the message and its context on one line, as tests and logs compare it:
    /// `<message> (file: x, row group: 0, column: a, byte offset: 4)`.
    public var singleLine: String {
        context.isEmpty ? message : message + " (" + context.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}
