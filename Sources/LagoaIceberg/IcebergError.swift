public import LagoaCore

/// Every failure of Lagoa's Iceberg layer: catalogs, metadata, manifests, scans and commits.
///
/// Messages name the table or file and say what is wrong, e.g.
/// `table 'sales.sor.orders' changed while committing (expected metadata v3, found v4)` or
/// `s3://lake/…/snap-1-abc.avro: manifest list has no field 'manifest_path'`.
public struct IcebergError: LagoaError {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case notFound = "not_found"
            case alreadyExists = "already_exists"
            case namespaceNotEmpty = "namespace_not_empty"
            case commitConflict = "commit_conflict"
            case invalidMetadata = "invalid_metadata"
            case invalidArgument = "invalid_argument"
            case validation
            case unsupported
            case io
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No such namespace, table, snapshot, ref or field.
        public static let notFound = Code(.notFound)
        /// A namespace or table with that name exists already.
        public static let alreadyExists = Code(.alreadyExists)
        /// A namespace still holds tables or child namespaces.
        public static let namespaceNotEmpty = Code(.namespaceNotEmpty)
        /// Another writer committed first; retry on the new metadata.
        public static let commitConflict = Code(.commitConflict)
        /// A metadata file, manifest list or manifest is missing a field, malformed or corrupt.
        public static let invalidMetadata = Code(.invalidMetadata)
        /// The caller asked for something impossible: a bad name, transform, type change or option.
        public static let invalidArgument = Code(.invalidArgument)
        /// A write does not fit the table: wrong schema, rows outside the replaced partition.
        public static let validation = Code(.validation)
        /// A valid Iceberg feature Lagoa does not implement yet.
        public static let unsupported = Code(.unsupported)
        /// Storage or the catalog database failed; ``IcebergError/cause`` holds the underlying error.
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

    /// Returns a copy with one more context entry, unless that key is already present.
    public func adding(_ key: String, _ value: String) -> IcebergError {
        guard !context.contains(where: { $0.key == key }) else { return self }
        var copy = self
        copy.context.append(ErrorContext(key, value))
        return copy
    }

    /// Wraps any lower-level failure (object store, catalog database, Avro, Parquet) as `.io`,
    /// keeping its message; Iceberg errors pass through unchanged.
    public static func wrap(_ error: any Error, _ what: String, file: String = #fileID, line: Int = #line) -> IcebergError {
        if let iceberg = error as? IcebergError { return iceberg }
        let message = (error as? any LagoaError)?.message ?? "\(error)"
        return IcebergError(.io, "\(what): \(message)", cause: error, location: SourceLocation(file: file, line: line))
    }
}
