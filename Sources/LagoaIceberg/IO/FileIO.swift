import LagoaCore
public import LagoaObjectStore

/// Maps the locations written in Iceberg metadata (`file:///…`, `s3://bucket/…`) to object stores.
///
/// A location belongs to the registered store whose URL is its longest prefix; locations no store
/// covers go to the `fallback` (the CLI supplies one that opens local folders and S3 buckets on
/// demand). Java and Spark write local paths as `file:/x` and bare `/x`; both are read as
/// `file:///x`.
public struct FileIO: Sendable {
    public typealias Fallback = @Sendable (String) throws(IcebergError) -> (any ObjectStore)?

    private let stores: [any ObjectStore]
    private let fallback: Fallback?

    public init(stores: [any ObjectStore], fallback: Fallback? = nil) {
        self.stores = stores.sorted { $0.url.count > $1.url.count }
        self.fallback = fallback
    }

    /// The store and key of `location`.
    /// - Throws: ``IcebergError/Code/invalidArgument`` for locations no store covers or keys that
    ///   would escape their store (`..`).
    public func resolve(_ location: String) throws(IcebergError) -> (store: any ObjectStore, path: ObjectPath) {
        let normalized = Self.normalize(location)
        var candidates = stores
        if let fallback, let extra = try fallback(normalized) { candidates.append(extra) }
        for store in candidates where normalized.hasPrefix(store.url + "/") {
            let key = String(normalized.dropFirst(store.url.count + 1))
            do {
                return (store, try ObjectPath(key))
            } catch {
                throw IcebergError(.invalidArgument, "location '\(location)' is not a valid object key: \(error.message)")
            }
        }
        throw IcebergError(
            .invalidArgument,
            "no storage is configured for '\(location)'; pass --warehouse for its bucket or folder"
        )
    }

    /// `file:/x` and `/x` as `file:///x`; other locations unchanged.
    public static func normalize(_ location: String) -> String {
        if location.hasPrefix("/") { return "file://" + location }
        if location.hasPrefix("file:/") && !location.hasPrefix("file://") { return "file://" + location.dropFirst(5) }
        if location.hasPrefix("s3a://") || location.hasPrefix("s3n://") { return "s3://" + location.dropFirst(6) }
        return location
    }

    public func read(_ location: String) async throws(IcebergError) -> [UInt8] {
        let (store, path) = try resolve(location)
        do {
            return try await store.get(path)
        } catch {
            throw Self.wrap(error, location)
        }
    }

    public func write(_ location: String, _ bytes: [UInt8]) async throws(IcebergError) {
        let (store, path) = try resolve(location)
        do {
            try await store.put(path, bytes)
        } catch {
            throw Self.wrap(error, location)
        }
    }

    /// Writes only if nothing is at `location` yet (metadata files are never overwritten).
    public func writeNew(_ location: String, _ bytes: [UInt8]) async throws(IcebergError) {
        let (store, path) = try resolve(location)
        do {
            try await store.putIfAbsent(path, bytes)
        } catch {
            throw Self.wrap(error, location)
        }
    }

    public func delete(_ location: String) async throws(IcebergError) {
        let (store, path) = try resolve(location)
        do {
            try await store.delete(path)
        } catch {
            throw Self.wrap(error, location)
        }
    }

    /// Every object under the folder `location`, as full locations with their metadata.
    public func list(_ location: String) async throws(IcebergError) -> [(location: String, meta: ObjectMeta)] {
        let (store, path) = try resolve(location)
        do {
            return try await store.list(prefix: path).map { (store.url + "/" + $0.path.string, $0) }
        } catch {
            throw Self.wrap(error, location)
        }
    }

    /// A streaming writer for a large file (data files).
    public func writer(_ location: String) async throws(IcebergError) -> any ObjectWriter {
        let (store, path) = try resolve(location)
        do {
            return try await store.writer(path)
        } catch {
            throw Self.wrap(error, location)
        }
    }

    /// A random-access source for the Parquet reader; `size` saves a HEAD when known.
    public func source(_ location: String, size: Int64? = nil) throws(IcebergError) -> ObjectStoreSource {
        let (store, path) = try resolve(location)
        return ObjectStoreSource(store: store, path: path, size: size)
    }

    static func wrap(_ error: ObjectStoreError, _ location: String) -> IcebergError {
        let code: IcebergError.Code = switch error.code {
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        default: .io
        }
        return IcebergError(code, error.message, context: [.init("location", location)], cause: error)
    }
}
