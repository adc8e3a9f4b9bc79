public import LagoaColumnar
import LagoaCore
import LagoaCSV
import LagoaJSON
public import LagoaObjectStore
import LagoaParquet
public import LagoaPlanner
#if canImport(Glibc)
import Glibc
#endif

/// Files matching a glob in an ``ObjectStore`` as one table: `read_parquet('data/*.parquet')`,
/// `read_csv(…)`, `read_json(…)` or a bare path.
///
/// The schema comes from the first matching file (the Parquet footer, or CSV/JSON inference); other
/// files are read by column name (a missing column reads as NULL). Parquet files are split into
/// row-group partitions when there are few files, so every core gets work, and row groups whose
/// min/max statistics rule out the pushed filters are skipped.
public struct FileTableSource: TableSource {
    public let store: any ObjectStore
    public let pattern: String
    public let format: FileFormat
    public let files: [ObjectMeta]
    public let schema: Schema
    public let displayName: String
    /// Partitions the planner aims for (row groups are split to reach it).
    public let targetPartitions: Int

    /// Lists the files matching `pattern` (relative to the store's root) and reads the schema of
    /// the first.
    /// - Parameters:
    ///   - format: `nil` picks it from the first file's extension.
    ///   - targetPartitions: how many partitions to aim for (usually the number of cores × 2).
    /// - Throws: ``ExecutionError`` when no file matches (naming the pattern), the format is
    ///   unknown, or the first file cannot be read (naming it).
    public init(store: any ObjectStore, pattern: String, format: FileFormat? = nil, displayName: String? = nil, targetPartitions: Int = 4) async throws {
        let glob = GlobPattern(pattern)
        let prefix = glob.literalPrefix
        let listed: [ObjectMeta]
        do {
            listed = try await store.list(prefix: prefix.isEmpty ? nil : try ObjectPath(prefix))
        } catch {
            throw ExecutionError(.io, "cannot list files for '\(pattern)' in \(store.url): \(error)", cause: error)
        }
        let matched = listed.filter { glob.matches($0.path.string) }.sorted { $0.path < $1.path }
        guard let first = matched.first else {
            throw ExecutionError(.io, "no file matches '\(pattern)' in \(store.url); check the path and the pattern (*, **, ?, [abc])")
        }
        guard let format = format ?? FileFormat.fromExtension(first.path.string) else {
            throw ExecutionError(
                .unsupported,
                "cannot tell the format of '\(first.path)' from its extension; use read_parquet, read_csv or read_json"
            )
        }
        self.store = store
        self.pattern = pattern
        self.format = format
        self.files = matched
        self.targetPartitions = max(1, targetPartitions)
        self.displayName = displayName ?? "\(format.functionName)('\(pattern)')"
        self.schema = try await FileReading.schema(of: first, in: store, format: format)
    }

    /// Files on the local disk: `path` may be absolute or relative to the current directory and may
    /// hold wildcards.
    public static func local(_ path: String, format: FileFormat? = nil, displayName: String? = nil, targetPartitions: Int = 4) async throws -> FileTableSource {
        var absolute = path
        if !absolute.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else { throw ExecutionError(.io, "cannot resolve '\(path)': the current directory is unknown") }
            absolute = String(cString: cwd) + "/" + path
            free(cwd)
        }
        // The store's root is the wildcard-free folder in front of the pattern.
        var segments = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rootSegments: [String] = []
        while segments.count > 1, !segments[0].contains(where: { "*?[".contains($0) }) {
            rootSegments.append(segments.removeFirst())
        }
        let root = "/" + rootSegments.joined(separator: "/")
        var info = stat()
        guard stat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ExecutionError(.io, "no file matches '\(path)': the folder \(root) does not exist")
        }
        let store: LocalFileSystemStore
        do {
            store = try LocalFileSystemStore(root: root)
        } catch {
            throw ExecutionError(.io, "cannot open the folder \(root) for '\(path)': \(error)", cause: error)
        }
        let name = displayName ?? "\((format ?? FileFormat.fromExtension(path))?.functionName ?? "read_file")('\(path)')"
        let pattern = segments.joined(separator: "/")
        guard GlobPattern(pattern).hasWildcards || stat(absolute, &info) == 0 else {
            throw ExecutionError(.io, "no file matches '\(path)': \(absolute) does not exist")
        }
        do {
            return try await FileTableSource(store: store, pattern: pattern, format: format, displayName: name, targetPartitions: targetPartitions)
        } catch let error as ExecutionError where error.message.hasPrefix("no file matches") {
            throw ExecutionError(.io, "no file matches '\(path)'; check the path and the pattern (*, **, ?, [abc])")
        }
    }

    public var estimatedRowCount: Double? { nil }

    public func partitions(columns: [Int], filters: [Expr], output: [ColumnRef], limit: Int?) async throws -> ScanPlan {
        let fields = columns.map { schema.fields[$0] }
        let target = Schema(fields)
        switch format {
        case .parquet:
            var byID: [Int: String] = [:]
            for (ref, field) in zip(output, fields) { byID[ref.id] = field.name }
            let predicates = ScanFilterTranslation.predicates(filters, names: byID).compactMap(ScanFilterTranslation.parquet)
            let filter: ParquetFilter? = predicates.isEmpty ? nil : (predicates.count == 1 ? predicates[0] : .and(predicates))
            return try await ParquetFilePlanner(store: store, files: files, target: target, filter: filter, targetPartitions: targetPartitions, limit: limit).plan()
        case .csv, .json:
            let parts: [any ScanPartition] = files.map {
                TextFilePartition(store: store, file: $0, format: format, tableSchema: schema, columns: columns)
            }
            return ScanPlan(partitions: parts, pruningSummary: "files \(files.count) of \(files.count)")
        }
    }
}
