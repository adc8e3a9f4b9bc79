public import LagoaCore

/// A ``RandomAccessSource`` over one object of an ``ObjectStore``: the Parquet reader fetches its
/// footer, column chunks and pages as ranged GETs.
public struct ObjectStoreSource: RandomAccessSource {
    public let store: any ObjectStore
    public let path: ObjectPath
    private let knownSize: Int64?

    /// - Parameter size: the object's size when the caller knows it (Iceberg manifests record it),
    ///   which saves a HEAD request.
    public init(store: any ObjectStore, path: ObjectPath, size: Int64? = nil) {
        self.store = store
        self.path = path
        self.knownSize = size
    }

    public var name: String { store.url + "/" + path.string }

    public func size() async throws -> Int64 {
        if let knownSize { return knownSize }
        return try await store.head(path).size
    }

    public func read(offset: Int64, length: Int) async throws -> [UInt8] {
        guard length > 0 else { return [] }
        return try await store.get(path, range: offset..<(offset + Int64(length)))
    }
}
