public import LagoaCore

/// Every failure of the Avro schema parser, the binary codec and the object container file reader
/// and writer.
///
/// Messages name the file (or the schema element) and what is wrong, e.g.
/// `'snap-1.avro': block 3 ends after 120 of 400 bytes (truncated file)` or
/// `reader field 'sequence_number' is not in the writer schema and has no default`.
public struct AvroError: LagoaError {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case corruptFile = "corrupt_file"
            case invalidSchema = "invalid_schema"
            case schemaMismatch = "schema_mismatch"
            case invalidValue = "invalid_value"
            case resourceLimit = "resource_limit"
            case unsupported
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The bytes are not a valid Avro object container file or binary encoding.
        public static let corruptFile = Code(.corruptFile)
        /// A schema's JSON is malformed or does not follow the Avro specification.
        public static let invalidSchema = Code(.invalidSchema)
        /// The writer schema cannot be resolved against the reader schema.
        public static let schemaMismatch = Code(.schemaMismatch)
        /// A value given to the writer does not match the writer's schema.
        public static let invalidValue = Code(.invalidValue)
        /// A length or count is larger than Lagoa accepts (a corrupt file or a decompression bomb).
        public static let resourceLimit = Code(.resourceLimit)
        /// Valid Avro that Lagoa does not handle (an unknown codec, a recursive schema).
        public static let unsupported = Code(.unsupported)
        /// A bug in Lagoa.
        public static let `internal` = Code(.internal)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String
    public var context: [ErrorContext]
    public var cause: (any Error)?
    public var location: SourceLocation
    /// The path of a failing value inside the value given to the writer, built on the way up.
    var valuePath = ""

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

    /// Returns a copy with `part` (`.field`, `[3]`) put in front of ``valuePath``.
    func under(_ part: String) -> AvroError {
        var copy = self
        copy.valuePath = part + copy.valuePath
        return copy
    }

    /// Returns a copy whose message starts with `'name': `, unless it already names a file.
    func inFile(_ name: String) -> AvroError {
        guard !message.hasPrefix("'") else { return self }
        var copy = self
        copy.message = "'\(name)': " + message
        return copy
    }
}
